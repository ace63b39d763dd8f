extensions = ["myst_parser", "sphinx_phases"]
phases_standards = {"s": "missing.yml"}
