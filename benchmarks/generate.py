"""Generate a synthetic knowledge base of N jurisdictions for benchmarks (never published).

Jurisdiction codes are real ISO 3166-2 subdivision codes (so the ISO rule passes); every fact is
random but schema-valid, with sizes like the real files (2-4 offences, 1-3 penalty versions,
10-20 measures, a source on every fact).

    python benchmarks/generate.py 1000 /tmp/kb-1000
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pycountry
import yaml

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "src"))

from lawgap.load.layout import DOMAINS  # noqa: E402
from lawgap.validate.schema_layer import SchemaSet  # noqa: E402


def source(rng: random.Random, section: int) -> dict:
    return {"instrument": "act", "provision": f"s. {section}", "url": f"https://example.org/act#s{section}",
            "retrieved": "2025-06-01", "verification": rng.choice(["source-text", "secondary"]),
            "quote": "Any person who ... commits an offence and is liable on conviction to imprisonment."}


def domain_file(rng: random.Random, code: str, domain: str, vocabulary) -> dict:
    offences = []
    for index in range(rng.randint(2, 4)):
        offence = {"id": f"offence-{index}", "title": f"Synthetic offence {index}", "core": index == 0,
                   "source": source(rng, 10 + index)}
        for facet, terms in vocabulary.facets.items():
            values = {t: rng.choice([True, True, False, None]) for t in terms if rng.random() < 0.6}
            if facet == "flags":
                offence.update(values)
            else:
                offence[facet] = values
        history, year = [], rng.randint(1990, 2005)
        for _ in range(rng.randint(1, 3)):
            max_years = rng.choice(["life", 1, 2, 3, 5, 7, 10, 15, 20])
            history.append({"effective": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                            "penalty": {"prison": {"max_years": max_years},
                                        "fine": {"max": {"amount": rng.randint(1, 100) * 10000, "currency": "USD"}},
                                        "combination": "prison-or-fine-or-both", "death_penalty": False},
                            "source": source(rng, 10 + index)})
            year += rng.randint(2, 8)
        offence["penalty_history"] = history
        offences.append(offence)
    measures = {m: {"value": rng.choice([True, False]), "source": source(rng, 50 + i)}
                for i, m in enumerate(vocabulary.measures) if rng.random() < 0.7}
    return {"schema_version": 1, "jurisdiction": code, "domain": domain, "last_reviewed": "2025-06-01",
            "scope_note": "Synthetic benchmark data; not law.",
            "instruments": [{"id": "act", "title": f"Synthetic Act of {code}", "kind": "act", "enacted": "1989-01-01",
                             "in_force": "1990-01-01", "url": "https://example.org/act"}],
            "offences": offences, "measures": measures}


def jurisdiction_file(code: str, name: str) -> dict:
    return {"schema_version": 1, "code": code, "name": name, "un_region": "Europe", "currency": "EUR",
            "legal_systems": ["civil-law"], "last_reviewed": "2025-06-01",
            "treaties": {"cites": {"status": "party", "source": {"url": "https://example.org/cites", "retrieved": "2025-06-01",
                                                                 "verification": "secondary"}}}}


def generate(count: int, target: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(PROJECT / "schema", target / "schema")
    shutil.copytree(PROJECT / "baselines", target / "baselines")
    shutil.copytree(PROJECT / "site", target / "site")  # so the synthetic tree can be built as a site
    shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy2(PROJECT / "CONTRIBUTING.md", target / "CONTRIBUTING.md")
    vocabularies = SchemaSet(target / "schema").vocabularies()
    subdivisions = sorted(pycountry.subdivisions, key=lambda s: s.code)[:count]
    if len(subdivisions) < count:
        raise SystemExit(f"only {len(subdivisions)} subdivision codes available")
    for subdivision in subdivisions:
        folder = target / "laws" / subdivision.code.lower()
        folder.mkdir(parents=True)
        dump(folder / "jurisdiction.yaml", jurisdiction_file(subdivision.code, subdivision.name))
        for domain in DOMAINS:
            dump(folder / f"{domain}.yaml", domain_file(rng, subdivision.code, domain, vocabularies[domain]))
    return target


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the strict loader rejects anchors
        return True


def dump(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python benchmarks/generate.py N OUTDIR")
    out = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[1]} synthetic jurisdictions to {out}")
