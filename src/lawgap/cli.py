"""The `lawgap` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from lawgap import __version__
from lawgap.diagnostics import format_diagnostics
from lawgap.load.layout import LAWS_DIR, SCHEMA_DIR, find_root
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.schema_layer import SchemaSet


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawgap")
def main() -> None:
    """lawgap: compare national trafficking laws against treaty standards."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for tools, github for workflow annotations.")
def validate(paths: tuple[Path, ...], output_format: str) -> None:
    """Check data files (default: the whole laws/ folder). Exits 1 if anything is wrong."""
    started = time.perf_counter()
    root = find_root(paths[0] if paths else None)
    targets = list(paths) or [root / LAWS_DIR]
    schemas = SchemaSet(root / SCHEMA_DIR)
    if not schemas.documents:
        raise click.ClickException(f"no schemas found in {root / SCHEMA_DIR}; run lawgap inside a lawgap checkout")
    report = validate_paths(targets, schemas)
    if report.diagnostics:
        click.echo(format_diagnostics(report.diagnostics, output_format))
    if output_format == "text":
        elapsed = time.perf_counter() - started
        summary = (f"{len(report.diagnostics)} problem(s) in {report.files_checked} file(s)" if report.diagnostics
                   else f"{report.files_checked} file(s) valid")
        click.echo(f"{summary} ({elapsed:.2f} s)", err=bool(report.diagnostics))
    elif output_format == "json" and not report.diagnostics:
        click.echo("[]")
    sys.exit(1 if report.diagnostics else 0)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("public"), show_default=True,
              help="Folder the site is written to.")
def build(out: Path) -> None:
    """Validate the data and build the static site."""
    click.echo("site build not yet available: validating the knowledge base instead")
    ctx = click.get_current_context()
    ctx.invoke(validate)


if __name__ == "__main__":  # pragma: no cover
    main()
