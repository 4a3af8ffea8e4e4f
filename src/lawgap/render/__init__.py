"""Render: engine results as JSON, CSV, terminal tables and (later) site pages. Reads results only."""
