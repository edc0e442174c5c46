"""The Excel/CSV import wizard."""
