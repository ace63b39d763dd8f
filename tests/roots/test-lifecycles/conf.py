extensions = ["myst_parser", "sphinx_phases"]
project = "Handbook"
version = "1"
copyright = "2026, Handbook writers"
phases_lifecycles = {
    "service": {"root": "service/", "sequence": ["discovery", "alpha", "review"]},
    "buying": {
        "root": "buying/",
        "sequence": ["discovery", "tender", "review"],
        "profile": "stage-gate",
    },
}
