"""`lawgap new`: data files with every field present and explained, straight from the schemas.

The comments are the schemas' own descriptions, so the scaffold never drifts from the format.
Required facts are left `null` (the file fails validation until they are filled); optional
fields and the structure of a first instrument and offence are written as comments to uncomment.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pycountry
import yaml

from lawgap.load.layout import DOMAINS, JURISDICTION_FILE, LAWS_DIR, display_name
from lawgap.load.regular_files import SYMLINK, first_symlink
from lawgap.validate.schema_layer import SchemaSet

WIDTH = 100


class ScaffoldError(Exception):
    """The scaffold cannot be written (unknown code or domain, file exists)."""


def jurisdiction_name(code: str) -> str:
    if "-" in code:
        subdivision = pycountry.subdivisions.get(code=code)
        if subdivision is None:
            raise ScaffoldError(f"{code!r} is not an ISO 3166-2 subdivision code")
        return subdivision.name
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ScaffoldError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. KE, GB)")
    return getattr(country, "common_name", country.name)


def new_files(root: Path, code: str, domain: str | None, schemas: SchemaSet) -> list[Path]:
    """Write the scaffold(s) for `code` (and one domain, or all three with the jurisdiction file)."""
    code = code.upper()
    name = jurisdiction_name(code)
    if domain is not None and domain not in DOMAINS:
        raise ScaffoldError(f"unknown domain {domain!r}; choose one of {', '.join(DOMAINS)}")
    folder = root / LAWS_DIR / code.lower()
    wanted: dict[str, str] = {}
    if domain is None or not (folder / JURISDICTION_FILE).exists():
        wanted[JURISDICTION_FILE] = Scaffold(schemas).jurisdiction(code, name)
    for kind in ([domain] if domain else list(DOMAINS)):
        wanted[f"{kind}.yaml"] = Scaffold(schemas).domain(code, name, kind)
    existing = [n for n in wanted if (folder / n).exists()]
    if existing and domain is None:
        raise ScaffoldError(f"{folder} already has {', '.join(existing)}; to add one domain: lawgap new {code} DOMAIN")
    if domain and (folder / f"{domain}.yaml").exists():
        raise ScaffoldError(f"{folder / (domain + '.yaml')} already exists")
    for file_name in wanted:  # all checked before any is written: nothing half-done
        linked = first_symlink(folder / file_name, root)
        if linked:
            raise ScaffoldError(f"{display_name(linked)} {SYMLINK}")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in wanted.items():
        path = folder / file_name
        if path.exists():
            continue
        _create(path, text)
        written.append(path)
    return written


def _create(path: Path, text: str) -> None:
    """Write a new file; O_EXCL | O_NOFOLLOW refuse an existing file or a link put there since the checks."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError as error:
        raise ScaffoldError(f"{display_name(path)} appeared while writing; nothing was overwritten") from error
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


class Scaffold:
    def __init__(self, schemas: SchemaSet):
        self.schemas = schemas

    def jurisdiction(self, code: str, name: str) -> str:
        schema = self.schemas.inlined("jurisdiction")
        values = {"schema_version": 1, "code": code, "name": name}
        lines = self._header("jurisdiction", schema, name)
        lines += self._object(schema, values, indent=0, skip={"treaties", "instruments", "extradition", "route_roles", "note"})
        lines += self._treaties(schema)
        lines += self._extradition(schema)
        lines += self._object(schema, {}, indent=0, skip=set(schema["properties"]) - {"route_roles", "note"})
        return "\n".join(lines) + "\n"

    def _extradition(self, schema: dict[str, Any]) -> list[str]:
        """The instruments list and the extradition block, each fact explained and shown by its schema example."""
        instruments = schema["properties"]["instruments"]
        lines = [""] + _comment(instruments["description"] + " Uncomment and adapt the example (and delete the [] after instruments:).", 0)
        lines.append("instruments: []")
        lines += _commented_yaml(instruments["examples"][0], 0)
        block = self._resolve(schema["properties"]["extradition"])
        lines += [""] + _comment(block["description"] + " Uncomment the facts you can source (and delete the {} after "
                                 "extradition:); a fact left out stays unknown.", 0)
        lines.append("extradition: {}")
        for name, prop in block["properties"].items():
            target = self._resolve(prop)
            lines += _comment(_describe(prop, target), 2)
            example = target.get("examples", [None])[0]
            if isinstance(example, dict):
                lines += _commented_yaml({name: example}, 2)
            elif example is not None:
                lines.append(f"#   {name}: {json.dumps(example, ensure_ascii=False)}")
            else:
                lines.append(f"#   {name}: {_placeholder(target)}")
        return lines + [""]

    def _treaties(self, schema: dict[str, Any]) -> list[str]:
        treaties = schema["properties"]["treaties"]
        lines = _comment(treaties["description"] + " Uncomment a treaty when you have its depositary record "
                         "(and delete the {} after treaties:).", 0)
        lines.append("treaties: {}")
        for key, prop in treaties["properties"].items():
            lines += _comment(prop["description"].split(" The jurisdiction's participation")[0], 2)
            lines += [f"  # {key}:",
                      "  #   status: party  # party | signatory | not-party",
                      "  #   consent: \"YYYY-MM-DD\"  # deposit of ratification / accession / acceptance / approval / succession",
                      "  #   consent_type: ratification  # ratification | accession | acceptance | approval | succession",
                      "  #   in_force: \"YYYY-MM-DD\"  # entry into force for this jurisdiction",
                      "  #   source: {url: \"https://\", retrieved: \"YYYY-MM-DD\", verification: source-text}"]
        return lines

    def domain(self, code: str, name: str, kind: str) -> str:
        schema = self.schemas.inlined(kind)
        values = {"schema_version": 1, "jurisdiction": code, "domain": kind}
        lines = self._header(kind, schema, name)
        lines += self._object(schema, values, indent=0, skip={"instruments", "offences", "measures"})
        lines += self._list_with_example("instruments", schema, self._resolve(schema["properties"]["instruments"]["items"]))
        lines += self._list_with_example("offences", schema, self._resolve(schema["properties"]["offences"]["items"]))
        lines += self._measures(schema)
        return "\n".join(lines) + "\n"

    # -- pieces ------------------------------------------------------------------------------------

    def _header(self, kind: str, schema: dict[str, Any], name: str) -> list[str]:
        return [f"# yaml-language-server: $schema=../../schema/{kind}.schema.json",
                *_comment(f"{schema['title']} for {name}. {schema['description']}", 0),
                *_comment("Every fact cites its source. Leave what you do not know as null, or leave it out: "
                          "unknown is never read as 'no'. Check with: lawgap validate", 0),
                ""]

    def _object(self, schema: dict[str, Any], values: dict[str, Any], indent: int, skip: set[str]) -> list[str]:
        node = self._resolve(schema)
        required = set(node.get("required", []))
        lines: list[str] = []
        for key, prop in node.get("properties", {}).items():
            if key in skip:
                continue
            target = self._resolve(prop)
            lines += _comment(_describe(prop, target) + ("" if key in required else " (optional)"), indent)
            if key in values:
                lines.append(" " * indent + f"{key}: {json.dumps(values[key], ensure_ascii=False)}")
            elif key in required:
                empty = "{}" if target.get("type") == "object" else "null"
                lines.append(" " * indent + f"{key}: {empty}  # required: fill in")
            else:
                lines.append(" " * indent + f"# {key}: {_placeholder(target)}")
        return lines

    def _list_with_example(self, key: str, schema: dict[str, Any], item: dict[str, Any]) -> list[str]:
        lines = [""] + _comment(schema["properties"][key]["description"] + " Uncomment and copy the example below.", 0)
        lines.append(f"{key}: []")
        lines += self._example_item(item, indent=2)
        return lines

    def _example_item(self, item: dict[str, Any], indent: int) -> list[str]:
        lines, first = [], True
        for key, prop in item.get("properties", {}).items():
            target = self._resolve(prop)
            prefix = "# " + " " * (indent - 2) + ("- " if first else "  ")
            first = False
            note = _describe(prop, target)
            if target.get("type") == "object" and "properties" in target and key != "source":
                lines.append(f"{prefix}{key}:  # {_short(note)}")
                for term, term_prop in target["properties"].items():
                    lines.append(f"# {' ' * (indent + 2)}{term}: null  # {_short(term_prop.get('description', ''))}")
            elif key in ("source", "see_also") or (target.get("type") == "array" and key == "penalty_history"):
                lines.append(f"{prefix}{key}:  # {_short(note)}")
                lines += self._nested_example(key, indent + 2)
            elif isinstance(target.get("examples", [None])[0], list):  # a worked example list, written out
                lines.append(f"{prefix}{key}:  # {_short(note)}")
                lines += _commented_yaml(target["examples"][0], indent + 2)
            else:
                lines.append(f"{prefix}{key}: {_placeholder(target)}  # {_short(note)}")
        return lines

    def _nested_example(self, key: str, indent: int) -> list[str]:
        """Commented lines that, once '# ' is removed, sit at YAML column `indent`."""
        pad = "# " + " " * indent
        if key == "penalty_history":
            return [
                f"{pad}- effective: \"YYYY-MM-DD\"  # date from which this penalty applies (leave out only on the last version if unknown)",
                f"{pad}  penalty:  # null when the offence was repealed on that date",
                f"{pad}    prison: {{max_years: null}}  # years (months / 12) or life; min_years when set (null: not read; leave out: none); false = no prison",
                f"{pad}    fine: {{max: {{amount: null, currency: \"XXX\"}}}}  # or {{multiple: 3, of: specimen-value}}; unlimited: true; false = no fine",
                f"{pad}    combination: prison-or-fine-or-both  # {_allowed(self._penalty()['properties']['combination'])}",
                f"{pad}    death_penalty: false",
                f"{pad}  source: {{instrument: \"\", provision: \"\", url: \"https://\", retrieved: \"YYYY-MM-DD\", verification: source-text}}",
            ]
        if key == "see_also":
            return [f"{pad}- {{instrument: \"\", provision: \"\", url: \"https://\", retrieved: \"YYYY-MM-DD\", verification: secondary}}"]
        source = self._resolve(self.schemas.inlined("common")["$defs"]["source"])
        lines = []
        for field, prop in source["properties"].items():
            if field == "absence":  # an offence's source is never an absence finding (see _absence_example)
                continue
            target = self._resolve(prop)
            lines.append(f"{pad}{field}: {_placeholder(target)}  # {_short(_describe(prop, target))}")
        return lines

    def _measures(self, schema: dict[str, Any]) -> list[str]:
        measures = schema["properties"]["measures"]
        lines = [""] + _comment(measures["description"] + " For each: value true / false / null; "
                                "a true or false value needs a source (same shape as an offence's source).", 0)
        lines.append("measures:")
        lines += self._absence_example()
        for term, prop in measures["properties"].items():
            lines += _comment(prop.get("description", ""), 2)
            lines.append(f"  {term}:")
            lines.append("    value: null")
        return lines

    def _absence_example(self) -> list[str]:
        """How a false measure cites an absence finding, from the `absence` def and its example."""
        absence = self._resolve(self.schemas.inlined("common")["$defs"]["absence"])
        lines = _comment("A false value needs evidence: quote the provision that excludes the fact (source.quote), or cite an "
                         "absence finding. " + absence["description"] + " For example:", 2)
        return lines + ["  #   corporate-liability:", "  #     value: false",
                        "  #     source: {instrument: \"\", provision: \"Part XI\", url: \"https://\", retrieved: \"YYYY-MM-DD\", "
                        f"verification: source-text, absence: {_placeholder(absence)}}}"]

    def _penalty(self) -> dict[str, Any]:
        return self._resolve(self.schemas.inlined("common")["$defs"]["penalty"])

    @staticmethod
    def _resolve(node: Any) -> dict[str, Any]:
        """Undo the {description, allOf: [target]} wrapping that in-lining leaves around a $ref."""
        while isinstance(node, dict) and len(node.get("allOf", ())) == 1:
            node = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
        return node


def _describe(prop: dict[str, Any], target: dict[str, Any]) -> str:
    text = prop.get("description") or target.get("description", "")
    allowed = _allowed(target)
    return f"{text} {allowed}".strip()


def _allowed(target: dict[str, Any]) -> str:
    if "enum" in target:
        return "Allowed: " + ", ".join(str(v) for v in target["enum"]) + "."
    if target.get("format") == "date":
        return "Quoted date \"YYYY-MM-DD\"."
    if target.get("type") == "array" and "enum" in target.get("items", {}):
        return "Any of: " + ", ".join(target["items"]["enum"]) + "."
    return ""


def _placeholder(target: dict[str, Any]) -> str:
    if isinstance(target.get("examples", [None])[0], dict):  # a worked example says more than an empty {}
        return json.dumps(target["examples"][0], ensure_ascii=False)
    if "enum" in target:
        return "act" if "act" in target["enum"] else str(target["enum"][0])
    if "const" in target:
        return json.dumps(target["const"])
    if target.get("format") == "date":
        return "\"YYYY-MM-DD\""
    if target.get("pattern", "").startswith("^https://"):
        return "\"https://\""
    kind = target.get("type")
    if kind == "array":
        return "[]"
    if kind == "object":
        return "{}"
    if kind == "boolean" or kind == ["boolean", "null"]:
        return "null"
    if kind == "integer" or kind == "number":
        return "null"
    return "\"\""


class _ExampleDumper(yaml.SafeDumper):
    """The data files' own style: list items indented under their key; dates, fractions and provisions quoted."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


_ExampleDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if any(c.isdigit() for c in value) else None))


def _commented_yaml(value: Any, indent: int) -> list[str]:
    """`value` as block YAML (leaf mappings in flow style), commented so that removing '# ' puts it at column `indent`."""
    dumped = yaml.dump(value, Dumper=_ExampleDumper, sort_keys=False, default_flow_style=None, allow_unicode=True, width=1000)
    return [f"# {' ' * indent}{line}" for line in dumped.splitlines()]


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _comment(text: str, indent: int) -> list[str]:
    words, lines, current = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > WIDTH - indent - 2:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return [" " * indent + "# " + line for line in lines]
