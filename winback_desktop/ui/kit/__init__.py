"""Building blocks every screen shares: the background-op helper, error text, small
widgets, charts and the words for stored codes."""
