"""The customers screen, its lazy table model and its labels."""
