extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = "phases.yml"
phases_theme_nav = True
