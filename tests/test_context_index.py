"""Context.of_kind lists the documents of a kind in order, and sees documents added after it was first asked."""

from __future__ import annotations

import datetime
from pathlib import Path

from lawgap.load.layout import DataFile
from lawgap.load.strict_yaml import LoadedFile
from lawgap.validate.document import Context, Document


def document(folder: str, kind: str) -> Document:
    path = Path(f"laws/{folder}/{kind}.yaml")
    return Document(DataFile(str(path), path, kind, folder), LoadedFile(str(path), {"kind": kind}))


def test_of_kind_lists_the_documents_of_a_kind_in_order_and_follows_additions() -> None:
    context = Context(today=datetime.date(2026, 1, 1))
    assert context.of_kind("wildlife") == []
    first, second, other = document("ke", "wildlife"), document("ug", "wildlife"), document("ke", "jurisdiction")
    context.documents.extend([first, other])
    assert context.of_kind("wildlife") == [first]
    context.documents.append(second)
    assert context.of_kind("wildlife") == [first, second] and context.of_kind("jurisdiction") == [other]
    context.of_kind("wildlife").clear()  # a caller's list is its own
    assert context.of_kind("wildlife") == [first, second]
    assert Context(today=datetime.date(2026, 1, 1), documents=[other]).of_kind("jurisdiction") == [other]
