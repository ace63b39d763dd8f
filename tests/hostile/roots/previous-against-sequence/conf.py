extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = ["a", "b", "c"]
