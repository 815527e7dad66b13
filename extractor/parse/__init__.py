"""Parsers: bytes in, text out. They never fetch; see ``extractor.inputs`` for reading files."""
