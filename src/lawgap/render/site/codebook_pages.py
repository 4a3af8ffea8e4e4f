"""The codebook on the site: the general rules on codebook/index.md and one page per domain.

The Markdown is the codebook's own (contribute.codebook), with every text from the schemas and
baselines escaped like contributor text; fact paths and vocabulary terms are identifiers.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify

from lawgap.contribute.codebook import DOMAIN_TITLES, EXTRADITION_TITLE, Codebook, codebook_markdown
from lawgap.load.layout import DOMAINS
from lawgap.render.site.escape import front_matter, text

FOLDER = "codebook"
EXTRADITION_PAGE = "extradition"  # jurisdiction.yaml's extradition questions


def codebook_pages(codebook: Codebook) -> dict[str, str]:
    links = [f"- [{DOMAIN_TITLES[d]}]({d}.md)" for d in DOMAINS] + [f"- [{EXTRADITION_TITLE}]({EXTRADITION_PAGE}.md)"]
    pages = {f"{FOLDER}/index.md": _page("Codebook", codebook_markdown(codebook, domains=(), escape=text, extradition=False) + "\n"
                                         + "\n".join(links) + "\n")}
    for domain in DOMAINS:
        body = codebook_markdown(codebook, domains=(domain,), escape=text, general=False, extradition=False)
        pages[f"{FOLDER}/{domain}.md"] = _page(f"Codebook: {DOMAIN_TITLES[domain]}", "[General rules](index.md)\n\n" + body)
    body = codebook_markdown(codebook, domains=(), escape=text, general=False)
    pages[f"{FOLDER}/{EXTRADITION_PAGE}.md"] = _page(f"Codebook: {EXTRADITION_TITLE}", "[General rules](index.md)\n\n" + body)
    return pages


def question_link(domain: str, fact: str, prefix: str = "../") -> str:
    """The address of a question on its domain page: MkDocs ids a heading with Python-Markdown's toc slug
    of its text, and the question's heading is its fact path."""
    return f"{prefix}{FOLDER}/{domain}.html#{slugify(fact, '-')}"


def _page(title: str, body: str) -> str:
    return f"---\ntitle: {front_matter(title)}\n---\n\n{body}"
