"""Staff pages: content, visits, export, settings and system."""
