"""Long-term plans: to-dos due today and the plan editor."""
