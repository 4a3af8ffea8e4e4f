"""Size limits of a data file, shared by the loader and its error messages."""

MAX_FILE_BYTES = 512 * 1024
# reference/changelog.yaml is written by `lawgap changelog --append`, never by hand, and grows with every
# logged commit (one session's re-coding adds ~700 KB): it gets a larger, still bounded, limit
MACHINE_WRITTEN_MAX_BYTES = {"changelog": 16 * 1024 * 1024}


def max_file_bytes(kind: str) -> int:
    """The size limit of a data file of this kind."""
    return MACHINE_WRITTEN_MAX_BYTES.get(kind, MAX_FILE_BYTES)
MAX_DEPTH = 32  # data files nest about six levels; deeper is an attack or a slip
