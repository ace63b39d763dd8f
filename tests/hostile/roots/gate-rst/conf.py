extensions = ["sphinx_phases"]
