"""Quality assurance: review, scoring, calibration."""
