"""Anonymous engagement logging and reports (no Qt here: see design.md, "Engagement events")."""
