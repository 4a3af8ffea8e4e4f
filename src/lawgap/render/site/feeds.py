"""Atom feeds (RFC 4287) of the change log: feed.xml for every logged change, feed-<cc>.xml for the
changes to one jurisdiction's data and results. Editorial-only entries are left out (they move nothing).

Written with the standard library's ElementTree. Deterministic: ids are tag: URIs (RFC 4151) made from
the logged commit, an entry's updated date is its commit's date and a feed's the newest entry's, never
the build clock, so two builds of the same data give the same bytes. Links are relative to the feed's
own address (RFC 4287 allows IRI references; readers resolve them against the feed) unless the site's
URL is configured (site_url in mkdocs.yml), then absolute. An entry links to its permanent address on
the change log's archive (changes.Logged.address), which never moves; in a jurisdiction's feed, also
to the jurisdiction's page (rel="related").
"""

from __future__ import annotations

import datetime
import html
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from lawgap.model.types import KnowledgeBase
from lawgap.render.site import formatting as fmt
from lawgap.render.site.changes import (
    KIND_NAMES,
    PAGE,
    SITE_FEED,
    SUBSTANTIVE,
    Relevant,
    jurisdiction_feed,
    move_text,
    newest_first,
    relevant,
    tally,
)

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:lawgap.org,2026:changelog"  # lawgap's tag: authority; never change it, or every reader sees every entry anew
MAX_ENTRIES = 100  # the newest; the change log's archive keeps them all
MAX_ITEMS = 40  # changes listed in one entry's content
PLACES_IN_TITLE = 3

ET.register_namespace("", ATOM)


def feed_files(kb: KnowledgeBase, day: datetime.date, site_url: str | None = None) -> dict[str, str]:
    """Every feed of the site, by its path in the site."""
    files = {SITE_FEED: site_feed(kb, day, site_url)}
    for code in sorted(kb.jurisdictions):
        files[jurisdiction_feed(code)] = jurisdiction_atom(kb, code, day, site_url)
    return files


def site_feed(kb: KnowledgeBase, day: datetime.date, site_url: str | None = None) -> str:
    page = PAGE.removesuffix(".md") + ".html"
    entries = [relevant(logged) for logged in newest_first(kb.change_log)]
    return _feed(kb, entries, day, feed_id=TAG, title="lawgap: changes to the data",
                 subtitle="Law changes, corrections and additions to lawgap's data on national laws against wildlife, "
                          "human and organ trafficking, with the scores they moved.",
                 feed_path=SITE_FEED, page_href=_href(site_url, SITE_FEED, page),
                 entry_id=lambda e: f"{TAG}/{e.commit}", site_url=site_url)


def jurisdiction_atom(kb: KnowledgeBase, code: str, day: datetime.date, site_url: str | None = None) -> str:
    path, name = jurisdiction_feed(code), kb.jurisdictions[code].name
    page = _href(site_url, path, f"jurisdictions/{code.lower()}.html")
    return _feed(kb, [relevant(logged, code) for logged in newest_first(kb.change_log)], day,
                 feed_id=f"{TAG}/{code.lower()}", title=f"lawgap: changes to the data on {name}",
                 subtitle=f"Law changes, corrections and additions to lawgap's data on {name}, with the scores they moved.",
                 feed_path=path, page_href=page,
                 entry_id=lambda e: f"{TAG}/{e.commit}/{code.lower()}", site_url=site_url, code=code)


def _feed(kb: KnowledgeBase, candidates: list[Relevant], day: datetime.date, *, feed_id: str, title: str, subtitle: str,
          feed_path: str, page_href: str, entry_id, site_url: str | None, code: str | None = None) -> str:
    """The feed at `feed_path` in the site (its links are relative to it unless site_url is given)."""
    shown = [r for r in candidates if r.substantive and r.entry.commit and r.entry.date][:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", feed_id)
    _add(feed, "title", title)
    _add(feed, "subtitle", subtitle)
    _add(feed, "updated", _stamp(_last_change(kb, shown, day)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=_href(site_url, feed_path, feed_path))
    _add(feed, "link", rel="alternate", type="text/html", href=page_href)
    author = _add(feed, "author")
    _add(author, "name", "lawgap")
    _add(feed, "generator", "lawgap")
    for r in shown:
        entry = _add(feed, "entry")
        _add(entry, "id", entry_id(r.entry))
        _add(entry, "title", _title(kb, r))
        _add(entry, "updated", _stamp(r.entry.date))
        _add(entry, "link", rel="alternate", type="text/html", href=_href(site_url, feed_path, r.logged.address(".html")))
        if code:  # what the entry changed, as the jurisdiction's page shows it now
            _add(entry, "link", rel="related", type="text/html", href=page_href)
        _add(entry, "summary", f"{r.entry.message} ({tally(r.changes)})" if r.changes else r.entry.message, type="text")
        _add(entry, "content", _content(kb, r, code), type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _add(parent: ET.Element, tag: str, content: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = content
    return element


def _title(kb: KnowledgeBase, r: Relevant) -> str:
    """'2 law changes, 1 correction: Kenya, Tanzania' (editorial changes are not counted in feeds)."""
    counted = tally(c for c in r.changes if c.kind in SUBSTANTIVE) if any(c.kind in SUBSTANTIVE for c in r.changes) else "results moved"
    codes = sorted({c.jurisdiction for c in r.changes if c.jurisdiction} | {m.jurisdiction for m in r.moves})
    places = [kb.jurisdictions[c].name if c in kb.jurisdictions else c for c in codes]
    if not places:
        return counted
    more = f" and {len(places) - PLACES_IN_TITLE} more" if len(places) > PLACES_IN_TITLE else ""
    return f"{counted}: {', '.join(places[:PLACES_IN_TITLE])}{more}"


def _content(kb: KnowledgeBase, r: Relevant, code: str | None) -> str:
    """The entry's changes and score moves as HTML (every value escaped); a jurisdiction's feed (code)
    does not repeat its name."""
    listed = [c for c in r.changes if c.kind in SUBSTANTIVE]
    parts = [f"<p>{html.escape(r.entry.message)}</p>"]
    if listed:
        items = []
        for c in listed[:MAX_ITEMS]:
            where = ", ".join(filter(None, ("" if code else _name(kb, c.jurisdiction), fmt.DOMAIN_TITLES.get(c.domain or "", ""))))
            law_date = f" (law date {c.law_date.isoformat()})" if c.law_date else ""
            items.append(f"<li>{html.escape(KIND_NAMES[c.kind][0].capitalize())}: "
                         f"{html.escape(where + ': ' if where else '')}{html.escape(c.item)}{law_date}</li>")
        if len(listed) > MAX_ITEMS:
            items.append(f"<li>and {len(listed) - MAX_ITEMS} more</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    if r.moves:
        moves = "".join(f"<li>{html.escape(', '.join(filter(None, ('' if code else _name(kb, m.jurisdiction), fmt.DOMAIN_TITLES[m.domain]))))}: "
                        f"{html.escape(move_text(m))}</li>" for m in r.moves[:MAX_ITEMS])
        parts.append(f"<p>Score moves:</p><ul>{moves}</ul>")
    return "".join(parts)


def _name(kb: KnowledgeBase, code: str | None) -> str:
    if code is None:
        return ""
    return kb.jurisdictions[code].name if code in kb.jurisdictions else code


def _last_change(kb: KnowledgeBase, shown: list[Relevant], day: datetime.date) -> datetime.datetime:
    """The feed's updated date: its newest entry's, else the newest logged change's, else the assessment date."""
    dates = [r.entry.date for r in shown] or [e.date for e in kb.change_log if e.date]
    return max(dates) if dates else datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.timezone.utc)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _href(site_url: str | None, feed_path: str, target: str) -> str:
    """`target` (a site path) as the feed at `feed_path` links to it: absolute under site_url, else relative."""
    if site_url:
        return urljoin(site_url.rstrip("/") + "/", target)
    depth = feed_path.count("/")
    return "../" * depth + target
