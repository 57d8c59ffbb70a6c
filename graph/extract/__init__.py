"""Extraction: files → documents → passages → mentions → facts (ingest, symbols, mentions, relations, rules)."""
