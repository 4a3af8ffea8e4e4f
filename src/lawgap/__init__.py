"""lawgap: compare national trafficking laws against treaty standards."""

__version__ = "0.1.0"
