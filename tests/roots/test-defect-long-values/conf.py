extensions = ["myst_parser", "sphinx_phases"]
LONG = "k" * 100_000
phases_required_questions = ["objective", LONG]
phases_stages = [{"id": "s" * 3000, "title": "T", "phases": ["p" * 3000]}]
