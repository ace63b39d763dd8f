extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = ["a", {"b": ["b1", "b2"]}, "c"]
