"""Offers: the workspace's offers panel, the catalogue/authority screen and their wording."""
