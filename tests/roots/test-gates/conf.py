extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = "phases.yml"
phases_standards = {"service-standard": "standard.yml"}
phases_standard_coverage = True
