"""Thin front ends: Telegram, the console and the CLI parse, call the core and render."""
