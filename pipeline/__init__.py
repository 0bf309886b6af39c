"""Document pipeline: YAML content to signing documents and their public Woo version."""
