"""Use cases over a unit of work, and the composition root (services.py)."""
