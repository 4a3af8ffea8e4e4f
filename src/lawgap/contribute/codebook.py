"""The codebook: the questions a coder answers for each domain, generated from baselines/ and schema/.

Every leaf of every baseline rule reads one fact (engine.rules.fact_of); that fact is a question.
What a term means is its schema `description`; how a rule reads it is the baseline schema's
description of that kind of rule; the general rules (three states, citing, verification, basic
offence and aggravated tiers) are the descriptions of those schema definitions. The one thing the
schemas did not say before, the guidance for coding a question, is an annotation on the property
that holds the fact:

    "x-codebook": {"true": ..., "false": ..., "evidence": ..., "where": ..., "pitfalls": ...}

Measures every domain shares (the general part of criminal law: attempt, complicity, liability of
legal persons, confiscation ...) have their guidance once, in common.schema.json under
`x-codebook-measures`, keyed by term. Nothing is restated here; `lawgap codebook` prints the result.

The extradition facts of jurisdiction.yaml decide no baseline requirement but the extradition verdict:
each is a question too, its guidance on its property (with `answers` naming what true and false stand
for where the answer is not yes/no), and how the verdict reads it from engine.extradition.READS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lawgap.engine.extradition import READS
from lawgap.engine.rules import fact_of, leaves
from lawgap.load.layout import DOMAINS
from lawgap.model.types import Baseline, Requirement
from lawgap.validate.schema_layer import SchemaSet

GUIDANCE = "x-codebook"
SHARED_MEASURE_GUIDANCE = "x-codebook-measures"  # in common.schema.json: term -> guidance
PARTS = ("true", "false", "evidence", "where", "pitfalls")
PART_TITLES = {"true": "true means", "false": "false means", "evidence": "Evidence that suffices", "where": "Where to look",
               "pitfalls": "Pitfalls"}
DOMAIN_TITLES = {"wildlife": "Wildlife", "human-trafficking": "Human trafficking", "organ-trafficking": "Organ trafficking"}
EXTRADITION_TITLE = "Extradition"


class CodebookError(Exception):
    """A schema or baseline the codebook cannot be generated from (a missing term or definition)."""


@dataclass(frozen=True)
class Decided:
    """A requirement a question decides, and how the rule reads the answer."""

    requirement: Requirement
    baseline: str  # short title
    reads: str  # the rule's reading of this leaf, from the baseline schema


@dataclass(frozen=True)
class Question:
    domain: str
    fact: str  # where the answer is recorded (engine.rules.fact_of)
    meaning: str  # the schema description of the term
    decides: tuple[Decided, ...]
    guidance: dict[str, str]  # PARTS -> text; empty parts are missing guidance
    guidance_at: str  # the schema file and JSON pointer of the guidance, for whoever improves it
    reads: str = ""  # for a question no baseline rule reads (extradition): how lawgap reads the answer
    answers: tuple[tuple[str, str], ...] = ()  # ("true", "yes or conditional") where the answer is not yes/no


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[tuple[str, str], ...]  # (label, text), label may be empty


@dataclass(frozen=True)
class Codebook:
    general: tuple[Section, ...]
    questions: dict[str, tuple[Question, ...]]  # domain -> questions in baseline order
    extradition: tuple[Question, ...] = ()  # jurisdiction.yaml's extradition facts, in schema order


def build_codebook(schemas: SchemaSet, baselines: Iterable[Baseline]) -> Codebook:
    ordered = sorted(baselines, key=lambda b: b.id)
    return Codebook(_general(schemas), {domain: _questions(schemas, ordered, domain) for domain in DOMAINS},
                    _extradition_questions(schemas))


# -- the general rules, from the schema definitions ------------------------------------------------


def _general(schemas: SchemaSet) -> tuple[Section, ...]:
    defs = _document(schemas, "common")["$defs"]
    offence = _document(schemas, "wildlife")["$defs"]["offence"]["properties"]
    source = _definition(defs, "source")
    three_states = [("", _definition(defs, "tri_state")["description"]), ("measures", _definition(defs, "measure")["description"])]
    verification = _definition(defs, "verification")["description"]
    citing = [("", source["description"])]
    for name, prop in source["properties"].items():  # an absence finding is a citation, but belongs with `false`
        described = _description(defs, prop)
        if described != verification:  # the levels have their own section
            (three_states if name == "absence" else citing).append((name, described))
    tiers = [("core", _description(defs, offence["core"])), ("basic penalty (penalty_history)", _description(defs, offence["penalty_history"]))]
    if "aggravated_tiers" in offence:
        tiers.append(("aggravated tiers (aggravated_tiers)", _description(defs, offence["aggravated_tiers"])))
    if "aggravating_circumstance" in defs:
        tiers.append(("circumstances", defs["aggravating_circumstance"]["description"]))
    return (
        Section("True, false or unknown", tuple(three_states)),
        Section("Citing the source of a fact", tuple(citing)),
        Section("Verification levels (source.verification)", (("", verification),)),
        Section("The core offence, its basic penalty and aggravated tiers", tuple(tiers)),
    )


# -- the questions, from the baselines' rule leaves --------------------------------------------------


def _questions(schemas: SchemaSet, baselines: list[Baseline], domain: str) -> tuple[Question, ...]:
    rule_kinds = _rule_descriptions(schemas)
    found: dict[str, dict[str, Any]] = {}
    for baseline in (b for b in baselines if domain in b.domains):
        for requirement in baseline.requirements:
            for _, leaf in leaves(requirement.rule):
                fact = fact_of(leaf)
                if fact not in found:
                    meaning, guidance, at = _term(schemas, domain, leaf)
                    found[fact] = {"meaning": meaning, "guidance": guidance, "at": at, "decides": []}
                found[fact]["decides"].append(Decided(requirement, baseline.short_title, _reading(leaf, rule_kinds)))
    return tuple(Question(domain, fact, q["meaning"], tuple(q["decides"]), q["guidance"], q["at"]) for fact, q in found.items())


def _extradition_questions(schemas: SchemaSet) -> tuple[Question, ...]:
    pointer = ("$defs", "extradition", "properties")
    facts = _lookup(_document(schemas, "jurisdiction"), pointer, "jurisdiction")
    questions = []
    for name, prop in facts.items():
        if GUIDANCE not in prop:  # the scope note is not a question
            continue
        if name not in READS:
            raise CodebookError(f"engine.extradition.READS does not say how the extradition fact {name!r} is read")
        at = f"schema/jurisdiction.schema.json#/{'/'.join(pointer)}/{name}/{GUIDANCE}"
        questions.append(Question("jurisdiction", f"extradition.{name}.value", prop["description"], (), _parts(prop[GUIDANCE]), at,
                                  READS[name], tuple(prop[GUIDANCE].get("answers", {}).items())))
    return tuple(questions)


def _term(schemas: SchemaSet, domain: str, leaf: dict[str, Any]) -> tuple[str, dict[str, str], str]:
    """The term's meaning, its guidance and where that guidance lives."""
    schema, common = _document(schemas, domain), _document(schemas, "common")
    file = f"schema/{domain}.schema.json"
    if "measure" in leaf:
        term = leaf["measure"]
        prop = _lookup(schema, ("properties", "measures", "properties", term), domain)
        shared = common.get(SHARED_MEASURE_GUIDANCE, {})
        if term in shared:
            return prop["description"], _parts(shared[term]), f"schema/common.schema.json#/{SHARED_MEASURE_GUIDANCE}/{term}"
        return prop["description"], _parts(prop.get(GUIDANCE, {})), f"{file}#/properties/measures/properties/{term}/{GUIDANCE}"
    if "offence" in leaf:
        facet, term = leaf["offence"]["facet"], leaf["offence"]["term"]
        if facet == "flags":
            path = ("$defs", "offence", "properties", term)
            prop = _lookup(schema, path, domain)
            return _description(common["$defs"], prop), _parts(prop.get(GUIDANCE, {})), f"{file}#/{'/'.join(path)}/{GUIDANCE}"
        path = ("$defs", "offence", "properties", facet)
        container = _lookup(schema, path, domain)
        prop = _lookup(schema, (*path, "properties", term), domain)
        # what holds for every term of the facet is written once, on the facet; the term adds its own
        parts = {part: " ".join(filter(None, (own, shared))) for (part, own), shared in
                 zip(_parts(prop.get(GUIDANCE, {})).items(), _parts(container.get(GUIDANCE, {})).values())}
        at = f"{file}#/{'/'.join(path)}/properties/{term}/{GUIDANCE} + {file}#/{'/'.join(path)}/{GUIDANCE}"
        return _description(common["$defs"], prop), parts, at
    prison = _definition(common["$defs"], "prison")
    term = next((b["properties"]["max_years"] for b in prison.get("oneOf", ()) if "max_years" in b.get("properties", {})), None)
    if term is None:
        raise CodebookError("common.schema.json $defs/prison has no max_years")
    return f"{prison['description']} {term['description']}", _parts(prison.get(GUIDANCE, {})), f"schema/common.schema.json#/$defs/prison/{GUIDANCE}"


def _rule_descriptions(schemas: SchemaSet) -> dict[str, Any]:
    """The baseline schema's description of each kind of rule leaf (and of `equals`)."""
    kinds: dict[str, Any] = {}
    for branch in _definition(_document(schemas, "baseline")["$defs"], "rule")["oneOf"]:
        for key, prop in branch.get("properties", {}).items():
            kinds[key] = prop
    return kinds


def _reading(leaf: dict[str, Any], kinds: dict[str, Any]) -> str:
    if "measure" in leaf:
        return kinds["measure"]["description"]
    if "offence" in leaf:
        spec, offence = leaf["offence"], kinds["offence"]
        reading = offence["description"]
        if spec.get("core_only"):
            reading += f" Only the core offence is read ({offence['properties']['core_only']['description']})"
        if not spec.get("equals", True):
            reading += f" Met by the value false ({offence['properties']['equals']['description']})"
        return reading
    threshold = leaf["core_max_prison_at_least"]
    return f"{kinds['core_max_prison_at_least']['description']} Here: {threshold:g} year{'s' if threshold != 1 else ''}."


def _parts(guidance: dict[str, Any]) -> dict[str, str]:
    return {part: " ".join(str(guidance.get(part) or "").split()) for part in PARTS}


# -- schema access ---------------------------------------------------------------------------------


def _document(schemas: SchemaSet, kind: str) -> dict[str, Any]:
    if kind not in schemas.documents:
        raise CodebookError(f"{kind}.schema.json is missing from {schemas.schema_dir}")
    return schemas.documents[kind]


def _lookup(schema: dict[str, Any], path: tuple[str, ...], domain: str) -> dict[str, Any]:
    node: Any = schema
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise CodebookError(f"a baseline rule reads {path[-1]!r}, which schema/{domain}.schema.json does not define "
                                f"(at {'/'.join(path)})")
        node = node[key]
    return node


def _definition(defs: dict[str, Any], name: str) -> dict[str, Any]:
    if name not in defs:
        raise CodebookError(f"common.schema.json has no $defs/{name}")
    return defs[name]


def _description(defs: dict[str, Any], prop: dict[str, Any]) -> str:
    """A property's own description, or that of the shared definition it refers to."""
    if "description" in prop:
        return prop["description"]
    reference = prop.get("$ref", "")
    name = reference.rsplit("/", 1)[-1]
    return _definition(defs, name).get("description", "")


def missing_guidance(codebook: Codebook) -> list[str]:
    """Each question whose guidance leaves a part empty, as "domain fact: parts" (the codebook test keeps this empty)."""
    return [f"{q.domain} {q.fact}: {', '.join(p for p in PARTS if not q.guidance[p])} (add them at {q.guidance_at})"
            for questions in (*codebook.questions.values(), codebook.extradition) for q in questions if not all(q.guidance.values())]


# -- output ----------------------------------------------------------------------------------------


def codebook_markdown(codebook: Codebook, domains: Iterable[str] = DOMAINS, escape: Callable[[str], str] = str,
                      heading: int = 1, general: bool = True, extradition: bool = True) -> str:
    """The codebook as Markdown. `escape` is applied to every text taken from the schemas and baselines
    (the site passes its Markdown escaper); fact paths and vocabulary terms are identifiers and are not."""
    h = "#" * heading
    lines: list[str] = []
    if general:
        lines += [f"{h} Codebook", "",
                  "The questions a coder answers, domain by domain, generated by `lawgap codebook` from `baselines/` "
                  "(every leaf of every rule) and `schema/` (what each term means, and the guidance on the property "
                  "that holds it). To improve an entry, edit the schema annotation named under it.", ""]
        lines += _general_markdown(codebook.general, escape, h + "#")
    for domain in domains:
        lines += _domain_markdown(domain, codebook.questions[domain], escape, h + ("#" if general else ""))
    if extradition and codebook.extradition:
        lines += _extradition_markdown(codebook.extradition, escape, h + ("#" if general else ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def _general_markdown(sections: tuple[Section, ...], escape: Callable[[str], str], h: str) -> list[str]:
    lines = [f"{h} General rules", ""]
    for section in sections:
        lines += [f"{h}# {escape(section.title)}", ""]
        for label, text in section.entries:
            lines.append(f"- **`{label}`**: {escape(text)}" if label and _is_identifier(label)
                         else f"- **{escape(label)}**: {escape(text)}" if label else escape(text))
            lines.append("")
    return lines


def _domain_markdown(domain: str, questions: tuple[Question, ...], escape: Callable[[str], str], h: str) -> list[str]:
    requirements = {d.requirement.id for q in questions for d in q.decides}
    lines = [f"{h} {DOMAIN_TITLES[domain]} (`{domain}.yaml`)", "",
             f"{len(questions)} questions decide the {len(requirements)} requirements of this domain.", ""]
    for question in questions:
        lines += [f"{h}# `{question.fact}`", "", f"**Question.** {escape(question.meaning)}", "", "**Decides:**", ""]
        for decided in question.decides:
            r = decided.requirement
            lines.append(f"- `{r.id}` ({escape(decided.baseline)} {escape(r.article)}; {escape(r.obligation)}, weight {r.weight}): "
                         f"{escape(r.text)}")
        readings = dict.fromkeys(d.reads for d in question.decides)  # distinct, in order
        lines += ["", f"**How the rules read it.** {' '.join(escape(reading) for reading in readings)}", "", "**Coding it:**", ""]
        lines += [f"- **{PART_TITLES[part]}**: {escape(question.guidance[part])}" for part in PARTS]
        lines += ["", f"<small>Guidance lives in `{question.guidance_at}`</small>", ""]
    return lines


def _extradition_markdown(questions: tuple[Question, ...], escape: Callable[[str], str], h: str) -> list[str]:
    lines = [f"{h} {EXTRADITION_TITLE} (`jurisdiction.yaml`)", "",
             f"{len(questions)} questions about each jurisdiction's own extradition law decide, with the dual-criminality "
             "facts of the domain files, whether it can surrender a person to another State (`lawgap extradition`).", ""]
    for question in questions:
        answers = dict(question.answers)
        lines += [f"{h}# `{question.fact}`", "", f"**Question.** {escape(question.meaning)}", "",
                  f"**How lawgap reads it.** {escape(question.reads)}", "", "**Coding it:**", ""]
        lines += [f"- **{escape(answers[part]) + ' means' if part in answers else PART_TITLES[part]}**: {escape(question.guidance[part])}"
                  for part in PARTS]
        lines += ["", f"<small>Guidance lives in `{question.guidance_at}`</small>", ""]
    return lines


def _is_identifier(label: str) -> bool:
    return label.replace("-", "").replace("_", "").isalnum()


def codebook_dict(codebook: Codebook, domains: Iterable[str] = DOMAINS, extradition: bool = True) -> dict[str, Any]:
    book = {
        "general": [{"title": s.title, "entries": [{"label": label, "text": text} for label, text in s.entries]} for s in codebook.general],
        "domains": {domain: [{
            "fact": q.fact, "question": q.meaning,
            "decides": [{"requirement": d.requirement.id, "baseline": d.baseline, "text": d.requirement.text,
                         "article": d.requirement.article, "obligation": d.requirement.obligation,
                         "weight": d.requirement.weight, "reads": d.reads} for d in q.decides],
            **q.guidance, "guidance_at": q.guidance_at,
        } for q in codebook.questions[domain]] for domain in domains},
    }
    if extradition:
        book["extradition"] = [{"fact": q.fact, "question": q.meaning, "reads": q.reads, "answers": dict(q.answers), **q.guidance,
                                "guidance_at": q.guidance_at} for q in codebook.extradition]
    return book
