extensions = ["myst_parser", "sphinx_phases"]
phases_standards = {"s": "standard.yml"}
