"""Load: read data files strictly and find which kind each file is."""
