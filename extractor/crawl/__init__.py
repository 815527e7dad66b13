"""Collecting documents from sources: feeds, news pages, SEC EDGAR and Chinese exchanges."""
