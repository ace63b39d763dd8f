extensions = ["myst_parser", "sphinx_phases"]
phases_lifecycles = {
    "service": {"root": "service/", "sequense": ["discovery", "review"]},
    "buying": {"root": "buying/", "navigation": "sideways"},
    "again": {"root": "./service"},
    "away": {"root": "../elsewhere/"},
    "Bad Name": {"root": "bad/"},
}
