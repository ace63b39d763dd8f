extensions = ["sphinx_phases"]
phases_profile = "stage-gate"
phases_labels = {"Next phase": "Next stage", "Nxt phase": "x"}
