"""Pure domain logic: no Qt, no SQLAlchemy, nothing else of the project."""
