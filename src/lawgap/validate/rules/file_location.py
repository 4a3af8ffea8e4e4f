"""The folder and file name agree with the jurisdiction and domain the file declares."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import BASELINES_DIR, DOMAINS, JURISDICTION_FILE
from lawgap.validate.document import Context, Document

RULE = "file-location"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    folder = document.file.folder
    if document.kind == "baseline":
        expected = document.file.path.stem
        if document.data["id"] != expected:
            yield document.problem(RULE, "$.id", f"id {document.data['id']!r} does not match file name {BASELINES_DIR}/{expected}.yaml")
        return
    if document.kind not in DOMAINS and document.kind != "jurisdiction":
        return
    if document.kind == "jurisdiction":
        code = document.data["code"]
        if folder != code.lower():
            yield document.problem(RULE, "$.code", f"code {code!r} does not match folder laws/{folder}/",
                                   f"move the file to laws/{code.lower()}/ or correct the code")
        return
    declared = document.data["jurisdiction"]
    if folder != declared.lower():
        yield document.problem(RULE, "$.jurisdiction", f"jurisdiction {declared!r} does not match folder laws/{folder}/",
                               f"move the file to laws/{declared.lower()}/ or correct the code")
    if document.data["domain"] != document.kind:
        yield document.problem(RULE, "$.domain", f"domain {document.data['domain']!r} does not match file name {document.kind}.yaml")
    if (folder, "jurisdiction") not in context.present:
        yield document.problem(RULE, "$.jurisdiction", f"laws/{folder}/{JURISDICTION_FILE} is missing",
                               "every jurisdiction folder needs a jurisdiction.yaml (lawgap new CC scaffolds one)")
