"""Work done one jurisdiction at a time, on every core.

Once the knowledge base is loaded and valid, what each jurisdiction's results need (the engine's
assessments, and the bytes written from them) depends on no other jurisdiction's, so `lawgap score
--format json` and `lawgap export` hand the jurisdictions to worker processes: at 1,000 jurisdictions
this work is 2-8 CPU seconds. The workers are forked from the process that holds the knowledge base, so
they share its memory (copy-on-write) instead of receiving a copy of it, and send back only what they
make, in the order of the jurisdictions. With one core, few jurisdictions or no fork (Windows, macOS),
the work runs in this process, with the same result.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Made = TypeVar("Made")

PARALLEL_FROM = 100  # jurisdictions; below this, starting workers costs more than it saves
MAX_WORKERS = 8

_work: Callable[[str], Any] | None = None  # what the workers run: set before they are forked, which copies it


def for_each_jurisdiction(codes: Sequence[str], work: Callable[[str], Made]) -> Iterator[Made]:
    """work(code) for each code, in the order of `codes`. `work` may read anything this process holds
    (the workers are its copies) but must not write to a file another call writes: its result comes
    back to be written here. An exception it raises is raised here."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(codes) < PARALLEL_FROM or workers < 2 or not sys.platform.startswith("linux"):
        yield from map(work, codes)
        return
    global _work
    _work = work
    for stream in (sys.stdout, sys.stderr):  # a worker flushes the standard streams it was forked with on exit
        stream.flush()
    gc.freeze()  # the cycle collector of a worker leaves the inherited objects alone, and so their pages shared
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_run, codes, chunksize=max(1, min(len(codes) // (workers * 8), 16)))
    finally:
        gc.unfreeze()
        _work = None


def _run(code: str) -> Any:
    assert _work is not None
    return _work(code)
