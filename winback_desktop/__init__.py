"""Winback Desktop: a console for permanent customer win-back call teams."""

__version__ = "0.1.0"
APP_NAME = "Winback Desktop"
APP_ID = "WinbackDesktop"
ORG_NAME = "Winback"
