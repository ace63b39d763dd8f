extensions = ["myst_parser", "sphinx_phases"]
project = "Mixed site"
copyright = "2026, the tests"
version = "1.0"
