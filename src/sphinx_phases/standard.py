"""The standard phases, in their usual order: one table for pictograms, colours and the CLI.

Each has a built-in pictogram named like it and a colour of the legacy palette, and the
command line puts migrated pages in this order (docs/reference/declaring.md).
"""

STANDARD_PHASES = ("discovery", "alpha", "beta", "live", "retirement")
