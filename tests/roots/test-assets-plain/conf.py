# A site with no phases: tests build it with and without sphinx_phases added.
extensions = ["myst_parser"]
project = "Plain site"
copyright = "2026, the tests"
version = "1.0"
