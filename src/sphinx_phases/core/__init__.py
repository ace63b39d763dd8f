"""The model with no Sphinx or docutils in it: what a manual declares, checked and resolved."""
