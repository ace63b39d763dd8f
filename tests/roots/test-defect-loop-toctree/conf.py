extensions = ["myst_parser", "sphinx_phases"]
