"""Checks beyond parsing: across languages and files, over time, and reading level (authoring
only)."""
