extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = [
    "alpha",
    "beta",
]
phases_loops = [{"from": "beta", "to": "discovery"}]
