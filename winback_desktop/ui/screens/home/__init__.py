"""Home: who you are and today's work."""
