"""Directives: each parses its markup into semantic nodes and records raw facts."""
