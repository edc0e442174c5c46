"""Use cases: one function per action a user takes; transactions, permissions, audit."""
