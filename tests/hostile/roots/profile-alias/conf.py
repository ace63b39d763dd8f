extensions = ["myst_parser", "sphinx_phases"]
phases_profile = "profile.yml"
