"""Exit interviews: the runner inside a call, the script editor and the report."""
