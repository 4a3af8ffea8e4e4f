"""The `lawgap` command line."""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lawgap import __version__
from lawgap.contribute import agreement as double_coding
from lawgap.contribute.coding import InvalidCoding, load_codings
from lawgap.diagnostics import format_diagnostics
from lawgap.engine.all_pairs import all_pairs
from lawgap.engine.assessment import assess
from lawgap.engine.compare import compare, weakest_links
from lawgap.engine.extradition import route_extradition
from lawgap.engine.history import score_history
from lawgap.engine.report import jurisdiction_reports
from lawgap.engine.term_words import term_words
from lawgap.engine.unknowns import ranked_unknowns
from lawgap.fan_out import for_each_jurisdiction
from lawgap.load.layout import (
    BASELINES_DIR,
    CHANGELOG_FILE,
    DOMAINS,
    default_targets,
    display_name,
    find_root,
    schema_dir,
)
from lawgap.model.build import InvalidKnowledgeBase, load_knowledge_base
from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import CitationError, load_citation
from lawgap.render.export import array_item, dumps, write_encoded_array, write_pairs
from lawgap.render.extradition_json import verdict_dict
from lawgap.render.extradition_table import extradition_text
from lawgap.render.open_data import OpenData, PreparedEntry
from lawgap.render.output_folder import OutputRefused, check_output, replacing
from lawgap.render.results_json import (
    assessment_dict,
    comparison_dict,
    history_dict,
    published_entries,
    route_dict,
)
from lawgap.render.tables import HISTORY_COLUMNS, SCORE_COLUMNS, plain, score_row, to_csv, to_table
from lawgap.render.unknowns import TABLE_COLUMNS as UNKNOWN_COLUMNS
from lawgap.render.unknowns import unknown_dicts, unknown_rows
from lawgap.validate.cache import default_folder
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.schema_layer import SchemaSet, UnreadableSchema

if TYPE_CHECKING:
    from lawgap.render.site.build import BuiltSite

# The site (MkDocs) and the contributor tools are imported by the commands that use them: the others,
# `validate`, `score` and `export` first, start ~0.2 s sooner.


class AssessableDate(click.DateTime):
    """A YYYY-MM-DD date lawgap can assess, for every date option. Bounded so that every command works
    for every date it accepts (the site's gzip stamps stop at 2106; nothing here predates 1900)."""

    EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> datetime.datetime:
        parsed = super().convert(value, param, ctx)
        if not self.EARLIEST <= parsed.date() <= self.LATEST:
            self.fail(f"{parsed.date().isoformat()} is outside the dates lawgap assesses "
                      f"({self.EARLIEST.isoformat()} to {self.LATEST.isoformat()})", param, ctx)
        return parsed


AS_OF = click.option("--as-of", "as_of", type=AssessableDate(), default=None,
                     help="Assess the law as it stood on this date (YYYY-MM-DD, 1900-01-01 to 2100-12-31; "
                          "default: today).")
DOMAIN = click.option("--domain", type=click.Choice(DOMAINS), default=None, help="Only this domain.")


class RefusedOutput(click.ClickException):
    """An output path lawgap will not write (see lawgap.render.output_folder): exit 2, like a usage error."""

    exit_code = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawgap")
def main() -> None:
    """lawgap: compare national trafficking laws against treaty standards."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for tools, github for workflow annotations.")
@click.option("--no-cache", is_flag=True, help="Re-check every file from scratch (also: LAWGAP_NO_CACHE=1).")
def validate(paths: tuple[Path, ...], output_format: str, no_cache: bool = False) -> None:
    """Check data files (default: laws/, baselines/ and reference/). Exits 1 if anything is wrong."""
    started = time.perf_counter()
    root = find_root(paths[0] if paths else None)
    schemas = _schemas(root)
    report = validate_paths(list(paths) or default_targets(root), schemas, cache_folder=None if no_cache else default_folder())
    if report.diagnostics:
        click.echo(format_diagnostics(report.diagnostics, output_format))
    if output_format == "text":
        elapsed = time.perf_counter() - started
        summary = (f"{len(report.diagnostics)} problem(s) in {report.files_checked} file(s)" if report.diagnostics
                   else f"{report.files_checked} file(s) valid")
        click.echo(f"{summary} ({elapsed:.2f} s)")
    elif output_format == "json" and not report.diagnostics:
        click.echo("[]")
    sys.exit(1 if report.diagnostics else 0)


@main.command()
@click.argument("code")
@click.argument("domain", required=False, type=click.Choice(DOMAINS))
def new(code: str, domain: str | None) -> None:
    """Scaffold laws/<code>/ (or one DOMAIN file): every field present and explained."""
    from lawgap.contribute.scaffold import ScaffoldError, new_files
    root = find_root()
    try:
        written = new_files(root, code, domain, _schemas(root))
    except ScaffoldError as error:
        raise click.ClickException(str(error))
    for path in written:
        click.echo(f"wrote {display_name(path)}")
    click.echo("fill in the facts you can source (leave the rest null), then run: lawgap validate "
               + " ".join(display_name(p) for p in written))


@main.command()
@AS_OF
@DOMAIN
@click.option("--jurisdiction", "-j", "codes", multiple=True, help="Only these jurisdictions (repeatable).")
@click.option("--format", "output_format", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def score(as_of: datetime.datetime | None, domain: str | None, codes: tuple[str, ...], output_format: str) -> None:
    """Harmonisation score, coverage and penalty gap per jurisdiction and domain."""
    kb, day = _knowledge_base(), _day(as_of)
    chosen, domains = _codes(kb, codes), _domains(domain)
    if output_format == "json":  # streamed (at 1,000 jurisdictions the entries hold ~150 MB of text), made on every core
        contract = _results_contract(_schemas(find_root()), "the output stops here")

        def encoded(code: str) -> list[bytes]:
            return [array_item(entry, compact=False)
                    for entry in contract(assessment_dict(kb, assess(kb, code, d, day)) for d in domains)]

        write_encoded_array(sys.stdout.buffer, chain.from_iterable(for_each_jurisdiction(chosen, encoded)), compact=False)
        return
    entries = [assessment_dict(kb, assess(kb, code, d, day)) for code in chosen for d in domains]
    if output_format == "csv":
        click.echo(to_csv([score_row(e) for e in entries], SCORE_COLUMNS), nl=False)
    else:
        columns = ("jurisdiction", "domain", "score", "scored", "coverage", "score_min", "score_max", "max_prison_years",
                   "serious_crime", "penalty_gap_years", "max_prison_years_aggravated", "aggravated_circumstances",
                   "met", "partial", "not_met", "unknown")
        click.echo(to_table([score_row(e) for e in entries], columns))


@main.command(name="compare")
@click.argument("codes", nargs=-1, required=True)
@AS_OF
@DOMAIN
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def compare_command(codes: tuple[str, ...], as_of: datetime.datetime | None, domain: str | None, output_format: str) -> None:
    """Side by side: dual criminality per conduct, penalty disparity, requirement differences."""
    kb, day = _knowledge_base(), _day(as_of)
    chosen = _codes(kb, codes, at_least=2)
    results = [comparison_dict(kb, compare(kb, chosen, d, day)) for d in _domains(domain)]
    if output_format == "json":
        click.echo(dumps(results), nl=False)
        return
    for result in results:
        click.echo(f"\n{result['domain']} (as of {result['as_of']})")
        rows = [{"": a["jurisdiction"], "score": a["score"], "scored": a["scored"], "coverage": a["coverage"],
                 "max prison": a["max_prison_years"], "serious crime": a["serious_crime"]} for a in result["assessments"]]
        click.echo(to_table(rows, ("", "score", "scored", "coverage", "max prison", "serious crime")))
        click.echo(f"penalty disparity (years): {_shown(result['penalty_disparity_years'])}")
        dual = [{"conduct": d["conduct"], "dual criminality": _shown(d["holds"]),
                 **{c: _conduct_cell(s) for c, s in d["by_jurisdiction"].items()}} for d in result["dual_criminality"]]
        click.echo(to_table(dual, ("conduct", "dual criminality", *result["jurisdictions"])))
        if result["requirement_differences"]:
            diffs = [{"requirement": d["requirement"], **d["statuses"]} for d in result["requirement_differences"]]
            click.echo(to_table(diffs, ("requirement", *result["jurisdictions"])))


@main.command()
@click.argument("codes", nargs=-1, required=True)
@AS_OF
@DOMAIN
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def route(codes: tuple[str, ...], as_of: datetime.datetime | None, domain: str | None, output_format: str) -> None:
    """The weakest link for each conduct along a route (source, transit..., destination)."""
    kb, day = _knowledge_base(), _day(as_of)
    chosen = _codes(kb, codes, at_least=2)
    results = [route_dict(chosen, d, weakest_links(kb, chosen, d, day)) for d in _domains(domain)]
    if output_format == "json":
        click.echo(dumps(results), nl=False)
        return
    for result in results:
        click.echo(f"\n{result['domain']}: {' -> '.join(chosen)}")
        rows = [{"conduct": w["conduct"], "weakest": ", ".join(w["weakest"]) or "-", "why": w["reason"],
                 **{c: _conduct_cell(s) for c, s in w["by_jurisdiction"].items()}} for w in result["weakest_links"]]
        click.echo(to_table(rows, ("conduct", "weakest", "why", *chosen)))


@main.command(name="extradition")
@click.argument("codes", nargs=-1, required=True)
@AS_OF
@DOMAIN
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def extradition_command(codes: tuple[str, ...], as_of: datetime.datetime | None, domain: str | None, output_format: str) -> None:
    """Can each State surrender to the other a person sought for each conduct? From the requested State's own
    law (penalty threshold, nationals, legal basis, death-penalty bar) and dual criminality; both directions
    of A B, or every ordered pair of a route A B C... Bilateral treaties are not recorded: see the methodology."""
    kb, day = _knowledge_base(), _day(as_of)
    chosen = _codes(kb, codes, at_least=2)
    repeated = sorted({c for c in chosen if chosen.count(c) > 1})
    if repeated:
        raise click.UsageError(f"{', '.join(repeated)} given twice: name each State once")
    verdicts = {d: route_extradition(kb, chosen, d, day) for d in _domains(domain)}
    if output_format == "json":
        click.echo(dumps([verdict_dict(v) for d in verdicts for v in verdicts[d]]), nl=False)
        return
    click.echo("\n".join(extradition_text(kb, d, found) for d, found in verdicts.items()), nl=False)


@main.command()
@click.argument("code")
@DOMAIN
@click.option("--until", type=AssessableDate(), default=None, help="Last date (default: today).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def history(code: str, domain: str | None, until: datetime.datetime | None, output_format: str) -> None:
    """How a jurisdiction's score and core penalty (basic and aggravated maximum) moved as its law changed."""
    kb, day = _knowledge_base(), _day(until)
    [chosen] = _codes(kb, (code,))
    points = {d: [history_dict(p) for p in score_history(kb, chosen, d, day)] for d in _domains(domain)}
    if output_format == "json":
        click.echo(dumps(points), nl=False)
        return
    rows = [{"domain": d, **p} for d, series in points.items() for p in series]
    click.echo(to_table(rows, HISTORY_COLUMNS))


@main.command()
@click.argument("codes", nargs=-1)
@AS_OF
@DOMAIN
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N facts.")
def unknowns(codes: tuple[str, ...], as_of: datetime.datetime | None, domain: str | None, output_format: str,
             limit: int | None) -> None:
    """Unknown facts ranked by how far answering each would narrow a score range (points of 0-100, best answer
    and any answer), and the conducts whose dual criminality each would settle: the coders' work queue."""
    kb, day = _knowledge_base(), _day(as_of)
    entries = unknown_dicts(ranked_unknowns(kb, _codes(kb, codes), _domains(domain), day, limit))
    if output_format == "json":
        click.echo(dumps(entries), nl=False)
    else:
        click.echo(to_table(unknown_rows(entries), UNKNOWN_COLUMNS))


@main.command()
@click.argument("domain", required=False, type=click.Choice(DOMAINS))
@click.option("--format", "output_format", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def codebook(domain: str | None, output_format: str) -> None:
    """The questions that decide every baseline requirement (all domains, or DOMAIN) and, for all domains, the
    extradition verdict: where each fact is recorded, what true and false mean, what evidence suffices, where to
    look, pitfalls; general rules first."""
    from lawgap.contribute.codebook import CodebookError, build_codebook, codebook_dict, codebook_markdown
    root = find_root()
    schemas = _schemas(root)
    try:
        baselines = load_knowledge_base(root, [root / BASELINES_DIR]).baselines.values()
        book = build_codebook(schemas, baselines)
    except InvalidKnowledgeBase as invalid:
        click.echo(format_diagnostics(invalid.diagnostics, "text"), err=True)
        raise click.ClickException(f"{len(invalid.diagnostics)} problem(s) in the baselines; fix them (lawgap validate) first")
    except CodebookError as error:
        raise click.ClickException(str(error))
    domains = _domains(domain)  # the extradition questions (jurisdiction.yaml) come with the whole codebook
    if output_format == "json":
        click.echo(dumps(codebook_dict(book, domains, extradition=domain is None)), nl=False)
    else:
        click.echo(codebook_markdown(book, domains, extradition=domain is None), nl=False)


@main.command()
@click.argument("codes", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def sources(codes: tuple[str, ...], output_format: str) -> None:
    """Where the citations were read: counts by verification level and host class (official, intergovernmental,
    legal information institute, other - see reference/source-hosts.yaml), per file kind, and the third-party hosts
    cited most (the sources to replace first). All jurisdictions, or CODES."""
    from lawgap.contribute.source_report import citations, summary, summary_rows
    kb = _knowledge_base()
    report = summary(list(citations(kb, _codes(kb, codes))))
    if output_format == "json":
        click.echo(dumps(report), nl=False)
        return
    columns = ("", *report["host_classes"], "total", "official %")
    click.echo(f"{report['citations']} citations in the files of {report['jurisdictions']} jurisdiction(s)\n")
    click.echo(to_table(summary_rows(report["by_verification"]), columns) + "\n")
    click.echo(to_table(summary_rows(report["by_file_kind"]), columns) + "\n")
    click.echo("Third-party hosts cited most (replace with an official text where one exists):")
    click.echo(to_table(report["other_hosts"], ("host", "citations", "source_text")))


@main.command()
def vocabulary() -> None:
    """Print the controlled vocabulary (offence facets, yes/no fields, measures) as Markdown."""
    from lawgap.contribute.vocabulary_doc import vocabulary_markdown
    click.echo(vocabulary_markdown(_schemas(find_root())), nl=False)


@main.command(name="diff")
@click.argument("base")
@click.argument("head", required=False)
@AS_OF
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown suits a pull-request comment.")
def diff_command(base: str, head: str | None, as_of: datetime.datetime | None, output_format: str) -> None:
    """Facts changed between git refs BASE and HEAD (default: the working tree), and how results move."""
    from lawgap.contribute.diff import DiffError, as_markdown, as_text
    from lawgap.contribute.diff import diff as data_diff
    root = find_root()
    try:
        change = data_diff(root, base, head, _day(as_of))
    except DiffError as error:
        raise click.ClickException(str(error))
    click.echo(as_markdown(change) if output_format == "markdown" else as_text(change), nl=False)


@main.command(name="changelog")
@click.argument("base")
@click.argument("head", required=False)
@AS_OF
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="markdown suits a pull-request comment; json is the entry as --append logs it.")
@click.option("--append", "append_entry", is_flag=True,
              help=f"Log the entry at the end of {CHANGELOG_FILE} (HEAD must be a commit).")
def changelog_command(base: str, head: str | None, as_of: datetime.datetime | None, output_format: str,
                      append_entry: bool) -> None:
    """Changes between git refs BASE and HEAD (default: the working tree), each classified as a law change,
    a correction or an addition (or method, editorial), with the score moves. The rules are in the
    documentation of lawgap.contribute.changelog and on the site's change-log page."""
    from lawgap.contribute.changelog import ChangelogError, changelog
    from lawgap.contribute.changelog import append as append_changelog
    from lawgap.contribute.changelog import as_markdown as changelog_markdown
    from lawgap.contribute.changelog import as_text as changelog_text
    from lawgap.contribute.changelog import entry_data as changelog_entry_data
    from lawgap.contribute.diff import DiffError
    root = find_root()
    if append_entry and head is None:
        raise click.UsageError("--append logs a commit: give HEAD (e.g. lawgap changelog HEAD~1 HEAD --append)")
    try:
        entry = changelog(root, base, head, as_of.date() if as_of else None)
        if append_entry:
            logged = append_changelog(root, entry, _schemas(root))
    except (DiffError, ChangelogError) as error:
        raise click.ClickException(str(error))
    if output_format == "json":
        click.echo(dumps(changelog_entry_data(entry)), nl=False)
    else:
        click.echo(changelog_markdown(entry) if output_format == "markdown" else changelog_text(entry), nl=False)
    if append_entry:
        click.echo(logged, err=True)


class AgreementError(click.ClickException):
    """`lawgap agreement` could not compare: exit 2, so that 1 always means the codings diverge."""

    exit_code = 2


@main.command()
@click.argument("file_a", metavar="A.yaml", type=click.Path(path_type=Path))
@click.argument("file_b", metavar="B.yaml", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--sample", "sample_file", type=click.Path(path_type=Path), default=None,
              help="A spot-check: compare only the facts this sample names (from `lawgap spot-check A.yaml`).")
def agreement(file_a: Path, file_b: Path, output_format: str, sample_file: Path | None) -> None:
    """Compare two independent codings of one jurisdiction and domain fact by fact (values, penalty tiers,
    provisions), or only a spot-check's sample of facts. Exit 0 when they agree, 1 when they diverge, 2 on error."""
    try:
        sample = None if sample_file is None else double_coding.read_sample(sample_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as unreadable:
        raise AgreementError(f"{sample_file}: cannot read the sample ({unreadable.__class__.__name__}: {unreadable})")
    if sample == []:
        raise AgreementError(f"{sample_file}: the sample names no fact")
    try:
        coding_a, coding_b = load_codings([file_a, file_b], _schemas(find_root()))
        result = double_coding.compare(coding_a.data, coding_b.data, coding_a.file, coding_b.file, sample)
    except InvalidCoding as invalid:
        click.echo(format_diagnostics(invalid.diagnostics, "text"), err=True)
        raise AgreementError(str(invalid))
    except (double_coding.CodingMismatch, double_coding.SampleMismatch) as mismatch:
        raise AgreementError(str(mismatch))
    click.echo(double_coding.as_json(result) if output_format == "json" else double_coding.as_text(result), nl=False)
    sys.exit(0 if result.agree else 1)


@main.command("spot-check")
@click.argument("file_a", metavar="A.yaml", type=click.Path(path_type=Path))
@click.option("--seed", type=int, required=True, help="Makes the draw reproducible; record it in the review note.")
@click.option("--share", type=click.FloatRange(0, 1, min_open=True), default=double_coding.SPOT_CHECK_SHARE,
              show_default=True, help="Share of the known facts to draw (rounded up).")
@click.option("--since", "earlier_file", metavar="EARLIER.yaml", type=click.Path(path_type=Path), default=None,
              help="Draw only from the facts A.yaml adds or changes (value or provision) relative to this earlier version "
                   "of it, e.g. `git show <commit>:laws/ke/wildlife.yaml > earlier.yaml`: a check of what a change added.")
def spot_check(file_a: Path, seed: int, share: float, earlier_file: Path | None) -> None:
    """Draw the sample of facts a spot-check re-codes: a share of the facts A.yaml knows (or, with --since, of those
    it added or changed), named as `lawgap agreement` names them, without their values. The second coder codes
    those facts blind; then `lawgap agreement A.yaml B.yaml --sample SAMPLE` compares them."""
    files = [file_a] if earlier_file is None else [file_a, earlier_file]
    try:
        coding, *earlier = load_codings(files, _schemas(find_root()))
        changed = double_coding.changed_facts(coding.data, earlier[0].data, coding.file, earlier[0].file) if earlier else None
    except InvalidCoding as invalid:
        click.echo(format_diagnostics(invalid.diagnostics, "text"), err=True)
        raise AgreementError(f"{len(invalid.diagnostics)} problem(s) in {' and '.join(map(str, files))}; fix them "
                             "(lawgap validate) before drawing a sample")
    except double_coding.CodingMismatch as mismatch:
        raise AgreementError(str(mismatch))
    if changed == []:
        raise AgreementError(f"{file_a} adds or changes no known fact relative to {earlier_file}: nothing to spot-check")
    sample = double_coding.draw_sample(coding.data, share, seed, changed)
    since = None if changed is None else (earlier[0].file, len(changed))
    click.echo(double_coding.sample_text(sample, coding.data, coding.file, share, seed, since), nl=False)


@main.command()
@click.argument("outdir", type=click.Path(path_type=Path))
@AS_OF
@click.option("--pairs", "with_pairs", is_flag=True,
              help="Also write pairs.csv and pairs.json: dual criminality for every pair of jurisdictions "
                   "(n × (n - 1) / 2 rows per domain: 1.5 million at 1,000 jurisdictions).")
def export(outdir: Path, as_of: datetime.datetime | None, with_pairs: bool = False) -> None:
    """Write full results (JSON validated against schema/results.schema.json, and CSV), the facts table,
    the static JSON API, the citation and datapackage.json, all stamped with the data version, to OUTDIR
    (a new or empty folder, or an earlier export, which it replaces); with --pairs, every pair too."""
    root = find_root()
    _check_output(outdir, root)
    kb, day = _knowledge_base(), _day(as_of)
    schemas = _schemas(root)
    checked = _results_contract(schemas, "the previous export is unchanged")
    try:
        citation = load_citation(root)
    except CitationError as error:
        raise click.ClickException(str(error))

    pairs = {domain: all_pairs(kb, domain, day) for domain in DOMAINS} if with_pairs else None  # rows come when written
    try:
        with replacing(outdir, root) as staging:  # entries and pairs are written as computed, never all held
            with OpenData(staging.output, kb, day.isoformat(), schemas.documents["results"], citation) as open_data:

                def prepared(code: str) -> list[PreparedEntry]:  # on a worker process (fan_out)
                    return [open_data.prepare(entry) for entry in checked(published_entries(kb, jurisdiction_reports(kb, code, day)))]

                written = open_data.write(chain.from_iterable(for_each_jurisdiction(sorted(kb.jurisdictions), prepared)))
                if pairs is not None:
                    write_pairs(staging.output, pairs)
            staging.publish()
    except OutputRefused as refused:
        raise RefusedOutput(str(refused))
    except OSError as error:
        raise click.ClickException(f"could not write {outdir}: {error.strerror or error}; the previous export is unchanged")
    counted = f" and {sum(map(len, pairs.values()))} pairs" if pairs is not None else ""
    click.echo(f"wrote {written} results{counted}, the facts table, the JSON API and datapackage.json "
               f"(data version {kb.data_version or 'not dated'}) to {outdir}")


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("public"), show_default=True,
              help="Folder the site is written to: new, empty, or lawgap's earlier output "
                   "(replaced only when the build succeeds).")
@AS_OF
def build(out: Path, as_of: datetime.datetime | None) -> None:
    """Validate the data, compute the results and build the static site (strict MkDocs)."""
    started = time.perf_counter()
    root = find_root()
    _check_output(out, root)
    built = _build_site(root, out, _day(as_of))
    click.echo(f"built {built.pages} pages into {out} in {time.perf_counter() - started:.1f} s; to look at the "
               "site, run: lawgap serve (opened from disk, the compare page and the search do not work)")


@main.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
def serve(port: int) -> None:
    """Build the site, serve it on http://127.0.0.1:PORT/ and rebuild it whenever laws/, baselines/,
    reference/, schema/, site/, mkdocs.yml, CONTRIBUTING.md or CITATION.cff change (open pages reload). A failed
    rebuild prints its errors and the last good site stays up. Ctrl-C stops."""
    from lawgap.render.site.serve import PortUnavailable, check_port, serve_site
    root = find_root()
    try:
        check_port(port)
    except PortUnavailable as unavailable:
        raise click.ClickException(f"{unavailable}; choose another port with --port")
    with tempfile.TemporaryDirectory(prefix="lawgap-serve-") as folder:
        site = Path(folder) / "site"  # the server's own copy: `lawgap build`'s output is left alone
        started = time.perf_counter()
        built = _build_site(root, site, datetime.date.today())  # no site yet: a failure here ends the command
        click.echo(f"built {built.pages} pages in {time.perf_counter() - started:.1f} s", err=True)

        def rebuild() -> None:
            started = time.perf_counter()
            try:
                built = _build_site(root, site, datetime.date.today())
            except click.ClickException as error:
                click.echo(f"Error: {error.format_message()}\nstill serving the last good site; "
                           "fix the problem and save again", err=True)
            else:
                click.echo(f"rebuilt {built.pages} pages in {time.perf_counter() - started:.1f} s", err=True)

        try:
            serve_site(root, site, port, rebuild)
        except PortUnavailable as unavailable:
            raise click.ClickException(f"{unavailable}; choose another port with --port")
    click.echo("stopped", err=True)


def _build_site(root: Path, out: Path, day: datetime.date) -> BuiltSite:
    """Load the data and build the site into `out`, or fail with a ClickException that says why (the
    diagnostics of invalid data go to standard error first); the previous site is left as it was."""
    from lawgap.render.site.build import SiteBuildError, build_site
    kb = _knowledge_base()
    try:
        return build_site(root, kb, day, out)
    except OutputRefused as refused:
        raise RefusedOutput(str(refused))
    except (SiteBuildError, OSError) as error:
        raise click.ClickException(f"{error}; the previous site in {out} is unchanged")


def _results_contract(schemas: SchemaSet, consequence: str) -> Callable[[Iterable[dict]], Iterator[dict]]:
    """Pass each results entry on once it matches schema/results.schema.json (jsonschema-rs checks it in
    ~0.1 ms; jsonschema explains a failure). A broken contract is a bug in lawgap, not in the data: say so plainly."""
    def checked(entries: Iterable[dict]) -> Iterator[dict]:
        for entry in entries:
            problems = schemas.errors("results", [entry])
            if problems:
                raise click.ClickException(f"results do not match schema/results.schema.json: {problems[0].message} "
                                           f"({entry['jurisdiction']} {entry['domain']}); {consequence}")
            yield entry
    return checked


def _check_output(target: Path, root: Path) -> None:
    """Refuse a forbidden output before the slow work; the writer checks again when it holds the lock."""
    try:
        check_output(target, root)
    except OutputRefused as refused:
        raise RefusedOutput(str(refused))


def _schemas(root: Path) -> SchemaSet:
    try:
        schemas = SchemaSet(schema_dir(root))
    except UnreadableSchema as error:
        raise click.ClickException(str(error)) from None
    if not schemas.documents:
        raise click.ClickException(f"no schemas found in {schema_dir(root)}; reinstall lawgap")
    return schemas


def _knowledge_base() -> KnowledgeBase:
    root = find_root()
    _schemas(root)  # outside a checkout, say so rather than report a missing laws/ folder
    try:
        return load_knowledge_base(root)
    except InvalidKnowledgeBase as invalid:
        click.echo(format_diagnostics(invalid.diagnostics, "text"), err=True)
        raise click.ClickException(f"{len(invalid.diagnostics)} problem(s) in the data; fix them (lawgap validate) first")


def _day(as_of: datetime.datetime | None) -> datetime.date:
    return as_of.date() if as_of else datetime.date.today()


def _domains(domain: str | None) -> tuple[str, ...]:
    return (domain,) if domain else DOMAINS


def _codes(kb: KnowledgeBase, codes: tuple[str, ...], at_least: int = 0) -> list[str]:
    if len(codes) < at_least:
        raise click.UsageError(f"give at least {at_least} jurisdictions")
    if not codes:
        return sorted(kb.jurisdictions)
    chosen = [c.upper() for c in codes]
    unknown = [c for c in chosen if c not in kb.jurisdictions]
    if unknown:
        raise click.UsageError(f"no data for {', '.join(unknown)}; known: {', '.join(sorted(kb.jurisdictions))}")
    return chosen


def _shown(value: object) -> str:
    return plain(value, missing="unknown")


def _conduct_cell(status: dict) -> str:
    if status["criminal"] is None:
        return "?"
    if not status["criminal"]:
        return "not criminal"
    years, floor = status["max_prison_years"], status["min_prison_years"]
    if years is None:
        return f"min {term_words(floor)}, max ?" if floor else "criminal, max ?"
    return f"max {term_words(years)}"  # "max 51 weeks", not "max 0.98y"


if __name__ == "__main__":  # pragma: no cover
    main()
