"""`lawgap agreement A.yaml B.yaml`: two independent codings of one jurisdiction × domain, fact by fact.

A *fact* is one answer a coder gives: a measure's value; an offence's existence (as core or not),
each of its facet terms and yes/no fields; each basic penalty version's prison minimum and maximum,
fine and death penalty; each aggravated tier's existence and its versions (own penalty or uplift).
Each fact carries the provision cited for it (its source; see_also is not compared), compared as
instrument title + section or article (subsections in brackets are detail: "s. 2" and "s. 2(1)-(3)"
cite the same provision). Offences are matched by the provision that creates them (so the coders'
own instrument ids do not matter): first with its subsections, then by section, then by the offence id; tiers by their set of circumstances,
falling back to the tier id; penalty versions by effective date.

A fact is *coded* when at least one file knows it. It *diverges* when the values differ (one
unknown and one known is a divergence) or, with equal values, when the provisions cited differ
(kind "provision"). Divergence rate = divergent facts ÷ facts coded in either. Pure: data in, result out.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

TARGET_DIVERGENCE = 0.05  # double-code until divergence is under this share...
SPOT_CHECK_SHARE = 0.20  # ...then re-code this share of the facts of each file
COMPARED_METHODS = ("double", "spot-check")  # review methods that compared two codings

# Coders spell the same citation differently: "Wildlife Act, 2013" / "Wildlife Act 2013", "s. 92" / "s.92".
_PUNCTUATION = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
_ADDRESS = re.compile(r"^https?://(www\.)?")
_ORDINAL = re.compile("[\u00ba\u00aa\u00b0]")  # "art. 3º", "art. 1ª", "art. 3°": the ordinal mark is not part of the number
_CAPUT = re.compile(r"\bcaput\b")
_SENTENCE = re.compile(r"\b(satz|sentence)\s*\d+")  # "§ 232(1) Satz 1": the first sentence of paragraph 1
# what precedes a section or article number: "s.", "ss.", "sec.", "section", "§", "art.", "article", "reg.", "42 U.S.C."
_DESIGNATOR = re.compile(r"^\s*(\d+\s*u\.?\s*s\.?\s*c\.?\s*)?(§§?|ss?\.|secs?\.|sections?\b|arts?\.|articles?\b|regs?\.|regulations?\b)?\s*")


class CodingMismatch(ValueError):
    """The two files are not codings of the same jurisdiction and domain."""


class SampleMismatch(ValueError):
    """A spot-check sample names facts that neither coding has (it was drawn from another version of A)."""


@dataclass(frozen=True)
class Fact:
    value: Any  # None: unknown
    provision: str | None  # as cited, for people: "<instrument id> <provision>"
    provision_key: str | None  # instrument title + provision, normalised, for comparison


@dataclass(frozen=True)
class Divergence:
    fact: str
    kind: str  # "value" or "provision"
    a: Fact | None
    b: Fact | None


@dataclass(frozen=True)
class Agreement:
    file_a: str
    file_b: str
    jurisdiction: str
    domain: str
    facts_coded: int
    divergences: tuple[Divergence, ...]
    sampled: int | None = None  # a spot-check: how many facts the sample named; None when every fact was compared

    @property
    def rate(self) -> float | None:
        """Divergent facts ÷ facts coded in either file; None when neither file codes anything."""
        return len(self.divergences) / self.facts_coded if self.facts_coded else None

    @property
    def agree(self) -> bool:
        return not self.divergences

    @property
    def one_side_unknown(self) -> int:
        """Value divergences where one coder left the fact unknown: a fact one coder could not read or did not
        reach, not a contradiction. The rest of the value divergences are both known and different."""
        return sum(d.kind == "value" and (d.a is None or d.a.value is None or d.b is None or d.b.value is None)
                   for d in self.divergences)


def compare(data_a: dict[str, Any], data_b: dict[str, Any], file_a: str = "A", file_b: str = "B",
            sample: Sequence[str] | None = None) -> Agreement:
    """Compare two schema-valid domain files of the same jurisdiction and domain: every fact, or (a spot-check)
    only the facts `sample` names (drawn from A by draw_sample; B codes just those)."""
    subject_a, subject_b = (data_a["jurisdiction"], data_a["domain"]), (data_b["jurisdiction"], data_b["domain"])
    if subject_a != subject_b:
        raise CodingMismatch(f"{file_a} codes {' '.join(subject_a)} but {file_b} codes {' '.join(subject_b)}; "
                             "agreement compares two codings of one jurisdiction and domain")
    names_a, names_b = _instrument_names(data_a["instruments"], data_b["instruments"])
    facts_a, facts_b = _Facts(data_a, names_a), _Facts(data_b, names_b)
    matched = dict(_matched_facts(facts_a, facts_b))
    if sample is not None:
        missing = [path for path in sample if path not in matched]
        if missing:
            raise SampleMismatch(f"the sample names {len(missing)} fact(s) that neither {file_a} nor {file_b} has, first "
                                 f"{missing[0]!r}: it was drawn from another version of {file_a}; draw it again "
                                 f"(lawgap spot-check {file_a}) and re-code the new sample")
        matched = {path: matched[path] for path in dict.fromkeys(sample)}
    coded, divergences = 0, []
    for path, (a, b) in matched.items():
        value_a, value_b = a.value if a else None, b.value if b else None
        if value_a is None and value_b is None:
            continue
        coded += 1
        if not _same(value_a, value_b):
            divergences.append(Divergence(path, "value", a, b))
        elif a.provision_key != b.provision_key:  # both known here, so both exist
            divergences.append(Divergence(path, "provision", a, b))
    return Agreement(file_a, file_b, data_a["jurisdiction"], data_a["domain"], coded, tuple(divergences),
                     None if sample is None else len(matched))


def known_facts(data: dict[str, Any]) -> list[str]:
    """The facts one coding knows (true, false or a value; not the unknown ones), named as compare() names them."""
    names = {i["id"]: _title_key(i) for i in data["instruments"]}
    return [path for path, (fact, _) in _matched_facts(_Facts(data, names), _Facts(data, names)) if fact and fact.value is not None]


def changed_facts(data: dict[str, Any], earlier: dict[str, Any], file: str = "A", earlier_file: str = "the earlier file") -> list[str]:
    """The facts `data` knows that `earlier` (a previous version of the same file) did not know, or knew with
    another value or provision: what a change added or corrected, in the file's order, named as in `data`."""
    if (data["jurisdiction"], data["domain"]) != (earlier["jurisdiction"], earlier["domain"]):
        raise CodingMismatch(f"{earlier_file} codes {earlier['jurisdiction']} {earlier['domain']}, not {data['jurisdiction']} "
                             f"{data['domain']}: it is not an earlier version of {file}")
    changed = {d.fact for d in compare(data, earlier).divergences if d.a is not None and d.a.value is not None}
    return [path for path in known_facts(data) if path in changed]


def draw_sample(data: dict[str, Any], share: float, seed: int, population: Sequence[str] | None = None) -> list[str]:
    """A spot-check sample: `share` of the facts the coding knows (or of `population`, some of them: see
    changed_facts), rounded up, drawn at random but reproducibly from `seed`, in the file's order."""
    known = known_facts(data) if population is None else list(population)
    size = -(-Fraction(str(share)) * len(known) // 1)  # rounded up in exact arithmetic: 0.2 × 15 is 3, not 3.0000000000000004
    chosen = random.Random(seed).sample(range(len(known)), int(size))
    return [known[i] for i in sorted(chosen)]


def sample_text(sample: Sequence[str], data: dict[str, Any], file: str, share: float, seed: int,
                since: tuple[str, int] | None = None) -> str:
    """The sample as a file the second coder works from: the facts to re-code, without the first coder's values.
    `since`: the earlier version's name and how many facts changed from it, when the sample is drawn from those."""
    drawn_from = (f"{len(known_facts(data))} known facts" if since is None
                  else f"{since[1]} facts known and added or changed since {since[0]}")
    return (f"# lawgap spot-check sample of {file} ({data['jurisdiction']} {data['domain']}): {len(sample)} of {drawn_from} "
            f"({100 * share:g} %), seed {seed}\n"
            "# Re-code each fact below from the law's text, blind, in a file of your own; then compare with\n"
            f"# lawgap agreement {file} <your file> --sample <this file>\n" + "".join(f"{path}\n" for path in sample))


def read_sample(text: str) -> list[str]:
    """The fact paths of a sample file (blank lines and # comments aside)."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def overall_agreement(reviews: Iterable[dict[str, Any]]) -> tuple[int, int, int]:
    """(records, facts compared, divergences) summed over the review records that compared two codings."""
    compared = [r for r in reviews if r and r["method"] in COMPARED_METHODS]
    return len(compared), sum(r["facts_compared"] for r in compared), sum(r["divergences"] for r in compared)


# -- facts of one file -----------------------------------------------------------------------------


class _Facts:
    """The facts of one file, ready to be matched against the other coding. `names` gives each instrument id
    the name both codings share for that instrument (see _instrument_names)."""

    def __init__(self, data: dict[str, Any], names: dict[str, str] | None = None):
        self.data = data
        self.names = names if names is not None else {i["id"]: _title_key(i) for i in data["instruments"]}

    def fact(self, value: Any, source: dict[str, Any] | None) -> Fact:
        if source is None:
            return Fact(value, None, None)
        key = self.names.get(source["instrument"], source["instrument"]) + "|" + _section(source["provision"])
        return Fact(value, f"{source['instrument']} {source['provision']}", key)

    def measures(self) -> Iterator[tuple[str, Fact]]:
        for term, measure in self.data["measures"].items():
            yield f"measures.{term}", self.fact(measure["value"], measure.get("source"))

    def offence(self, offence: dict[str, Any]) -> Iterator[tuple[str, Fact]]:
        """Facts of one offence, paths relative to it."""
        source = offence["source"]
        yield "core", self.fact(bool(offence.get("core")), source)
        for name, value in offence.items():
            if isinstance(value, dict) and name != "source":  # a facet: term -> tri-state
                for term, known in value.items():
                    yield f"{name}.{term}", self.fact(known, source)
            elif (isinstance(value, bool) and name != "core") or value is None:  # a yes/no field
                yield name, self.fact(value, source)
        yield from self.versions("penalty", offence.get("penalty_history", []))

    def tier(self, tier: dict[str, Any]) -> Iterator[tuple[str, Fact]]:
        yield "", Fact(True, None, None)  # the tier exists in this coding
        yield from self.versions(".penalty", tier.get("penalty_history", []))

    def versions(self, prefix: str, history: list[dict[str, Any]]) -> Iterator[tuple[str, Fact]]:
        seen: dict[str, int] = {}
        for version in history:
            when = version.get("effective", "undated")
            seen[when] = seen.get(when, 0) + 1
            label = f"{prefix}[{when}]" if seen[when] == 1 else f"{prefix}[{when} #{seen[when]}]"
            for name, value in _version_values(version):
                yield f"{label}.{name}", self.fact(value, version["source"])

def _instrument_names(instruments_a: list[dict[str, Any]], instruments_b: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, str]]:
    """One name per instrument for both codings: coders title the same law differently ("Lei nº 9.605, de 12
    de fevereiro de 1998" / "Lei 9.605/1998"), so a B instrument takes the name of the one A instrument with
    the same title, official number or address (scheme and fragment aside)."""
    names_a = {i["id"]: _title_key(i) for i in instruments_a}
    names_b = {}
    for item in instruments_b:
        same = [a for a in instruments_a if any(x and x == y for x, y in zip(_identities(a), _identities(item)))]
        names_b[item["id"]] = names_a[same[0]["id"]] if len(same) == 1 else _title_key(item)
    return names_a, names_b


def _title_key(instrument: dict[str, Any]) -> str:
    return _PUNCTUATION.sub("", instrument["title"].casefold())


def _identities(instrument: dict[str, Any]) -> tuple[str, str, str]:
    """(title, number, address) of an instrument, normalised; empty where not recorded."""
    number = _PUNCTUATION.sub("", str(instrument.get("number") or "").casefold())
    # the query stays: one viewer page serves many laws (uscode.house.gov/view.xhtml?req=...)
    address = _ADDRESS.sub("", str(instrument.get("url") or "").casefold()).split("#", 1)[0].rstrip("/")
    return _title_key(instrument), number, address


def _section(provision: str) -> str:
    """The section or article a provision names, without its subsections or a comment: coders who cite
    "s. 2" and "s. 2(1)-(3)", "art. 149-A, caput" and "art. 149-A (inserted by ...)", "art. 3º" and "art. 3"
    for one offence cite the same provision ("s. 15", "s.15", "section 15", "§ 15" and "42 U.S.C. 15" too: the
    word or code title before the number is how the coder writes it, not which provision it is)."""
    head = re.split(r"[(,;]", _as_numbered(provision), maxsplit=1)[0]
    return _SPACE.sub("", head).rstrip(".,;:")


def _as_numbered(provision: str) -> str:
    """A provision without what only says how the coder writes it: case, ordinal marks, "caput" and the word or
    code title before the number."""
    return _DESIGNATOR.sub("", _CAPUT.sub("", _ORDINAL.sub("", provision.casefold())))


def _version_values(version: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """What one penalty version says, as comparable values (None: not known)."""
    if "uplift" in version:
        for name in ("max_by", "min_by"):
            stated = version["uplift"].get(name)
            yield f"uplift.{name}", str(Fraction(stated)) if stated else "not raised"
        return
    penalty = version["penalty"]
    if penalty is None:
        yield "repealed", True
        return
    prison = penalty.get("prison")
    # left out: the coder read none; min_years: null (not read) gets None, an unknown fact like any other
    for name, absent in (("max_years", "none stated"), ("min_years", "none set")):
        yield f"prison.{name}", None if prison is None else "no prison" if prison is False else prison.get(name, absent)
    fine = penalty.get("fine")
    if isinstance(fine, dict):  # unlimited: false says no more than leaving it out
        fine = {k: v for k, v in fine.items() if v is not False}
    yield "fine", "no fine" if fine is False else fine
    yield "death_penalty", penalty.get("death_penalty")


def _matched_facts(a: _Facts, b: _Facts) -> Iterator[tuple[str, tuple[Fact | None, Fact | None]]]:
    """Every fact path of either file with its fact in A and in B (None where that file lacks it)."""
    yield from _side_by_side(dict(a.measures()), dict(b.measures()))
    offences = _pair(a.data["offences"], b.data["offences"], (_offence_provision, _offence_section),
                     lambda o: o["source"]["provision"], a, b)
    for label, offence_a, offence_b in offences:
        path = f"offences[{label}]"
        facts_a = dict(a.offence(offence_a)) if offence_a else {}
        facts_b = dict(b.offence(offence_b)) if offence_b else {}
        yield from _side_by_side(*_undated_version_paired(facts_a, facts_b), f"{path}.")
        tiers = _pair((offence_a or {}).get("aggravated_tiers", []), (offence_b or {}).get("aggravated_tiers", []),
                      (lambda t, _facts: _circumstances(t),), _circumstances, a, b)
        for tier_label, tier_a, tier_b in tiers:
            tier_facts = _undated_version_paired(dict(a.tier(tier_a)) if tier_a else {}, dict(b.tier(tier_b)) if tier_b else {})
            yield from _side_by_side(*tier_facts, f"{path}.aggravated[{tier_label}]")


_VERSION = re.compile(r"^(\.?penalty)\[([^\]]+)\]\.")


def _undated_version_paired(facts_a: dict[str, Fact], facts_b: dict[str, Fact]) -> tuple[dict[str, Fact], dict[str, Fact]]:
    """Penalty versions are matched by effective date. Where one coding dated a version and the other left its
    only unmatched version undated, they are the same version: B's is compared under A's label (so the facts keep
    the names A gives them, as a spot-check sample drawn from A expects), and the date itself becomes one fact
    (`effective`) known to one coder only."""
    def versions(facts: dict[str, Fact]) -> dict[str, str]:  # label -> date, for the versions of one coding
        return {m.group(0): m.group(2) for key in facts if (m := _VERSION.match(key))}

    only_a, only_b = (set(versions(facts_a)) - set(versions(facts_b)), set(versions(facts_b)) - set(versions(facts_a)))
    if len(only_a) != 1 or len(only_b) != 1:
        return facts_a, facts_b
    [label_a], [label_b] = only_a, only_b
    date_a, date_b = versions(facts_a)[label_a], versions(facts_b)[label_b]
    if "undated" not in (date_a, date_b) or label_a.split("[")[0] != label_b.split("[")[0]:
        return facts_a, facts_b
    renamed_b = {label_a + key[len(label_b):] if key.startswith(label_b) else key: fact for key, fact in facts_b.items()}
    dated_side, dated_label, date = (facts_a, label_a, date_a) if date_b == "undated" else (facts_b, label_b, date_b)
    provision = next(f for k, f in dated_side.items() if k.startswith(dated_label))
    known = Fact(date, provision.provision, provision.provision_key)
    unknown = Fact(None, None, None)
    effective = label_a + "effective"
    return ({**facts_a, effective: known if date_b == "undated" else unknown},
            {**renamed_b, effective: unknown if date_b == "undated" else known})


def _offence_provision(offence: dict[str, Any], facts: _Facts) -> str:
    """The provision that creates the offence, subsections included: offences of s. 170(1) and s. 170(2)
    are told apart; "§ 232(1) Satz 1" and "s. 232(1)" are one (the designator is how the coder writes it, and a
    sentence of a paragraph is detail, as a subsection is of a section)."""
    source = offence["source"]
    numbered = _SENTENCE.sub("", _as_numbered(source["provision"]))
    return facts.fact(None, source).provision_key + "|" + _SPACE.sub("", numbered).rstrip(".,;:")


def _offence_section(offence: dict[str, Any], facts: _Facts) -> str | None:
    """The section or article that creates the offence: one coder's 's. 2' is the other's 's. 2(1)-(3)'."""
    return facts.fact(None, offence["source"]).provision_key


def _circumstances(tier: dict[str, Any]) -> str:
    return "+".join(sorted(tier["circumstances"]))


def _side_by_side(facts_a: dict[str, Fact], facts_b: dict[str, Fact], prefix: str = "") -> Iterator[tuple[str, tuple[Fact | None, Fact | None]]]:
    for path in list(facts_a) + [p for p in facts_b if p not in facts_a]:
        yield prefix + path, (facts_a.get(path), facts_b.get(path))


def _pair(items_a: list[dict[str, Any]], items_b: list[dict[str, Any]], keys: tuple[Callable[[dict[str, Any], _Facts], Any], ...],
          shown: Callable[[dict[str, Any]], str], facts_a: _Facts, facts_b: _Facts) -> list[tuple[str, dict | None, dict | None]]:
    """Items of the two codings paired by each key in turn (the first that is unique within each file's
    unpaired items and found in both), then by id. Each pair is labelled as A's item shows itself (its first key,
    or its id where that key is not unique in A), however it was paired, so that a spot-check's sample, drawn
    from A alone, names the same facts whatever B cites; a B-only item likewise. Labels are made unique."""
    pairs: list[tuple[str, dict | None, dict | None]] = []
    rest_a, rest_b = list(items_a), list(items_b)
    for key in keys:
        keyed_a, keyed_b = _unique_keys(rest_a, key, facts_a), _unique_keys(rest_b, key, facts_b)
        matched = [(item, keyed_b[k]) for k, item in keyed_a.items() if k is not None and k in keyed_b]
        pairs += [(shown(a), a, b) for a, b in matched]
        paired = {id(item) for pair in matched for item in pair}
        rest_a, rest_b = [i for i in rest_a if id(i) not in paired], [i for i in rest_b if id(i) not in paired]
    first_key_unique = {id(item) for items, facts in ((items_a, facts_a), (items_b, facts_b))
                        for item in _unique_keys(items, keys[0], facts).values()}
    by_id = {i["id"]: i for i in rest_b}
    for item in rest_a:
        other = by_id.pop(item["id"], None)
        pairs.append((shown(item) if id(item) in first_key_unique else item["id"], item, other))
    pairs += [(shown(item) if id(item) in first_key_unique else item["id"], None, item) for item in by_id.values()]
    # Labels clash only where the files differ; A's items keep theirs (a sample drawn from A names them so) and a
    # B-only item whose label an A item holds takes its id too.
    from_a = Counter(label for label, a, _ in pairs if a is not None)
    b_only = Counter(label for label, a, _ in pairs if a is None)

    def kept(label: str, a: dict | None) -> bool:
        return from_a[label] == 1 if a is not None else from_a[label] == 0 and b_only[label] == 1

    return [(label if kept(label, a) else f"{label} ({(a or b)['id']})", a, b) for label, a, b in pairs]


def _unique_keys(items: list[dict[str, Any]], key: Callable[[dict[str, Any], _Facts], Any], facts: _Facts) -> dict[Any, dict[str, Any]]:
    keys = [key(item, facts) for item in items]
    return {k: item for k, item in zip(keys, items) if keys.count(k) == 1}


def _same(a: Any, b: Any) -> bool:
    """Equal as facts: true is not 1, 10 is 10.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


# -- output ----------------------------------------------------------------------------------------


def as_json(result: Agreement) -> str:
    return json.dumps({
        "a": result.file_a, "b": result.file_b, "jurisdiction": result.jurisdiction, "domain": result.domain,
        "agree": result.agree, "sampled": result.sampled, "facts_coded": result.facts_coded,
        "divergences": len(result.divergences),
        "divergence_rate": None if result.rate is None else round(result.rate, 4),
        "by_kind": {kind: sum(d.kind == kind for d in result.divergences) for kind in ("value", "provision")},
        "one_side_unknown": result.one_side_unknown,
        "divergent_facts": [
            {"fact": d.fact, "kind": d.kind, "a": d.a.value if d.a else None, "b": d.b.value if d.b else None,
             "provision_a": d.a.provision if d.a else None, "provision_b": d.b.provision if d.b else None}
            for d in result.divergences],
    }, indent=2, ensure_ascii=False) + "\n"


def as_text(result: Agreement) -> str:
    lines = [f"lawgap agreement: {result.file_a} (A) and {result.file_b} (B), {result.jurisdiction} {result.domain}", ""]
    if result.divergences:
        lines.append("Divergences:")
    for d in result.divergences:
        lines.append(f"  {d.fact}" + ("  (provision only)" if d.kind == "provision" else ""))
        for side, fact in (("A", d.a), ("B", d.b)):
            value = _shown(fact.value if fact else None)
            lines.append(f"      {side}: {value}" + (f"  [{fact.provision}]" if fact and fact.provision else ""))
    if result.divergences:
        lines.append("")
    kinds = {kind: sum(d.kind == kind for d in result.divergences) for kind in ("value", "provision")}
    if result.sampled is not None:
        lines.append(f"Spot-check: the {result.sampled} sampled facts only.")
    if result.rate is None:
        lines.append("No fact is coded in either file: nothing to compare.")
    else:
        verdict = "under" if result.rate < TARGET_DIVERGENCE else "not under"
        lines.append(f"Facts coded in either file: {result.facts_coded}; divergent: {len(result.divergences)} "
                     f"(value {kinds['value']}, of which {result.one_side_unknown} known to one coder only; provision "
                     f"{kinds['provision']}); divergence rate {100 * result.rate:.1f} % "
                     f"({verdict} the {100 * TARGET_DIVERGENCE:g} % target).")
    lines.append(f"For the review record: facts_compared: {result.facts_coded}, divergences: {len(result.divergences)}")
    return "\n".join(lines) + "\n"


def _shown(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return f"{value:g}" if isinstance(value, float) else str(value)
