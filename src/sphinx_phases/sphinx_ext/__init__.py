"""What happens during a Sphinx build: the domain, the pipeline, transforms, content, export."""
