"""Benchmarks, run as ``uv run python -m bench NAME``; they print figures and ratios."""
