extensions = ["sphinx_phases"]
project = "Words shown elsewhere"
phases_questions = {"objective": "What is the objective?"}
rst_epilog = ".. |org| replace:: Acme"
copyright = "2026, the service team"
version = "1.0"
