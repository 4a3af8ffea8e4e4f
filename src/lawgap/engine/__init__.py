"""Engine: pure functions from the model (and a date) to results. No I/O."""
