extensions = ["myst_parser", "sphinx_phases"]
phases_sequence = ["a", 5, None, ["b"], {"b": "c"}, {"a": [], "b": []}, "Bad Id"]
phases_loops = [3, ["a"]]
