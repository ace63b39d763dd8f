extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = "phases.yml"
phases_required_questions = ["objective"]
