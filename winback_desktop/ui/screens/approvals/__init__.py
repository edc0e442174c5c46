"""The supervisor's approval inbox."""
