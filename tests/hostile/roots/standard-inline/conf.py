extensions = ["myst_parser", "sphinx_phases"]
phases_standards = {
    "s": [{"id": "1", "title": "One"}, {"id": "1", "title": "Again"}, {"id": "2"}],
    "m": {"title": "M", "points": [{"id": "all", "title": "All"}, {"id": "a b", "title": "X"}]},
    "u": {"points": [{"id": "9", "title": "Nine", "url": "javascript:alert(1)"}], "colour": "red"},
}
