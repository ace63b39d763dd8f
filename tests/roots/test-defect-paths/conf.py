extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = "phases/" + "a" * 300 + ".yml"
phases_profile = "profile\0.yml"
phases_standards = {"std": "x" * 5000 + ".yml"}
