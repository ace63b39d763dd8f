extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = [{"b": ["a"]}, "c"]
