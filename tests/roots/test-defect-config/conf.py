extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = 42
phases_loops = "live"
