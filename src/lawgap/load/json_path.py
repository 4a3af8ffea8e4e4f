"""JSON paths as printed in messages: `$.offences[0].penalty_history[1].source.url`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def child_path(parent: str, key: str | int) -> str:
    """Path of a member (str key) or item (int index) below `parent`."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return parent + _member(key)


@lru_cache(maxsize=4096)  # a few hundred distinct keys recur in every file; the loader asks ~500 times a file
def _member(key: str) -> str:
    return f".{key}" if _PLAIN_KEY.match(key) else f"[{key!r}]"


def path_of(parts: Iterable[str | int]) -> str:
    """Path from a sequence of keys and indexes, as jsonschema reports them."""
    path = "$"
    for part in parts:
        path = child_path(path, part)
    return path
