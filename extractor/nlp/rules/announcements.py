"""Event rules. Shareholder and status announcements: pledges, freezes, shareholding changes, listing
status, legal cases, bankruptcy and stock splits.
"""

from __future__ import annotations

from .base import Rule

RULES: tuple[Rule, ...] = (

)
