"""What authors write: directives, roles and front matter, parsed and recorded."""
