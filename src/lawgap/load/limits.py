"""Size limits of a data file, shared by the loader and its error messages."""

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32  # data files nest about six levels; deeper is an attack or a slip
