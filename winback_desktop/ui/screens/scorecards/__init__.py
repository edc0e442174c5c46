"""Scorecards for agents, supervisors and managers."""
