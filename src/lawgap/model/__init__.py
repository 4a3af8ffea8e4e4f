"""Model: typed objects built from validated data; the only thing the engine reads."""
