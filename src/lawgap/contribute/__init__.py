"""Contributor tools: scaffold new data files and show how a change moves the results."""
