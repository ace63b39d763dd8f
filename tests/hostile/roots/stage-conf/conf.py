extensions = ["myst_parser", "sphinx_phases"]
phases_stages = [
    {"id": "ends", "title": "<script>alert(1)</script>", "phases": ["a", "d"]},
    {"id": "ghost", "phases": ["zzzz"]},
    "just text",
]
