extensions = ["myst_parser", "sphinx_phases"]
exclude_patterns = ["parts"]
