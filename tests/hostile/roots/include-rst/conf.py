extensions = ["sphinx_phases"]
exclude_patterns = ["parts"]
