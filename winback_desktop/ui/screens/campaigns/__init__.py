"""Win-back and save campaigns."""
