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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawgap.contribute.codebook import EXTRADITION_TITLE, CodebookError, build_codebook
from lawgap.engine.report import report_all
from lawgap.engine.unknowns import UnknownFact, assessment_unknowns
from lawgap.load.layout import DOMAINS, display_name, schema_dir
from lawgap.load.regular_files import NotRegularFile, open_regular_file, walk_regular_files
from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import Citation, CitationError, load_citation
from lawgap.render.export import write_files, write_results
from lawgap.render.open_data import OpenData
from lawgap.render.output_folder import replacing
from lawgap.render.results_json import published_results
from lawgap.render.site.codebook_pages import EXTRADITION_PAGE, codebook_pages
from lawgap.render.site.downloads_page import DATA_FOLDER
from lawgap.render.site.changes import PAGE as CHANGE_LOG_PAGE
from lawgap.render.site.changes import change_log_page
from lawgap.render.site.escape import html_text
from lawgap.render.site.extradition_section import extradition_labels
from lawgap.render.site.formatting import DOMAIN_TITLES
from lawgap.render.site.feeds import feed_files
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
        with _source_date(day):
            config = _config(root, docs, staging.output, kb)
            # the footer of every page (site/overrides/partials/copyright.html): the data version and the date assessed
            config["extra"].update(data_version=kb.data_version or "not dated", as_of=day.isoformat())
            pages = write_generated(docs, root, kb, day, schemas, config["extra"].get("edit_data_url") or "",
                                    config["site_url"])
            _mkdocs(config)
        staging.publish()
    return BuiltSite(out, pages)


def write_generated(docs: Path, root: Path, kb: KnowledgeBase, day: datetime.date, schemas: SchemaSet,
                    edit_url: str, site_url: str | None = None) -> int:
    """Compute the results and write every generated page and data file into `docs`; returns the number
    of pages. The results and page texts are freed on return, before MkDocs holds every page again
    (at 1,000 jurisdictions that lowers the build's peak memory by about a quarter)."""
    # The results contract is checked by `lawgap export` and the tests; here it would cost a third of the build.
    report = report_all(kb, day)
    results = published_results(kb, report)
    facts_needed = {(d.assessment.jurisdiction, d.assessment.domain): assessment_unknowns(kb, d.assessment, d.conduct)
                    for d in report.domains}
    citation = _citation(root)
    pages = generated_files(root, kb, results, day, schemas, edit_url, facts_needed, citation, site_url)
    write_files(docs, pages)
    data = docs / DATA_FOLDER
    with OpenData(data, kb, day.isoformat(), schemas.documents["results"], citation) as open_data:
        write_results(data, open_data.passing(results))
    return sum(1 for name in pages if name.endswith(".md"))


def generated_files(root: Path, kb: KnowledgeBase, results: list[dict[str, Any]], day: datetime.date,
                    schemas: SchemaSet, edit_url: str,
                    facts_needed: Mapping[tuple[str, str], list[UnknownFact]] | None = None,
                    citation: Citation | None = None, site_url: str | None = None) -> dict[str, str]:
    """Every generated page and data file but the downloads (write_generated writes those: the results,
    facts, static API, citation and data package). No pairs files:
    they grow with the square of the data, and the compare page pairs jurisdictions in the browser from
    data/compare.json."""
    titles = {name: schema.get("title", name) for name, schema in schemas.documents.items()}
    files = SitePages(kb, results, day.isoformat(), edit_url.rstrip("/") or None, titles, facts_needed, citation, site_url,
                      extradition_labels(schemas)).render()
    files["data/compare.json"] = compare_data(kb, results, day.isoformat())
    try:
        files.update(codebook_pages(build_codebook(schemas, kb.baselines.values())))
    except CodebookError as error:
        raise SiteBuildError(f"codebook: {error}") from error
    files[CHANGE_LOG_PAGE] = change_log_page(kb)  # from reference/changelog.yaml, not git: same page from a tarball
    files.update(feed_files(kb, day, site_url))
    for name in schemas.documents:
        files[f"schemas/{name}.schema.json"] = _source_text(schema_dir(root) / f"{name}.schema.json")
    for domain in DOMAINS:
        entries = [e for e in results if e["domain"] == domain]
        files[f"assets/maps/{domain}.svg"] = world_map(entries)
        files[f"assets/maps/{domain}-known-met.svg"] = world_map(entries, "score_min")
    if os.path.lexists(root / CONTRIBUTING):  # lexists: a dangling link is refused, not taken for no file
        files["contributing.md"] = _source_text(root / CONTRIBUTING)
    return files


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


def _config(root: Path, docs: Path, site: Path, kb: KnowledgeBase) -> Any:
    try:
        return load_config(str(root / CONFIG), docs_dir=str(docs), site_dir=str(site), strict=True,
                           nav=navigation(kb, (root / CONTRIBUTING).is_file()))
    except MkDocsException as error:
        raise SiteBuildError(f"{CONFIG} is not valid: {error}") from error


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
