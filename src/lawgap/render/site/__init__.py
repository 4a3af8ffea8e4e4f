"""The published site: Markdown pages, data and maps rendered from engine results, built by MkDocs."""
