extensions = ["myst_parser", "sphinx_phases"]
project = "Words shown elsewhere"
myst_enable_extensions = ["dollarmath", "substitution"]
myst_substitutions = {"org": "Acme"}
phases_questions = {"objective": "What is the objective?"}
copyright = "2026, the service team"
version = "1.0"
myst_heading_anchors = 2
