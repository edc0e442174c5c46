"""The segmentation grid (SLTV tier x defection reason -> treatment)."""
