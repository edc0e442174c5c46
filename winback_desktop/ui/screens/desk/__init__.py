"""The agent's desk around the call (issue 16): callbacks, not-ready, help, figures,
worked customers and coaching. Separate from the call workspace, which embeds it."""
