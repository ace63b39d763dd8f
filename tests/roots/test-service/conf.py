extensions = ["myst_parser", "sphinx_phases"]
project = "Service manual"
