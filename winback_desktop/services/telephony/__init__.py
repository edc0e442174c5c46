"""The team's phone system behind one interface (issue 20): adapters, events, settings."""
