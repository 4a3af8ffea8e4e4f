"""`lawgap build`: render the pages, data and maps into a staging folder, run a strict MkDocs build,
and only then swap the finished site into place (a failure leaves the previous site untouched).

Determinism: pages and data are rendered in sorted order, and SOURCE_DATE_EPOCH is set to the
assessment date so MkDocs stamps that date (not the clock) into sitemap.xml and sitemap.xml.gz.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawgap.contribute.codebook import EXTRADITION_TITLE, CodebookError, build_codebook
from lawgap.engine.report import domain_reports
from lawgap.engine.unknowns import assessment_unknowns
from lawgap.load.layout import DOMAINS, display_name, schema_dir
from lawgap.load.regular_files import NotRegularFile, open_regular_file, walk_regular_files
from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import Citation, CitationError, load_citation
from lawgap.render.export import write_files
from lawgap.render.open_data import OpenData
from lawgap.render.output_folder import replacing
from lawgap.render.results_json import published_entries
from lawgap.render.site.codebook_pages import EXTRADITION_PAGE, codebook_pages
from lawgap.render.site.downloads_page import DATA_FOLDER
from lawgap.render.site.changes import PAGE as CHANGE_LOG_PAGE
from lawgap.render.site.changes import change_log_pages
from lawgap.render.site.escape import html_text
from lawgap.render.site.extradition_section import extradition_labels
from lawgap.render.site.formatting import DOMAIN_TITLES
from lawgap.render.site.feeds import feed_files
from lawgap.render.site.fragments import FragmentsPlugin, FragmentStore, inline
from lawgap.render.site.maps import world_map
from lawgap.render.site.pages import SitePages, compare_data
from lawgap.validate.schema_layer import SchemaSet

HAND_WRITTEN = "site"
CONFIG = "mkdocs.yml"
CONTRIBUTING = "CONTRIBUTING.md"


class SiteBuildError(Exception):
    """The site could not be built; the previous output is unchanged."""


@dataclass(frozen=True)
class BuiltSite:
    out: Path
    pages: int


def build_site(root: Path, kb: KnowledgeBase, day: datetime.date, out: Path) -> BuiltSite:
    schemas = SchemaSet(schema_dir(root))
    with replacing(out, root) as staging:  # first: a refused or busy output is known before the work starts
        docs = staging.work / "docs"
        _copy_hand_written(root / HAND_WRITTEN, docs)
        fragments = FragmentStore(staging.work / "fragments")  # beside docs/: MkDocs never reads them as pages
        with _source_date(day):
            config = _config(root, docs, staging.output, kb, day)
            config.plugins["lawgap-fragments"] = FragmentsPlugin(fragments)
            pages = write_generated(docs, root, kb, day, schemas, config["extra"].get("edit_data_url") or "",
                                    config["site_url"], fragments)
            _mkdocs(config)
        staging.publish()
    return BuiltSite(out, pages)


def write_generated(docs: Path, root: Path, kb: KnowledgeBase, day: datetime.date, schemas: SchemaSet,
                    edit_url: str, site_url: str | None = None, fragments: FragmentStore | None = None) -> int:
    """Compute the results and write every generated page and data file into `docs`; returns the number
    of pages. The pages' big tables go to `fragments` (see _PageWriter). Nothing of it is held on return,
    when MkDocs starts."""
    # The results contract is checked by `lawgap export` and the tests; here it would cost a third of the build.
    citation = _citation(root)
    site = SitePages(kb, [], day.isoformat(), edit_url.rstrip("/") or None,
                     {name: schema.get("title", name) for name, schema in schemas.documents.items()},
                     None, citation, site_url, extradition_labels(schemas))
    written = _PageWriter(docs, fragments)

    def results() -> Iterator[dict[str, Any]]:
        """The results one jurisdiction at a time, each one's page written as it passes: all full entries are
        never held at once (at 1,000 jurisdictions they took 120 MB), only their summaries (site.results)."""
        for code, reports in groupby(domain_reports(kb, day), key=lambda r: r.assessment.jurisdiction):
            reports = list(reports)
            entries = list(published_entries(kb, reports))
            facts_needed = {(code, r.assessment.domain): assessment_unknowns(kb, r.assessment, r.conduct) for r in reports}
            written.add(f"jurisdictions/{code.lower()}.md", site.jurisdiction_from(entries, facts_needed))
            yield from entries

    data = docs / DATA_FOLDER
    with OpenData(data, kb, day.isoformat(), schemas.documents["results"], citation) as open_data:
        open_data.write(map(open_data.prepare, results()))
    for name, content in generated_files(root, kb, site, day, schemas):
        written.add(name, content)
    return written.pages


class _PageWriter:
    """Writes generated files into the docs folder; a page's big tables go to `fragments` (the build's plugin
    puts them back after MkDocs), or stay in the page without it (what MkDocs alone would be given)."""

    def __init__(self, docs: Path, fragments: FragmentStore | None) -> None:
        self.docs, self.fragments, self.pages = docs, fragments, 0

    def add(self, name: str, content: str) -> None:
        if name.endswith(".md"):
            self.pages += 1
            content = self.fragments.defer(name, content) if self.fragments else inline(content)
        write_files(self.docs, {name: content})


def generated_files(root: Path, kb: KnowledgeBase, site: SitePages, day: datetime.date,
                    schemas: SchemaSet) -> Iterator[tuple[str, str]]:
    """Every generated page and data file, path and text, one at a time (write_generated writes each as it
    comes), but the jurisdiction pages and the downloads (write_generated writes those as the results pass:
    the results, facts, static API, citation and data package). `site` holds the results' summaries. No pairs files:
    they grow with the square of the data, and the compare page pairs jurisdictions in the browser from
    data/compare.json."""
    results = site.results
    yield from site.pages()
    yield "data/compare.json", compare_data(kb, results, day.isoformat())
    try:
        yield from codebook_pages(build_codebook(schemas, kb.baselines.values())).items()
    except CodebookError as error:
        raise SiteBuildError(f"codebook: {error}") from error
    yield from change_log_pages(kb)  # from reference/changelog.yaml, not git: same pages from a tarball
    yield from feed_files(kb, day, site.site_url).items()
    for name in schemas.documents:
        yield f"schemas/{name}.schema.json", _source_text(schema_dir(root) / f"{name}.schema.json")
    for domain in DOMAINS:
        entries = [e for e in results if e["domain"] == domain]
        yield f"assets/maps/{domain}.svg", world_map(entries)
        yield f"assets/maps/{domain}-known-met.svg", world_map(entries, "score_min")
    if os.path.lexists(root / CONTRIBUTING):  # lexists: a dangling link is refused, not taken for no file
        yield "contributing.md", _source_text(root / CONTRIBUTING)


def _citation(root: Path) -> Citation | None:
    try:
        return load_citation(root)
    except CitationError as error:
        raise SiteBuildError(str(error)) from error


def _copy_hand_written(source: Path, target: Path) -> None:
    """site/ into the staging docs folder, file by file: a symlink or special file stops the build
    (through a link, a pull request could publish any file of the build machine)."""
    for path, refused in walk_regular_files(source):
        if refused:
            raise SiteBuildError(f"{display_name(path)} {refused.reason}")
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        with _open_source(path) as handle, copy.open("wb") as written:
            shutil.copyfileobj(handle, written)


def _source_text(path: Path) -> str:
    with _open_source(path) as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SiteBuildError(f"{display_name(path)} is not valid UTF-8 (byte {error.start})") from error


def _open_source(path: Path) -> BinaryIO:
    """A source of the site opened for reading: a regular file, never through a link (see regular_files)."""
    try:
        return open_regular_file(path)
    except NotRegularFile as refused:
        raise SiteBuildError(f"{display_name(path)} {refused.reason}") from None
    except OSError as error:
        raise SiteBuildError(f"cannot read {display_name(path)}: {error.strerror or error}") from error


def navigation(kb: KnowledgeBase, has_contributing: bool) -> list[Any]:
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Jurisdictions": "jurisdictions/index.md"},
        {"Domains": [{DOMAIN_TITLES[d]: f"domains/{d}.md"} for d in DOMAINS]},
        {"Compare": "compare.md"},
        {"Standards": ["baselines/index.md"] + [{html_text(b.short_title): f"baselines/{b.id}.md"}
                                                for b in sorted(kb.baselines.values(), key=lambda b: b.id)]},
        {"Methodology": "methodology.md"},
        {"Codebook": ["codebook/index.md"] + [{DOMAIN_TITLES[d]: f"codebook/{d}.md"} for d in DOMAINS]
                     + [{EXTRADITION_TITLE: f"codebook/{EXTRADITION_PAGE}.md"}]},
        {"Downloads": "downloads.md"},
        {"Change log": CHANGE_LOG_PAGE},
    ]
    if has_contributing:
        nav.append({"Contributing": "contributing.md"})
    return nav


def _config(root: Path, docs: Path, site: Path, kb: KnowledgeBase, day: datetime.date) -> Any:
    try:
        config = load_config(str(root / CONFIG), docs_dir=str(docs), site_dir=str(site), strict=True,
                             nav=navigation(kb, (root / CONTRIBUTING).is_file()))
    except MkDocsException as error:
        raise SiteBuildError(f"{CONFIG} is not valid: {error}") from error
    # the footer of every page (site/overrides/partials/copyright.html): the data version and the date assessed
    config["extra"].update(data_version=kb.data_version or "not dated", as_of=day.isoformat())
    return config


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say what failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _mkdocs(config: Any) -> None:
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)  # MkDocs' info chatter is not for our users
    collected = _Collect()
    logger.addHandler(collected)
    try:
        mkdocs_build(config)
    except MkDocsException as error:
        details = "".join(f"\n  {message}" for message in collected.messages)
        raise SiteBuildError(f"mkdocs build failed: {error}{details}") from error
    finally:
        logger.removeHandler(collected)


# gzip stores a file's time as an unsigned 32-bit count of seconds: 1970-01-01 to 2106-02-07.
GZIP_EPOCH_RANGE = (0, 2**32 - 1)


def source_date_epoch(day: datetime.date) -> int:
    """The stamp for MkDocs: the assessment date, clamped into what gzip can record (sitemap.xml.gz)."""
    epoch = int(datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.timezone.utc).timestamp())
    return min(max(epoch, GZIP_EPOCH_RANGE[0]), GZIP_EPOCH_RANGE[1])


@contextmanager
def _source_date(day: datetime.date) -> Iterator[None]:
    """Make MkDocs stamp the assessment date, not the clock, so builds are reproducible."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(day))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
