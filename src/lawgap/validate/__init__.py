"""Validate: YAML -> schema -> semantic rules, every problem collected with file and line."""
