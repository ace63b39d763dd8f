extensions = ["myst_parser", "sphinx_phases"]
phases_required_questions = ["objective", "contents"]
