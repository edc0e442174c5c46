"""Administration: users, audit log, backups, settings, the team server."""
