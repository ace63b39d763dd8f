extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]
project = "Service manual"
copyright = "2026, the service team"
version = "1.0"
phases_required_questions = ["objective"]
