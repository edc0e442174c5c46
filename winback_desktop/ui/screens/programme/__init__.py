"""Does the programme pay: the programme report."""
