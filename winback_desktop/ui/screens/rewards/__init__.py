"""Rewards: leaderboards, points, redemptions, rules."""
