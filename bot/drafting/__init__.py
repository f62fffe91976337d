"""Drafting a ledger from a progress report: pairing figures, reading words, measuring."""
