"""Benchmarks: they print figures; see bench/RESULTS.md."""
