"""PySide6 windows, dialogs and models; they call services only."""
