"""The downloads page: every file of data/ (as render.datapackage names them), the static JSON API, the
licences, how to cite (from CITATION.cff, with the data version), the schemas, and the schema.org
Dataset description that search engines read (JSON-LD)."""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment

from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import CITATION_FILE, CODE_LICENCE, DATA_LICENCE, Citation
from lawgap.render.datapackage import DOWNLOADS
from lawgap.render.open_data import DATA_PACKAGE
from lawgap.render.site.escape import Trusted
from lawgap.render.static_api import API_FOLDER, API_INDEX

DATA_FOLDER = "data"
SITE_DOWNLOADS = [d for d in DOWNLOADS if not d.name.startswith("pairs")]  # pairs: `lawgap export --pairs` only
METADATA_FILES = (
    (DATA_PACKAGE, "application/json", "Frictionless Data Package (v2) describing the other files: field types, units "
                                       "and descriptions, the licence, unknown declared as a missing value, each file's "
                                       "size and SHA-256."),
    (CITATION_FILE, "application/x-yaml", "The citation (Citation File Format 1.2.0) with this data version, for "
                                          "reference managers."),
)


def downloads_page(env: Environment, kb: KnowledgeBase, as_of: str, schema_titles: dict[str, str],
                   citation: Citation | None, site_url: str | None) -> str:
    """The page, rendered with the site's template environment (pages.ENV: every value escaped)."""
    version = kb.data_version
    files = [{"path": Trusted(d.path), "description": d.description} for d in SITE_DOWNLOADS]
    files += [{"path": Trusted(path), "description": description} for path, _, description in METADATA_FILES
              if citation is not None or path != CITATION_FILE]
    example = next(iter(sorted(kb.laws)), None)
    return env.get_template("downloads.md.j2").render(
        as_of=as_of, version=version or "not dated", files=files,
        data_licence=_trusted(DATA_LICENCE), code_licence=_trusted(CODE_LICENCE),
        api_folder=Trusted(f"{DATA_FOLDER}/{API_FOLDER}"), api_index=Trusted(f"{DATA_FOLDER}/{API_INDEX}"),
        api_example=Trusted(f"{DATA_FOLDER}/{API_FOLDER}/{example[0].lower()}/{example[1]}.json") if example else None,
        reference=citation.reference(version) if citation else None,
        bibtex=Trusted(_pre(citation.bibtex(version))) if citation else None,
        citation_file=Trusted(f"{DATA_FOLDER}/{CITATION_FILE}"),
        schemas=[{"name": Trusted(f"{name}.schema.json"), "title": title} for name, title in sorted(schema_titles.items())],
        json_ld=Trusted(_script(dataset_json_ld(kb, citation, site_url))),
    )


def dataset_json_ld(kb: KnowledgeBase, citation: Citation | None, site_url: str | None) -> dict[str, Any]:
    """schema.org Dataset: name, description, licence, version and every download (contentUrl is absolute
    when mkdocs.yml sets site_url, else relative to the site)."""
    def address(path: str) -> str:
        relative = f"{DATA_FOLDER}/{path}"
        return urljoin(site_url, relative) if site_url else relative

    downloads = [(d.path, d.mediatype, d.description) for d in SITE_DOWNLOADS]
    downloads += [entry for entry in METADATA_FILES if citation is not None or entry[0] != CITATION_FILE]
    dataset: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": citation.title if citation else "lawgap",
        "description": citation.abstract if citation and citation.abstract else "lawgap's data and results.",
        "license": DATA_LICENCE["path"],
        "isAccessibleForFree": True,
        "creator": [{"@type": "Organization", "name": author} for author in (citation.authors if citation else ("lawgap",))],
        "keywords": list(citation.keywords) if citation else [],
        "distribution": [{"@type": "DataDownload", "name": path, "description": description, "encodingFormat": mediatype,
                          "contentUrl": address(path)} for path, mediatype, description in downloads],
    }
    if kb.data_version:
        dataset["version"] = kb.data_version
        dataset["dateModified"] = kb.data_version.replace(".", "-")
    if site_url:
        dataset["url"] = urljoin(site_url, "downloads.html")
    if citation and citation.url:
        dataset["sameAs"] = citation.url
    return dataset


def _script(data: dict[str, Any]) -> str:
    """JSON-LD in a script element: <, > and & escaped so no text can close the element or open a comment."""
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return ('<script type="application/ld+json">'
            + encoded.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "</script>")


def _trusted(licence: dict[str, str]) -> dict[str, Trusted]:
    """A licence's name, title and address: lawgap's own constants, inserted as they are."""
    return {key: Trusted(value) for key, value in licence.items()}


def _pre(text: str) -> str:
    """Preformatted text (line breaks and indentation kept), escaped."""
    return f'<pre class="lawgap-citation"><code>{html.escape(text, quote=True)}</code></pre>'
