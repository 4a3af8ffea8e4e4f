"""A citation marked `source-text` sits on a host that reference/source-hosts.yaml lists as an official,
intergovernmental or legal-information-institute publisher: a copy on any other site (GitHub, Scribd,
a law firm, a bare-act reposting site) is `secondary`, as CONTRIBUTING says. Also: each host is listed once.

The rule needs the host table, so it runs when reference/ is validated with the data (the default
`lawgap validate`, CI and the build); a file validated on its own is checked against it there."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.model.source_hosts import OTHER, SourceHosts, host_of
from lawgap.validate.document import Context, Document

RULE = "source-text-hosts"
READS = ("source-hosts",)  # the other documents it reads (context.of_kind)
TABLE = "reference/source-hosts.yaml"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind == "source-hosts":
        yield from _listed_once(document)
        return
    tables = context.of_kind("source-hosts")
    if not tables:
        return
    hosts = SourceHosts.from_data(tables[0].data)  # 100-odd entries: cheap beside the walk below
    for path, _key, value in document.nodes():
        if not (isinstance(value, dict) and value.get("verification") == "source-text" and isinstance(value.get("url"), str)):
            continue
        if hosts.host_class(value["url"]) == OTHER:
            host = host_of(value["url"])
            yield document.problem(
                RULE, f"{path}.verification",
                f"source-text is cited on {host}, which {TABLE} does not list as an official, intergovernmental or "
                "legal-information-institute publisher",
                f"a copy of the law on a third-party site is `secondary`; if {host} is the State's own publication "
                f"(or an intergovernmental body's, or a legal information institute's), add it to {TABLE} with its publisher")


def _listed_once(document: Document) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for index, entry in enumerate(document.data["hosts"]):
        if entry["host"] in first:
            yield document.problem(RULE, f"$.hosts[{index}].host", f"host {entry['host']!r} is already listed at "
                                   f"$.hosts[{first[entry['host']]}]", "list each host once")
        first.setdefault(entry["host"], index)
