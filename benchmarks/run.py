"""Time lawgap on synthetic knowledge bases; print a Markdown table for benchmarks/README.md.

    python benchmarks/run.py 200 1000
    BENCH_STEPS=build python benchmarks/run.py 5000
    BENCH_STEPS=build-vs-bare,build-phases BENCH_PAIRS=3 python benchmarks/run.py 200 1000
    BENCH_COMPARE_SRC=/tmp/before/src BENCH_STEPS=score-json,score-json-warm,export,export-warm BENCH_PAIRS=2 python benchmarks/run.py 1000

Each step runs in a fresh subprocess so its peak memory (max RSS) is its own; CPU seconds (user +
system, of the step's processes) show the work done even when other jobs share the cores. The
`validate`, `validate-warm`, `score-json` (`lawgap score --format json`, its output to a file), `export`,
`export-pairs` and `build` steps run the real `lawgap` command: a small parent process starts it and
reads the peak of the command and its child processes (getrusage RUSAGE_CHILDREN); `score-json-warm` and
`export-warm` run them a second time on a validation cache the first run filled. `score-phases` and
`export-phases` run the same commands in one process with timers around their phases and the
per-jurisdiction workers off (lawgap.fan_out), so that the timers see all the work; `assess` and
`all-pairs` time the engine alone after loading.
`bare-mkdocs` runs `mkdocs build` the same way on the pages `lawgap build` publishes (written by the
untimed `bare-docs` step, every table in place); `build-vs-bare` alternates the two and prints each
pair's ratios. `build-phases` runs the build in one process with timers around its phases.
BENCH_BUILD_SRC=/path/to/other/src times another checkout's `lawgap build` against the same pages;
BENCH_COMPARE_SRC=/path/to/other/src runs each command step from that checkout and this one, pair by pair.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_CONFIG = "mkdocs-bare.yml"
STEP = r'''
import datetime, json, resource, sys, time
from pathlib import Path
root, step = Path(sys.argv[1]), sys.argv[2]
BARE_CONFIG = "mkdocs-bare.yml"  # the same name as run.py's BARE_CONFIG
started = time.perf_counter()
from lawgap.validate.schema_layer import SchemaSet
from lawgap.model.build import load_knowledge_base
from lawgap.engine.assessment import assess
from lawgap.engine.all_pairs import all_pairs
from lawgap.load.layout import DOMAINS
day = datetime.date(2026, 1, 1)
phases = {}
def timed(owner, name, label):
    """Time every call of owner.name under `label` (cumulative wall and CPU seconds, peak memory after)."""
    original = getattr(owner, name)
    phases[label] = [0.0, 0.0, 0.0]  # wall, CPU, peak memory at its end; in this order in the report
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent = phases[label]
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu
            spent[2] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    setattr(owner, name, wrapper)
def run_cli(*arguments):
    """The real command in this process, from the tree's folder (where it finds its project)."""
    import os, lawgap.cli as cli
    os.chdir(root)
    try:
        cli.main([*arguments, "--as-of", day.isoformat()])
    except SystemExit as done:
        assert done.code in (0, None), done.code
def phase_report():
    return "; ".join(f"{label} {wall:.1f} s ({cpu:.1f} CPU, peak {peak:.0f} MB after)" for label, (wall, cpu, peak) in phases.items())
if step == "assess":
    # the engine alone: one assessment per jurisdiction and domain, after loading (not a command users run)
    kb = load_knowledge_base(root)
    loaded = time.perf_counter()
    results = [assess(kb, c, d, day) for c in kb.jurisdictions for d in DOMAINS]
    detail = f"{len(results)} assessments; assessing alone {time.perf_counter() - loaded:.2f} s"
elif step == "score-phases":
    # `lawgap score --format json` in this process (its output to a file), with timers around its phases; the
    # workers are off (fan_out), so the timers see all the work: where the CPU goes, not the command's time
    import io, lawgap.cli as cli, lawgap.fan_out as fan_out, lawgap.render.export as export, lawgap.validate.schema_layer as schema_layer
    fan_out.PARALLEL_FROM = 10**9
    timed(cli, "_knowledge_base", "validate and load")
    timed(cli, "assess", "assess")
    timed(cli, "assessment_dict", "entries")
    timed(schema_layer.SchemaSet, "errors", "results schema check")
    timed(export, "encode", "JSON encoding")
    shown, sys.stdout = sys.stdout, io.TextIOWrapper(open(root / "score-phases.json", "wb"), encoding="utf-8")
    try:
        run_cli("score", "--format", "json")
    finally:
        sys.stdout.close()
        sys.stdout = shown
    detail = phase_report()
elif step == "export-phases":
    # `lawgap export` in this process, workers off (as score-phases), with timers around its phases ("-": part of the phase above)
    import lawgap.cli as cli, lawgap.engine.report as report, lawgap.render.export as export, lawgap.fan_out as fan_out
    import lawgap.render.results_json as results_json, lawgap.render.open_data as open_data
    import lawgap.validate.schema_layer as schema_layer
    fan_out.PARALLEL_FROM = 10**9
    timed(cli, "_knowledge_base", "validate and load")
    timed(report, "assess", "assess")
    timed(report, "score_history", "score histories")
    timed(report, "conduct_statuses", "conduct")
    timed(results_json, "assessment_dict", "entries")
    timed(schema_layer.SchemaSet, "errors", "results schema check")
    timed(open_data, "write_api_file", "API files")
    timed(open_data, "fact_pieces", "facts table text (rows worked out before)")
    timed(open_data, "result_pieces", "results text (JSON and CSV)")
    timed(export, "encode", "- JSON encoding (results.json, API files, facts.json)")
    run_cli("export", "out-export-phases")
    detail = phase_report()
elif step == "bare-docs":
    # the pages `lawgap build` publishes, every table in place, and a config for a plain `mkdocs build` of them
    import shutil, yaml
    from lawgap.render.site import build as site_build
    kb = load_knowledge_base(root)
    docs = root / "bare" / "docs"
    shutil.copytree(root / "site", docs)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    pages = site_build.write_generated(docs, root, kb, day, SchemaSet(root / "schema"), config["extra"]["edit_data_url"])
    config.update(docs_dir=str(docs), site_dir=str(root / "bare" / "site"),
                  nav=site_build.navigation(kb, (root / site_build.CONTRIBUTING).is_file()))
    config["extra"].update(data_version=kb.data_version or "not dated", as_of=day.isoformat())
    (root / BARE_CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True))
    detail = f"{pages} pages written for mkdocs"
elif step == "build-phases":
    # the real command in this process, with timers around its phases (cumulative wall and CPU seconds)
    import mkdocs.commands.build as mkdocs_build, mkdocs.structure.pages as mkdocs_pages
    import lawgap.cli as cli, lawgap.render.site.build as site_build
    try:
        from lawgap.render.site.fragments import FragmentsPlugin
    except ImportError:  # a checkout from before the tables were put back after MkDocs (PYTHONPATH=its src)
        FragmentsPlugin = None
    timed(cli, "_knowledge_base", "validate and load")
    timed(site_build, "write_generated", "results, pages, data")
    timed(site_build, "_mkdocs", "MkDocs in all")
    timed(mkdocs_pages.Page, "render", "- Markdown to HTML")
    timed(mkdocs_build, "_build_page", "- theme, search index, tables put back")
    if FragmentsPlugin:
        timed(FragmentsPlugin, "on_post_page", "- of it tables put back")
    run_cli("build", "--out", "public-phases")
    detail = phase_report()
elif step == "all-pairs":
    kb = load_knowledge_base(root)
    loaded = time.perf_counter()
    pairs = sum(len(holds) for d in DOMAINS for holds, fails in all_pairs(kb, d, day).rows())
    detail = f"{pairs} pairs; pairing alone {time.perf_counter() - loaded:.2f} s"
elapsed = time.perf_counter() - started
cpu = sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
print(json.dumps({"seconds": round(elapsed, 2), "cpu_seconds": round(cpu, 1), "detail": detail,
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
'''


# The real command in its own process; this parent only waits, so RUSAGE_CHILDREN is the command's peak
# (the largest of the command and the validation workers it starts).
COMMAND = r'''
import json, resource, subprocess, sys, time
started = time.perf_counter()
with open(sys.argv[1], "wb") if sys.argv[1] != "-" else open("/dev/null", "rb") as output:  # "-": read what it says
    done = subprocess.run(sys.argv[2:], stdout=output if sys.argv[1] != "-" else subprocess.PIPE, stderr=subprocess.PIPE)
done.stdout, done.stderr = (done.stdout or b"").decode(errors="replace"), done.stderr.decode(errors="replace")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": round(time.perf_counter() - started, 2), "returncode": done.returncode,
                  "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1), "peak_mb": round(usage.ru_maxrss / 1024, 1),
                  "output": done.stdout[-500:], "errors": done.stderr[-2000:]}))
'''
COMMANDS = {  # step: (python arguments, the folder or file it writes: a file is its standard output)
    "validate": (["-m", "lawgap.cli", "validate"], None),
    "score-json": (["-m", "lawgap.cli", "score", "--format", "json", "--as-of", "2026-01-01"], "score.json"),
    "export": (["-m", "lawgap.cli", "export", "out-export", "--as-of", "2026-01-01"], "out-export"),
    "export-pairs": (["-m", "lawgap.cli", "export", "out-pairs", "--as-of", "2026-01-01", "--pairs"], "out-pairs"),
    "build": (["-m", "lawgap.cli", "build", "--out", "public", "--as-of", "2026-01-01"], "public"),
    # MkDocs alone on the pages `lawgap build` publishes (written first by the untimed bare-docs step)
    "bare-mkdocs": (["-m", "mkdocs", "build", "--quiet", "--config-file", BARE_CONFIG], "bare/site"),
}


def run_command(root: Path, step: str, env: dict[str, str]) -> dict:
    """`python ARGUMENTS` in `root`: time, peak memory, what it said and how much it wrote.
    BENCH_BUILD_SRC=folder runs the lawgap commands from another checkout's src/ (a before/after pair)."""
    arguments, written = COMMANDS[step]
    if step != "bare-mkdocs" and os.environ.get("BENCH_BUILD_SRC"):
        env = {**env, "PYTHONPATH": os.environ["BENCH_BUILD_SRC"]}
    stdout = str(root / written) if written and written.endswith(".json") else "-"
    done = subprocess.run([sys.executable, "-c", COMMAND, stdout, sys.executable, *arguments],
                          capture_output=True, text=True, env=env, cwd=root)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["returncode"] != 0:
        raise SystemExit(f"step {step} failed:\n{result['output']}\n{result['errors']}")
    # "wrote 3000 results to ..." / "built ..." / "4006 file(s) valid" (mkdocs --quiet says nothing)
    said = (result["output"].strip().splitlines() or ["mkdocs build"])[0].split(";")[0].split(" (")[0]
    if written is None:
        return {**result, "detail": said}
    if stdout != "-":
        return {**result, "detail": f"standard output: {(root / written).stat().st_size / 1e6:.1f} MB"}
    files = [p for p in (root / written).rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    return {**result, "detail": f"{said}; {len(files)} files, {size:.1f} MB"}


def check_jsonschema(root: Path) -> dict:
    """The same files and schemas through check-jsonschema (pip install check-jsonschema), one call per file kind."""
    import shutil
    import time

    tool = shutil.which("check-jsonschema") or shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool is None:
        return {"seconds": "n/a", "cpu_seconds": "n/a", "peak_mb": "n/a", "detail": "check-jsonschema not installed"}
    started, files = time.perf_counter(), 0
    for kind in ("jurisdiction", "wildlife", "human-trafficking", "organ-trafficking"):
        targets = sorted(str(p) for p in (root / "laws").glob(f"*/{kind}.yaml"))
        files += len(targets)
        schema = root / "schema" / f"{kind}.schema.json"
        subprocess.run([tool, "--base-uri", schema.resolve().as_uri(), "--schemafile", str(schema), *targets],
                       check=True, capture_output=True)
    return {"seconds": round(time.perf_counter() - started, 2), "cpu_seconds": "-", "peak_mb": "-",
            "detail": f"{files} files, schema only (4 runs)"}


def measure(root: Path, step: str, cache: Path | None = None) -> dict:
    """One step in a fresh process; the validation cache is off unless `cache` names its folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("LAWGAP_NO_CACHE", "LAWGAP_CACHE_DIR")}
    env.update({"LAWGAP_NO_CACHE": "1"} if cache is None else {"LAWGAP_CACHE_DIR": str(cache)})
    command = step.removesuffix("-warm")
    if command in COMMANDS:
        return run_command(root, command, env)
    done = subprocess.run([sys.executable, "-c", STEP, str(root), step], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from generate import generate

    print("| jurisdictions | step | seconds (incl. start-up and loading) | CPU seconds | peak memory (MB) | detail |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = generate(size, Path(folder) / f"kb-{size}")
            steps = os.environ.get("BENCH_STEPS", "validate,validate-warm,check-jsonschema,score-json,score-phases,assess,all-pairs,export,export-phases,export-pairs,build-vs-bare")
            for step in steps.split(","):
                if os.environ.get("BENCH_COMPARE_SRC") and step.removesuffix("-warm") in COMMANDS:
                    compare_pairs(root, size, step, Path(folder) / "cache", int(os.environ.get("BENCH_PAIRS", "3")))
                    continue
                if step == "build-vs-bare":
                    build_against_bare(root, size, int(os.environ.get("BENCH_PAIRS", "3")))
                    continue
                if step == "check-jsonschema":
                    result = check_jsonschema(root)
                elif step.endswith("-warm"):
                    measure(root, step.removesuffix("-warm"), Path(folder) / "cache")  # first run fills the cache
                    result = measure(root, step, Path(folder) / "cache")
                else:
                    if step == "bare-mkdocs" and not (root / BARE_CONFIG).is_file():
                        measure(root, "bare-docs")
                    result = measure(root, step)
                print_row(size, step, result)


def compare_pairs(root: Path, size: int, step: str, cache: Path, pairs: int) -> None:
    """BENCH_COMPARE_SRC=/other/src: the command from that checkout, then from this one, `pairs` times (the load on
    shared cores changes from minute to minute: compare pair by pair). A -warm step shares one filled cache."""
    if step.endswith("-warm"):
        measure(root, step.removesuffix("-warm"), cache)  # fills the cache (both checkouts' loaders must match)
    for _ in range(pairs):
        for side, source in (("before", os.environ["BENCH_COMPARE_SRC"]), ("after", "")):
            os.environ["BENCH_BUILD_SRC"] = source  # run_command's switch; "" is this checkout
            print_row(size, f"{step} ({side})", measure(root, step, cache if step.endswith("-warm") else None))
    os.environ.pop("BENCH_BUILD_SRC")


def print_row(size: int, step: str, result: dict) -> None:
    print(f"| {size} | {step} | {result['seconds']} | {result['cpu_seconds']} | {result['peak_mb']} | {result['detail']} |",
          flush=True)


def build_against_bare(root: Path, size: int, pairs: int) -> None:
    """`lawgap build` and a bare `mkdocs build` of the same pages, one after the other, `pairs` times: each pair's
    ratios (wall, CPU, peak memory) and their medians. Pairs, not two series: the load on shared cores changes."""
    import statistics

    measure(root, "bare-docs")
    ratios: dict[str, list[float]] = {"seconds": [], "cpu_seconds": [], "peak_mb": []}
    for _ in range(pairs):
        lawgap, bare = measure(root, "build"), measure(root, "bare-mkdocs")
        print_row(size, "build", lawgap)
        print_row(size, "bare-mkdocs", bare)
        for key, values in ratios.items():
            values.append(lawgap[key] / bare[key])
        print_row(size, "ratio lawgap / bare", {key: f"{values[-1]:.2f}" for key, values in ratios.items()} | {"detail": "this pair"})
    print_row(size, "ratio lawgap / bare", {key: f"{statistics.median(values):.2f}" for key, values in ratios.items()}
              | {"detail": f"median of {pairs} pairs"})


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [200, 1000])
