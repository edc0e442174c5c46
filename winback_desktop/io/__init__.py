"""Spreadsheet input and output: reading, mapping, validating and writing files."""
