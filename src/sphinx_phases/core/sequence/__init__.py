"""The sequence: the configured order, its links and loops, resolved and checked."""
