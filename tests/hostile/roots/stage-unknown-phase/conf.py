extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = "phases.yml"
