"""The application shell: start-up, login, main window, screen registry, crash handling,
preferences, translations and style."""
