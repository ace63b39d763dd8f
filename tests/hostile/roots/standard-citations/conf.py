extensions = ["myst_parser", "sphinx_phases"]
phases_standards = {"s": [{"id": "1", "title": "One"}, {"id": "2", "title": "Two"}]}
