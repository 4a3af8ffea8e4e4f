"""Markdown pages of the site, rendered from published results (and model metadata: names, baselines).

Templates escape every value by default (Jinja2 `finalize`); only lawgap's own fragments, marked
`Trusted`, pass unchanged. So contributor text cannot inject Markdown or HTML.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from lawgap.contribute.agreement import SPOT_CHECK_SHARE, TARGET_DIVERGENCE, overall_agreement
from lawgap.contribute.source_report import citations, summary_rows
from lawgap.contribute.source_report import summary as source_summary
from lawgap.engine.money import MAX_RATE_AGE_YEARS
from lawgap.engine.thresholds import EXTRADITION_YEARS, SCORE_COVERAGE_THRESHOLD, SERIOUS_CRIME_YEARS
from lawgap.engine.unknowns import UnknownFact, unknown_facts
from lawgap.load.layout import DOMAINS
from lawgap.model.types import Baseline, KnowledgeBase
from lawgap.render.citation import Citation
from lawgap.render.site import formatting as fmt
from lawgap.render.site.changes import jurisdiction_feed, recent_changes
from lawgap.render.site.charts import prison_chart
from lawgap.render.site.anchors import offence_anchor, requirement_anchor
from lawgap.render.site.citations import html_cite, markdown_cite, source_host, verification_badge
from lawgap.render.site.codebook_pages import question_link
from lawgap.render.site.downloads_page import downloads_page
from lawgap.render.site.fact_labels import fact_label
from lawgap.render.site.escape import (
    Trusted,
    front_matter,
    html_link,
    html_table,
    html_text,
    link,
    text,
)
from lawgap.render.site.extradition_data import extradition_data
from lawgap.render.site.extradition_section import extradition_section
from lawgap.render.site.fragments import deferred
from lawgap.render.site.maps import LEGEND_MARKDOWN, inline_map
from lawgap.render.site.verdicts import (
    VERDICT_COLUMNS,
    VerdictContext,
    folded_note,
    requirement_title,
    unknown_share,
    verdict_row,
)

FACTS_NEEDED = 5  # per jurisdiction and domain: the top of the coders' work queue (lawgap unknowns)
TREATY_TITLES = {"cites": "CITES", "untoc": "UNTOC", "palermo-protocol": "Palermo Protocol", "cets-216": "CETS 216 (organs)"}


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("lawgap.render.site", "templates"), finalize=_escape, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters["front_matter"] = front_matter
    env.filters["deferred"] = deferred  # {% filter deferred %}: a block of HTML that reaches the page after MkDocs
    return env


def _escape(value: Any) -> str:
    if isinstance(value, Trusted):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return text(value)


ENV = _environment()


class SitePages:
    """Renders every page for one set of results."""

    def __init__(self, kb: KnowledgeBase, results: list[dict[str, Any]], as_of: str, edit_url: str | None,
                 schema_titles: dict[str, str], facts_needed: Mapping[tuple[str, str], list[UnknownFact]] | None = None,
                 citation: Citation | None = None, site_url: str | None = None, extradition_labels: Mapping[str, str] | None = None):
        self.kb, self.results, self.as_of, self.edit_url = kb, results, as_of, edit_url
        self.extradition_labels = extradition_labels or {}  # the extradition facts' schema titles
        self.facts_needed = facts_needed  # engine.unknowns per (jurisdiction, domain); worked out here when not given
        self.schema_titles = schema_titles
        self.citation, self.site_url = citation, site_url  # for the downloads page (CITATION.cff, Dataset JSON-LD)
        self.by_code: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for entry in results:
            self.by_code[entry["jurisdiction"]][entry["domain"]] = entry

    def jurisdiction_from(self, entries: list[dict[str, Any]], facts_needed: Mapping[tuple[str, str], list[UnknownFact]]) -> str:
        """The page of the jurisdiction of `entries` (its full results, one per domain), for a caller that
        streams the results (SitePages made with none); only what the other pages read of them is kept."""
        code = entries[0]["jurisdiction"]
        self.by_code[code] = {e["domain"]: e for e in entries}
        self.facts_needed = facts_needed
        page = self.jurisdiction(code)
        kept = [summary_entry(e) for e in entries]
        self.results += kept
        self.by_code[code] = {e["domain"]: e for e in kept}
        return page

    def pages(self) -> Iterator[tuple[str, str]]:
        """Every page but the jurisdictions' (see jurisdiction_from), path and Markdown, one at a time."""
        yield "index.md", self.home()
        yield "jurisdictions/index.md", self.jurisdictions_index()
        yield "baselines/index.md", self.baselines_index()
        yield "methodology.md", self.methodology()
        yield "downloads.md", downloads_page(ENV, self.kb, self.as_of, self.schema_titles, self.citation, self.site_url)
        yield "compare.md", ENV.get_template("compare.md.j2").render(as_of=self.as_of)
        for domain in DOMAINS:
            yield f"domains/{domain}.md", self.domain(domain)
        for baseline in self._baselines():
            yield f"baselines/{baseline.id}.md", self.baseline(baseline)

    # -- pages ---------------------------------------------------------------------------------

    def home(self) -> str:
        sources = Counter()
        for entry in self.results:
            sources.update(entry["verification"])
        citations = sum(sources.values())
        figures = {
            "jurisdictions": len(self.by_code),
            "files": sum(1 for e in self.results if e["file"]),
            "citations": citations,
            "source_text_share": round(100 * sources["source-text"] / citations) if citations else 0,
            "requirements": sum(len(b.requirements) for b in self.kb.baselines.values()),
        }
        below = sorted((e for e in self.results if e["penalty_gap_years"]), key=lambda e: (-e["penalty_gap_years"], e["jurisdiction"]))
        unmet = sorted(self.results, key=lambda e: (-_unmet_weight(e), e["jurisdiction"]))
        covered = sorted(self.results, key=lambda e: (e["coverage"], e["jurisdiction"], e["domain"]))
        return ENV.get_template("home.md.j2").render(
            figures=figures, threshold=f"{SCORE_COVERAGE_THRESHOLD:g}",
            domains=[{"id": Trusted(d), "title": fmt.DOMAIN_TITLES[d],
                      "map": deferred(inline_map(self._entries(d), "score", "", "define" if i == 0 else "use"))}
                     for i, d in enumerate(DOMAINS)],
            legend=Trusted(LEGEND_MARKDOWN),
            below_threshold=[{**self._row(e, "jurisdictions/"), "max": fmt.years(e["max_prison_years"]),
                              "gap": fmt.years(e["penalty_gap_years"])} for e in below[:10]],
            most_unmet=[{**self._row(e, "jurisdictions/"), "unmet": _unmet_weight(e), "score": fmt.published_score(e),
                         "coverage": e["coverage"]} for e in unmet[:10] if _unmet_weight(e) > 0],
            least_covered=[{**self._row(e, "jurisdictions/"), "coverage": e["coverage"]} for e in covered[:10]],
        )

    def jurisdictions_index(self) -> str:
        regions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for code in sorted(self.by_code, key=lambda c: self.kb.jurisdictions[c].name):
            jurisdiction = self.kb.jurisdictions[code]
            cells = [Trusted(f"**{fmt.published_score(e)}** · {e['coverage']:g}% known" if e["scored"] else
                             f"{fmt.published_score(e)} · {e['coverage']:g}% known") for e in (self.by_code[code][d] for d in DOMAINS)]
            regions[jurisdiction.un_region].append({"link": Trusted(f"[{text(jurisdiction.name)}]({code.lower()}.md)"), "cells": cells})
        return ENV.get_template("jurisdictions_index.md.j2").render(
            count=len(self.by_code), threshold=f"{SCORE_COVERAGE_THRESHOLD:g}",
            domains=[{"title": fmt.DOMAIN_TITLES[d]} for d in DOMAINS],
            regions=[{"name": name, "rows": rows} for name, rows in sorted(regions.items())],
        )

    def jurisdiction(self, code: str) -> str:
        jurisdiction = self.kb.jurisdictions[code]
        treaties = []
        for key, title in TREATY_TITLES.items():
            status = jurisdiction.treaties.get(key)
            treaties.append({"title": title, "status": status.status if status else Trusted("unknown"),
                             "consent": status.consent.isoformat() if status and status.consent else Trusted("—"),
                             "in_force": status.in_force.isoformat() if status and status.in_force else Trusted("—"),
                             "source": Trusted(f"{link(f'source ({source_host(status.url)})', status.url)} ({text(status.verification)})"
                                             if status else "—")})
        domains = [self._domain_section(self.by_code[code][d]) for d in DOMAINS]
        return ENV.get_template("jurisdiction.md.j2").render(
            feed=Trusted(jurisdiction_feed(code)), changes=recent_changes(self.kb, code),
            name=jurisdiction.name, region=jurisdiction.un_region, subregion=jurisdiction.un_subregion or "",
            currency=jurisdiction.currency, last_reviewed=jurisdiction.last_reviewed.isoformat(),
            treaties=treaties, domains=domains, cite=self._cite(jurisdiction.name, f"jurisdictions/{code.lower()}.html"),
            extradition=extradition_section(jurisdiction, self.extradition_labels))

    def domain(self, domain: str) -> str:
        """The ranking: entries with a published score ranked by score, then coverage; the rest listed
        below them, unranked, by coverage (the nearest to a score first)."""
        entries = [self.by_code[c][domain] for c in self.by_code]
        ranked = sorted((e for e in entries if e["scored"]), key=lambda e: (-e["score"], -e["coverage"], e["jurisdiction"]))
        unranked = sorted((e for e in entries if not e["scored"]), key=lambda e: (-e["coverage"], e["jurisdiction"]))
        tables = [
            {"id": Trusted("ranked"), "heading": "Ranked", "rows": [self._ranking_row(e, rank) for rank, e in enumerate(ranked, 1)],
             "empty": "No jurisdiction has enough data to score yet."},
            {"id": Trusted("not-enough-data"), "heading": "Not enough data to score",
             "rows": [self._ranking_row(e, None) for e in unranked], "empty": "None: every jurisdiction is scored."},
        ]
        baselines = [b for b in self._baselines() if domain in b.domains]
        return ENV.get_template("domain.md.j2").render(
            title=fmt.DOMAIN_TITLES[domain], domain=Trusted(domain), tables=tables, threshold=f"{SCORE_COVERAGE_THRESHOLD:g}", legend=Trusted(LEGEND_MARKDOWN),
            baselines=Trusted(", ".join(f"[{text(b.short_title)}](../baselines/{b.id}.md)" for b in baselines)),
            cite=self._cite(fmt.DOMAIN_TITLES[domain], f"domains/{domain}.html"),
            map=deferred(inline_map(entries, "score", "../", "define")), map_floor=deferred(inline_map(entries, "score_min", "../", "use")),
            chart=deferred(prison_chart([(e["jurisdiction"], e["name"], e["max_prison_years"]) for e in entries])))

    def _ranking_row(self, e: dict[str, Any], rank: int | None) -> dict[str, Any]:
        """One ranking row; `data-*` attributes let embedders and tests read it (score empty when not scored)."""
        jurisdiction = self.kb.jurisdictions[e["jurisdiction"]]
        maximum = e["max_prison_years"]
        return {
            "rank": "—" if rank is None else rank, "code": e["jurisdiction"],
            "href": Trusted(f"../jurisdictions/{e['jurisdiction'].lower()}.html"), "name": jurisdiction.name,
            # under its heading "Not enough data to score", an unranked row gives the range alone
            "region": jurisdiction.un_region,
            "score": fmt.published_score(e) if e["scored"] else Trusted(f"range {e['score_min']:g}–{e['score_max']:g}"),
            "score_value": Trusted(f"{e['score']:g}" if e["scored"] else "-1"),
            "score_attribute": Trusted(f"{e['score']:g}" if e["scored"] else ""),
            "coverage": e["coverage"], "score_min": e["score_min"],
            "max_prison": fmt.years(maximum), "max_value": Trusted(_sort_years(maximum)),
            "serious": fmt.yes_no(e["serious_crime"]), "fine": fmt.usd(e["fine"]["max_usd"]),
            "fine_value": Trusted("-1" if e["fine"]["max_usd"] is None else f"{e['fine']['max_usd']:.0f}"),
        }

    def baselines_index(self) -> str:
        return ENV.get_template("baselines_index.md.j2").render(baselines=[
            {"link": Trusted(f"[{text(b.short_title)}]({b.id}.md)"), "binding": fmt.yes_no(b.binding),
             "domains": ", ".join(fmt.DOMAIN_TITLES[d] for d in b.domains), "count": len(b.requirements),
             "weight": sum(r.weight for r in b.requirements)}
            for b in self._baselines()])

    def baseline(self, baseline: Baseline) -> str:
        requirements = []
        for requirement in baseline.requirements:
            counts: Counter = Counter()
            per_domain = []
            for domain in baseline.domains:
                by_status: dict[str, list[str]] = defaultdict(list)
                for code in sorted(self.by_code, key=lambda c: self.kb.jurisdictions[c].name):
                    status = self._status(self.by_code[code][domain], requirement.id)
                    counts[status] += 1
                    row = f"../jurisdictions/{code.lower()}.html#{requirement_anchor(domain, requirement.id)}"
                    by_status[status].append(f'<a href="{row}">{html_text(self.kb.jurisdictions[code].name)}</a>')
                per_domain.append({"title": fmt.DOMAIN_TITLES[domain],
                                   **{k.replace("-", "_"): Trusted(", ".join(v) or "none") for k, v in
                                      ((s, by_status.get(s, [])) for s in ("met", "partial", "not-met"))}})
            requirements.append({"id": Trusted(requirement.id), "article": requirement.article, "obligation": requirement.obligation,
                                 "weight": requirement.weight, "text": requirement.text,
                                 "counts": {s: counts.get(s, 0) for s in ("met", "partial", "not-met", "unknown")},
                                 "domains": per_domain})
        summary = html_table(
            ["Requirement", "Obligation, weight", "Met", "Partial", "Not met", "Unknown"],
            [[f'<a href="#{r["id"]}">{html_text(r["text"])}</a><br><small>{html_text(r["article"])} · {html_text(r["id"])}</small>',
              f'{html_text(r["obligation"])}, {r["weight"]}',
              *(str(r["counts"][s]) for s in ("met", "partial", "not-met", "unknown"))] for r in requirements],
            label=f"Requirements of {baseline.short_title}: how many jurisdictions meet each")
        summary = deferred(summary)
        return ENV.get_template("baseline.md.j2").render(
            short_title=baseline.short_title, title=baseline.title, binding=baseline.binding,
            text_link=Trusted(link("text of the instrument", baseline.url)), note="", requirements=requirements, summary=summary,
            counted=_counted(len(self.by_code), len(baseline.domains)),
            cite=self._cite(baseline.short_title, f"baselines/{baseline.id}.html"))

    def methodology(self) -> str:
        return ENV.get_template("methodology.md.j2").render(
            serious_years=f"{SERIOUS_CRIME_YEARS:g}", extradition_years=f"{EXTRADITION_YEARS:g}", max_rate_age=MAX_RATE_AGE_YEARS,
            threshold=f"{SCORE_COVERAGE_THRESHOLD:g}",
            review=self._review_summary(), sources=self._sources_summary(),
            baselines=[{"link": Trusted(f"[{text(b.title)}](baselines/{b.id}.md)"),
                        "requirements": [{"id": Trusted(r.id), "article": r.article, "obligation": r.obligation,
                                          "weight": r.weight, "rule": Trusted(_rule_text(r.rule))} for r in b.requirements]}
                       for b in self._baselines()])

    # -- parts ---------------------------------------------------------------------------------

    def _domain_section(self, e: dict[str, Any]) -> dict[str, Any]:
        penalty_rows = []
        for offence in e["offences"]:
            first_row = len(penalty_rows)
            title = ("<strong>core</strong> " if offence["core"] else "") + html_text(offence["title"])
            forms = [("basic offence", offence["penalty_history"])]
            forms += [(_tier_label(tier), tier["penalty_history"]) for tier in offence["aggravated_tiers"]]
            for form, versions in forms:
                for version in versions:
                    penalty_rows.append([
                        f"{title}<br><small>{html_text(form)}</small>",
                        html_text(version["effective"] or "date not sourced") + folded_note(version.get("note")),
                        ("repealed" if version["repealed"] else html_text(_prison_text(version))) + folded_note(version.get("penalty_note")),
                        "—" if version["repealed"] or "uplift" in version else html_text(fmt.fine(version.get("fine"))),
                        html_cite(version["source"]), verification_badge(version["source"]["verification"]),
                    ])
            if len(penalty_rows) == first_row:  # no penalty recorded: the offence is still listed (and linkable)
                penalty_rows.append([f"{title}<br><small>basic offence</small>", "—", "not recorded", "not recorded",
                                     html_cite(offence["source"]), verification_badge(offence["source"]["verification"])])
            penalty_rows[first_row][0] = _anchored(offence_anchor(e["domain"], offence["id"]), penalty_rows[first_row][0])
            penalty_rows[first_row][0] += folded_note(offence.get("note"))
        context = self._verdict_context(e)
        requirement_rows = []
        for r in e["requirements"]:
            status, requirement, facts = verdict_row(r, context)
            requirement_rows.append([status, _anchored(requirement_anchor(e["domain"], r["id"]), requirement), facts])
        by_weight = sorted(e["requirements"], key=lambda r: (-r["weight"], r["id"]))
        recommendations = [{"label": Trusted(f"{text(requirement_title(r['id'], context))} ({text(r['article'])})"),
                            "text": r["recommendation"]} for r in by_weight if r["recommendation"]]
        facts_anchor = f"{e['domain']}-facts-needed"
        facts_needed = self._facts_needed(e)
        to_confirm = [f'<li><a href="#{requirement_anchor(e["domain"], r["id"])}">{text(requirement_title(r["id"], context))}</a> '
                      f'({text(r["article"])}): {_unknown_facts_text(r)}</li>\n'
                      for r in by_weight if r["status"] != "met" and unknown_share(r) > 0]
        fine = e["fine"]
        fine_text = {"converted": "", "unlimited": "unlimited", "none": "none", "unknown": "unknown",
                     "not-comparable": "not comparable across currencies or units"}[fine["status"]]
        amounts = "; ".join(f"{label} {fmt.usd(fine[key + '_usd'])} ({text(fine[key + '_detail'])})"
                            for label, key in (("at least", "min"), ("up to", "max")) if fine[key + "_usd"] is not None)
        core = e["core_offence"]
        return {
            "title": fmt.DOMAIN_TITLES[e["domain"]], "score": fmt.score(e["score"]), "scored": e["scored"], "coverage": e["coverage"],
            "threshold": f"{e['score_threshold']:g}", "scope_note": e["scope_note"],
            "score_min": e["score_min"], "score_max": e["score_max"], "max_prison": _maximum_text(e),
            "serious": fmt.yes_no(e["serious_crime"]), "gap": fmt.years(e["penalty_gap_years"]) if e["penalty_gap_years"] else
            Trusted("none" if e["penalty_gap_years"] == 0 else "unknown"),
            "core": Trusted(f"{text(core['title'])} — {markdown_cite(core['source'])}") if core else None,
            "aggravated": Trusted(_aggravated_text(e)),
            "death_penalty": bool(e["death_penalty"]),
            "fine": Trusted(amounts or fine_text),
            "review": Trusted(_review_history_text(e["review"], e["earlier_reviews"]) if e["file"] else "no data file yet"),
            "review_status": Trusted(_review_text(e["review"], with_note=False)), "file_exists": bool(e["file"]),
            "penalties": deferred(html_table(["Offence", "From", "Prison", "Fine", "Source", "Verification"], penalty_rows,
                                             label=f"Penalties and amendments, {fmt.DOMAIN_TITLES[e['domain']].lower()}")) if penalty_rows else None,
            "history": [_history_point(h) for h in e.get("history", [])],
            "requirements": deferred(html_table(VERDICT_COLUMNS, requirement_rows,
                                                label=f"Requirements, {fmt.DOMAIN_TITLES[e['domain']].lower()}", searchable=False)),
            "recommendations": recommendations,
            # the same HTML as a Markdown list; out of the search index (the standards' texts, repeated per entry)
            "to_confirm": deferred(f"<ul>\n{''.join(to_confirm)}</ul>") if to_confirm else None,
            "to_confirm_link": Trusted(f"[the facts we still need](#{facts_anchor})" if facts_needed else
                                       "`lawgap unknowns` ranks the facts we still need"),
            "verification": Trusted(", ".join(f"{n} {k}" for k, n in e["verification"].items() if n) or "none"),
            "file": Trusted(f"`{e['file']}`") if e["file"] else Trusted("no data file yet"),
            "edit": Trusted(link("edit this data", f"{self.edit_url}/{e['file']}") if self.edit_url and e["file"] else ""),
            "domain": Trusted(e["domain"]), "code": Trusted(e["jurisdiction"]),
            "facts_needed": facts_needed, "facts_anchor": Trusted(facts_anchor),
        }

    def _verdict_context(self, e: dict[str, Any]) -> VerdictContext:
        requirements = {r.id: r for b in self.kb.baselines.values() for r in b.requirements}
        return VerdictContext(requirements, {b.id: b.short_title for b in self.kb.baselines.values()},
                              self.kb.vocabulary[e["domain"]], {o["id"]: o["title"] for o in e["offences"]}, e["domain"])

    def _review_summary(self) -> dict[str, Any]:
        """The overall agreement rate over the files' double-coding and spot-check records, for the methodology page."""
        reviews = [r for e in self.results for r in [*e["earlier_reviews"], e["review"]] if r]
        records, compared, divergences = overall_agreement(reviews)
        methods = Counter(r["method"] for r in reviews)
        return {
            "target": f"{100 * TARGET_DIVERGENCE:g}", "spot_check": f"{100 * SPOT_CHECK_SHARE:g}",
            "files": sum(1 for e in self.results if e["file"]), "records": records, "compared": compared, "divergences": divergences,
            "agreement": f"{100 * (1 - divergences / compared):.1f}" if compared else None,
            "methods": ", ".join(f"{n} {method}" for method, n in sorted(methods.items())) or "none",
        }

    def _sources_summary(self) -> dict[str, Any]:
        """The citations by verification level and host class (lawgap sources), for the methodology page."""
        report = source_summary(list(citations(self.kb, sorted(self.kb.jurisdictions))))
        rows = [{"label": row[""], "counts": [f"{row[h]:,}" for h in report["host_classes"]], "total": f"{row['total']:,}"}
                for row in summary_rows(report["by_verification"]) if row["total"]]
        total = report["citations"]
        official = sum(report["by_verification"][v]["official"] for v in report["by_verification"])
        return {"total": f"{total:,}" if total else None, "jurisdictions": report["jurisdictions"], "rows": rows,
                "official_share": f"{100 * official / total:.0f}" if total else None,
                "host_classes": [h.replace("-", " ") for h in report["host_classes"]]}

    def _facts_needed(self, e: dict[str, Any]) -> Trusted | None:
        """The unknown facts that would narrow this score range most, each linked to its codebook question and its file."""
        key = (e["jurisdiction"], e["domain"])
        facts = (self.facts_needed[key] if self.facts_needed is not None
                 else unknown_facts(self.kb, *key, datetime.date.fromisoformat(self.as_of)))[:FACTS_NEEDED]
        rows = []
        requirements = {r.id: r for b in self.kb.baselines.values() for r in b.requirements}
        short_titles = {b.id: b.short_title for b in self.kb.baselines.values()}
        for fact in facts:
            # the fact in plain words, with where the coder records it
            shown = (f"{html_text(fact_label(self.kb.vocabulary[fact.domain], fact.fact))}"
                     f"<br><small><code>{html_text(fact.fact)}</code></small>")
            decides = [f"{short_titles[requirements[r].baseline]} {requirements[r].article}" if r in requirements else r
                       for r in fact.requirements]
            narrowing = f"up to {fact.narrowing:g} points" if fact.narrowing else "none"
            if fact.narrowing_at_least != fact.narrowing:
                narrowing += f" (at least {fact.narrowing_at_least:g})"
            rows.append([
                f'<a href="{html_text(question_link(fact.domain, fact.fact))}">{shown}</a>' if fact.requirements else shown,
                html_text("; ".join(decides)) or "—", html_text(narrowing),
                html_text(", ".join(fact.dual_criminality)) or "—",
                html_link("edit", f"{self.edit_url}/{fact.file}") if self.edit_url and fact.file else "—",
            ])
        headers = ["Fact", "Decides", "Narrows the score range", "Settles dual criminality of", "File"]
        label = f"Facts we still need, {fmt.DOMAIN_TITLES[e['domain']].lower()}"
        return deferred(html_table(headers, rows, label=label, searchable=False)) if rows else None

    def _row(self, e: dict[str, Any], prefix: str) -> dict[str, Any]:
        name = self.kb.jurisdictions[e["jurisdiction"]].name
        return {"link": Trusted(f"[{text(name)}]({prefix}{e['jurisdiction'].lower()}.md)"), "domain": fmt.DOMAIN_TITLES[e["domain"]]}

    def _cite(self, title: str, path: str) -> dict[str, Any]:
        """What the "Cite this page" block needs: the page's title, its path from the site's root (lawgap.js
        shows the full address and the reader's access date), and the date of the data."""
        return {"title": title, "path": Trusted(path), "file": Trusted(path.rsplit("/", 1)[-1]), "as_of": self.as_of,
                "version": self.kb.data_version or "not dated"}

    def _entries(self, domain: str) -> list[dict[str, Any]]:
        return [self.by_code[code][domain] for code in sorted(self.by_code)]

    def _baselines(self) -> list[Baseline]:
        return sorted(self.kb.baselines.values(), key=lambda b: b.id)

    def _status(self, entry: dict[str, Any], requirement_id: str) -> str:
        return next(r["status"] for r in entry["requirements"] if r["id"] == requirement_id)


def summary_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A results entry without what only its jurisdiction's page shows (the evidence of each requirement, the
    offences and their penalties: three quarters of an entry), which every other page can do without."""
    return {**{k: v for k, v in entry.items() if k not in ("offences", "aggravated_tiers")},
            "requirements": [{k: v for k, v in r.items() if k != "evidence"} for r in entry["requirements"]]}


def _counted(jurisdictions: int, domains: int) -> str:
    """What a standard's status counts are counts of: jurisdictions, or jurisdiction × domain entries when
    the standard applies to several domains (UNTOC counts each jurisdiction once per domain)."""
    if domains == 1:
        return f"Jurisdictions in each status (of {jurisdictions})"
    return (f"Entries in each status — one per jurisdiction and domain ({jurisdictions} jurisdictions × {domains} domains "
            f"= {jurisdictions * domains} entries)")


def _unmet_weight(entry: dict[str, Any]) -> float:
    return round(sum(r["weight"] * r["unmet"] for r in entry["requirements"]), 1)


def _anchored(anchor: str, cell: str) -> str:
    """A table cell's content with a stable anchor (see anchors.py) that links can point at."""
    return f'<span class="lawgap-anchor" id="{anchor}">{cell}</span>'


def _sort_years(value: Any) -> str:
    return "-1" if value is None else "1000" if value == "life" else f"{value:g}"


def _maximum_text(entry: dict[str, Any]) -> Trusted:
    """The core offence's basic maximum; where only a minimum is stated, that floor."""
    if entry["max_prison_years"] is None and entry["min_prison_years"]:
        return Trusted(f"at least {fmt.years(entry['min_prison_years'])}")
    return fmt.years(entry["max_prison_years"])


def _history_point(point: dict[str, Any]) -> dict[str, Any]:
    """A point of the score history; a date that is only the day a source was read says so."""
    when = (f"from {point['date']} (the day an undated source was read: known from then, not changed then)"
            if point["date_basis"] == "read" else point["date"])
    score = fmt.score(point["score"]) if point["scored"] else Trusted(fmt.NOT_ENOUGH_DATA)
    return {"when": Trusted(when), "score": score, "coverage": point["coverage"]}


def _unknown_facts_text(requirement: dict[str, Any]) -> str:
    unknown = sum(1 for item in requirement["evidence"] if item["verdict"] == "unknown")
    return f"{unknown} fact{'s' if unknown != 1 else ''} not known" if unknown else "facts not known"


def _tier_label(tier: dict[str, Any]) -> str:
    """The label 'aggravated: child victim, several victims' (plain text; `other` shows the recorded circumstance)."""
    names = [f"other ({tier['circumstance_note']})" if c == "other" and tier["circumstance_note"] else c.replace("-", " ")
             for c in tier["circumstances"]]
    return "aggravated: " + ", ".join(names)


def _prison_text(version: dict[str, Any]) -> str:
    """A version's prison term as recorded; an uplift as the raise the law states (worked out in the summary)."""
    uplift = version.get("uplift")
    if uplift is None:
        return fmt.prison(version.get("prison"))
    raises = [f"{limit} by {uplift[key]}" for limit, key in (("maximum", "max_by"), ("minimum", "min_by")) if uplift[key]]
    return "basic penalty raised: " + ", ".join(raises)


def _aggravated_text(entry: dict[str, Any]) -> str:
    """The highest aggravated maximum of the core offence, with the tier(s) reaching it and their sources (Markdown)."""
    maximum = entry["max_prison_years_aggravated"]
    if maximum is None:
        return "unknown" if entry["aggravated_tiers"] else "no aggravated form recorded"
    reaching = [t for t in entry["aggravated_tiers"] if t["max_prison_years"] == maximum]
    tiers = "; ".join(f"{text(_tier_label(t))} — {markdown_cite(t['source'])}" for t in reaching)
    return f"{fmt.years(maximum)} ({tiers})"


def _review_text(review: dict[str, Any] | None, with_note: bool = True) -> str:
    """A file's review record in words (Markdown; the note is contributor text, escaped)."""
    if review is None:
        return "no review record yet"
    if review["method"] == "single":
        shown = f"single coding, {review['date']}: not yet compared with a second coding"
    else:
        compared, divergences = review["facts_compared"], review["divergences"]
        rate = f" ({100 * divergences / compared:.1f} %)" if compared else ""
        shown = (f"{'double coding' if review['method'] == 'double' else 'spot check'}, {review['date']}: {compared} facts compared, "
                 f"{divergences} divergence{'s' if divergences != 1 else ''}{rate}, {review['resolved']} resolved")
    return shown + (f" — {text(review['note'])}" if review["note"] and with_note else "")


def _review_history_text(review: dict[str, Any] | None, earlier: list[dict[str, Any]]) -> str:
    """The newest review record in words (with its note), then the earlier ones, newest first, in brief (their notes
    are in the data file and results.json: a page that repeated them all would bury the newest)."""
    if not earlier:
        return _review_text(review)
    return (_review_text(review) + " Earlier: "
            + "; ".join(_review_text(r, with_note=False) for r in reversed(earlier)) + ".")


def _rule_text(rule: dict[str, Any]) -> str:
    """A rule in words, for the methodology page (vocabulary terms are schema-checked identifiers)."""
    if "all" in rule:
        return "all of (" + "; ".join(_rule_text(r) for r in rule["all"]) + ")"
    if "any" in rule:
        return "any of (" + "; ".join(_rule_text(r) for r in rule["any"]) + ")"
    if "measure" in rule:
        return f"measure `{rule['measure']}`"
    if "offence" in rule:
        spec = rule["offence"]
        wanted = "" if spec.get("equals", True) else " = false"
        return f"offence `{spec['facet']}: {spec['term']}`{wanted}"
    return f"core maximum ≥ {rule['core_max_prison_at_least']:g} years"


def compare_data(kb: KnowledgeBase, results: list[dict[str, Any]], as_of: str) -> str:
    """The compact JSON the compare page reads in the browser."""
    domains: dict[str, Any] = {}
    texts = {r.id: r.text for b in kb.baselines.values() for r in b.requirements}
    for domain in DOMAINS:
        entries = {e["jurisdiction"]: e for e in results if e["domain"] == domain}
        some = next(iter(entries.values()))
        domains[domain] = {
            "title": fmt.DOMAIN_TITLES[domain],
            "conducts": list(some["conduct"]),
            "requirements": [{"id": r["id"], "baseline": r["baseline"], "article": r["article"], "title": texts.get(r["id"], r["id"])}
                             for r in some["requirements"]],
            "entries": {code: {
                "score": e["score"], "scored": e["scored"], "score_min": e["score_min"], "score_max": e["score_max"],
                "coverage": e["coverage"], "max_prison_years": e["max_prison_years"], "min_prison_years": e["min_prison_years"],
                "serious_crime": e["serious_crime"], "penalty_gap_years": e["penalty_gap_years"],
                "conduct": {t: [c["criminal"], c["max_prison_years"], c["min_prison_years"], c["extraditable"]] for t, c in e["conduct"].items()},
                "requirements": [r["status"] for r in e["requirements"]],
            } for code, e in sorted(entries.items())},
        }
    jurisdictions = {code: {"name": j.name, "region": j.un_region} for code, j in sorted(kb.jurisdictions.items())}
    return json.dumps({"as_of": as_of, "jurisdictions": jurisdictions, "domains": domains, "domain_order": list(DOMAINS),
                       "extradition": extradition_data(kb, datetime.date.fromisoformat(as_of))},  # pairs: in the browser
                      ensure_ascii=False, sort_keys=True)
