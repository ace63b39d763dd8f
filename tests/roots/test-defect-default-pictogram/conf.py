extensions = ["myst_parser", "sphinx_phases"]
phases_default_pictogram = "prototyp"
