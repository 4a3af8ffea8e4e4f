"""One problem found in a data file, and the ways it is printed for people and for CI."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a place: file (as given to the user), 1-based line, JSON path of the value."""

    file: str
    line: int
    path: str
    message: str
    tip: str | None = None
    rule: str = ""

    def as_text(self) -> str:
        where = f"{self.file}:{self.line}:"
        head = f"{where} {self.path}: {self.message}" if self.path else f"{where} {self.message}"
        return head + (f"\n    tip: {self.tip}" if self.tip else "")

    def as_github(self) -> str:
        # GitHub workflow-command escaping: data is %-encoded, properties also escape ':' and ','.
        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        body = f"{self.path}: {self.message}" if self.path else self.message
        if self.tip:
            body += f" (tip: {self.tip})"
        title = f"lawgap {self.rule}" if self.rule else "lawgap"
        return f"::error file={prop(self.file)},line={self.line},title={prop(title)}::{data(body)}"


def format_diagnostics(diagnostics: list[Diagnostic], output_format: str) -> str:
    """Render diagnostics as `text`, `json` or `github` (workflow annotations)."""
    ordered = sorted(diagnostics)
    if output_format == "json":
        return json.dumps([asdict(d) for d in ordered], indent=2, ensure_ascii=False)
    if output_format == "github":
        return "\n".join(d.as_github() for d in ordered)
    return "\n".join(d.as_text() for d in ordered)
