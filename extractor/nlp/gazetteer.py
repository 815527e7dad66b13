"""Gazetteer matching: companies, organisations, commodities, indices, roles, policies, places.

Names are matched as token sequences (Latin words lower-cased, each Chinese character a token), so
"Co. Ltd" matches "Co.,Ltd" and a non-breaking hyphen matches a hyphen, while offsets stay those of
the original text. The longest match wins. Each alias carries a case policy: acronyms match exactly;
names must be capitalised in the text; a one-word company name that the lists shortened ("Apple"
from "Apple Inc.") is linked only when the statistical model also sees an organisation there.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Errors, ModelError
from .spans import Entity

_TOKEN = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+|&|[\u3400-\u9fff\uf900-\ufaff]")
_GAP = re.compile(r"[\s,.()\-\u2010-\u2015'’/]{0,4}")
# Lexicon files and the label their rows get; the other columns become normalised values.
LEXICONS = {"organizations.csv": "ORG", "commodities.csv": "COMMODITY", "indices.csv": "INDEX",
            "roles.csv": "ROLE", "policies.csv": "POLICY", "places.csv": "GPE"}
_EXACT, _CAPITALISED, _ANY = "exact", "capitalised", "any"
_DOTTED = frozenset({"inc", "ltd", "corp", "co", "plc"})
_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "de", "du", "la", "le", "in", "on", "at", "to"})


def _nfkc(token: str) -> str:
    return token if token.isascii() else unicodedata.normalize("NFKC", token)


def _key(token: str) -> str:
    return _nfkc(token).lower()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text)]


class Alias(NamedTuple):
    tokens: tuple[str, ...]
    cased: tuple[str, ...]  # the tokens as written, for aliases matched in exact case
    label: str
    entry: str  # company id or lexicon canonical name
    case: str
    needs_support: bool = False


def _latin(alias: str) -> bool:
    return not re.search(r"[\u3400-\u9fff]", alias)


def _case_policy(alias: str) -> str:
    words = alias.split()
    if len(words) == 1 and alias.isupper() and len(alias) <= 6 and _latin(alias):
        return _EXACT
    if alias[:1].isupper() and _latin(alias):
        return _CAPITALISED
    return _ANY


class Gazetteer:
    """Aliases indexed by their first token, longest first; entries by id."""

    def __init__(self) -> None:
        self._aliases: dict[tuple[str, ...], list[Alias]] = defaultdict(list)
        self._lengths: dict[str, list[int]] = defaultdict(list)  # first token -> alias lengths
        self._seen: set[tuple[tuple[str, ...], str, str]] = set()
        self.entries: dict[str, dict[str, Any]] = {}
        self.ranked: list[dict[str, Any]] = []  # listed companies in order of preference, A-shares first
        self.version = ""  # a hash of the files it was loaded from

    def companies(self) -> list[dict[str, Any]]:
        return [entry for entry in self.entries.values() if "ticker" in entry]

    def add(self, alias: str, label: str, entry: str, *, case: str | None = None,
            needs_support: bool = False) -> None:
        cased = tuple(_nfkc(m.group()) for m in _TOKEN.finditer(alias))
        tokens = tuple(token.lower() for token in cased)
        # An alias belongs to the first entry that claims it, except a short name that needs support:
        # "Apple" stays a candidate for every company it shortens, and the document decides.
        key = (tokens, label, entry if needs_support else "")
        if not tokens or key in self._seen or (tokens, label, "") in self._seen:
            return
        self._seen.add(key)
        self._aliases[tokens].append(Alias(tokens, cased, label, entry, case or _case_policy(alias),
                                           needs_support))
        if len(tokens) not in self._lengths[tokens[0]]:
            self._lengths[tokens[0]].append(len(tokens))

    @cached_property
    def listings(self) -> dict[str, tuple[str, ...]]:
        """Company id -> every listing of its issuer (built on first use, like ``names``)."""
        return _listings_of_issuers(self.ranked)

    @cached_property
    def names(self) -> dict[str, str]:
        """A company's English name without legal suffix (``name_key``) -> its id."""
        names: dict[str, str] = {}
        for company in self.ranked:
            for name in company["aliases_en"]:
                if len(name.split()) > 1:
                    names.setdefault(name_key(name), company["id"])
        return names

    def finish(self) -> Gazetteer:
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)
        return self

    def _accepts(self, alias: Alias, text: str, window: list[tuple[int, int, str]]) -> bool:
        """Whether the text's casing and surroundings fit the alias (support aside)."""
        end = window[-1][1]
        if alias.case == _EXACT and alias.cased != tuple(_nfkc(text[s:e]) for s, e, _ in window):
            return False
        # every capitalised word of the alias capitalised in the text: "U.S. gold futures" is no U.S. Gold Corp
        if alias.case == _CAPITALISED and not all(
                text[s:s + 1].isupper() or text[s:s + 1].isdigit()
                for (s, _, _), word in zip(window, alias.cased, strict=True)
                if word[:1].isupper() and word.lower() not in _FUNCTION_WORDS):
            return False
        # 董事 in 董事会 (the board) or 监事 in 监事会 is no role
        return not (alias.label == "ROLE" and text[end:end + 1] == "会")

    def find(self, text: str, *, support: Iterable[tuple[int, int]] = (),
             confirmed: Iterable[str] = (), chinese: bool = False) -> list[Entity]:
        """Entities for the longest alias matches.

        A one-word name shortened from a longer one ("AbbVie" from "AbbVie Inc.") counts where the
        model sees an organisation there (``support``: its ORG spans), or where the document names
        the same company unambiguously elsewhere: by a full name, or by a ticker (``confirmed``).
        ``chinese``: whether the text has Chinese in it (the caller knows), for which listing such a
        name prefers.
        """
        tokens = tokenize(text)
        keys = [key for _, _, key in tokens]
        support = set(support)  # the model must see the very same span as an organisation
        confirmed = set(confirmed)
        found: list[tuple[Alias, int, int]] = []
        pending: list[tuple[Alias, int, int]] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(text, tokens, keys, i)
            if match is None:
                i += 1
                continue
            alias, n = match
            start, end = tokens[i][0], tokens[i + n - 1][1]
            last = alias.tokens[-1]
            if text[end:end + 1] == "." and ((len(last) == 1 and last.isalpha()) or last in _DOTTED):
                end += 1  # an abbreviation keeps its last dot: "U.S.", "Walmart Inc."
            if alias.needs_support:
                pending.append((alias, start, end))
            else:
                found.append((alias, start, end))
                confirmed.add(alias.entry)
            i += n
        for alias, start, end in pending:
            # the company the document names in full, among those the short name may stand for; else,
            # where the model sees a name there, the first of them (A-shares, then US, then Hong Kong; in
            # English text, the first that is no A-share: English news means Apple Inc more often than 爱普股份)
            options = [a for a in self._aliases[alias.tokens] if a.label == alias.label and a.needs_support]
            chosen = next((a for a in options if a.entry in confirmed), None)
            if chosen is None and (start, end) in support:
                chosen = alias if chinese else next((a for a in options if a.entry.split(":")[0] not in
                                                     _A_SHARE_EXCHANGES), alias)
            if chosen is not None:
                found.append((chosen, start, end))
        return [Entity(start, end, alias.label, text[start:end],
                       normalized_entry(self.entries[alias.entry], alias.label), priority=2)
                for alias, start, end in sorted(found, key=lambda m: m[1])]

    def _match_at(self, text: str, tokens: list[tuple[int, int, str]], keys: list[str],
                  i: int) -> tuple[Alias, int] | None:
        for n in self._lengths.get(keys[i], ()):
            if i + n > len(keys):
                continue
            candidates = self._aliases.get(tuple(keys[i:i + n]))
            if not candidates:
                continue
            window = tokens[i:i + n]
            if any(not _GAP.fullmatch(text, window[k][1], window[k + 1][0]) for k in range(n - 1)):
                continue
            for alias in candidates:
                if self._accepts(alias, text, window):
                    return alias, n
        return None


def normalized_entry(entry: dict[str, Any], label: str) -> dict[str, Any]:
    """What an entity's ``normalized`` says about the gazetteer entry it is linked to."""
    if label == "COMPANY":
        return {k: entry[k] for k in ("id", "name", "name_zh", "ticker", "exchange") if entry.get(k)}
    return {k: v for k, v in entry.items() if v and k not in ("en", "zh")}


def _read_lexicon(path: Path, label: str, gazetteer: Gazetteer) -> None:
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            entry_id = f"{label}:{row['canonical']}"
            gazetteer.entries[entry_id] = {"name": row["canonical"], **row}
            del gazetteer.entries[entry_id]["canonical"]
            for alias in [row["canonical"], *row.get("en", "").split("|"), *row.get("zh", "").split("|")]:
                alias = alias.strip()
                if alias:
                    gazetteer.add(alias, label, entry_id)


_A_SHARE_EXCHANGES = frozenset({"SSE", "SZSE", "BSE"})
_EXCHANGE_PRIORITY = {"SSE": 0, "SZSE": 0, "BSE": 1, "NYSE": 1, "NASDAQ": 1, "HKEX": 2}


def _read_companies(path: Path, gazetteer: Gazetteer, curated: set[tuple[str, str]],
                    user_file: Path | None) -> None:
    """Companies and their aliases. Where two companies share an alias, the first added keeps it:
    the user's file first, then curated aliases, A-shares, US main boards, Hong Kong, the rest."""
    with path.open(encoding="utf-8") as f:
        companies = [json.loads(line) for line in f]
    for company in companies:
        gazetteer.entries[company["id"]] = company
    if user_file is not None:
        _read_user_companies(user_file, gazetteer)
    for company_id, alias in sorted(curated):
        gazetteer.add(alias, "COMPANY", company_id)
    companies.sort(key=lambda c: (_EXCHANGE_PRIORITY.get(c["exchange"], 3), c["id"]))
    gazetteer.ranked = companies
    for company in companies:
        first_alias = company["aliases_en"][0] if company["aliases_en"] else None
        for alias in company["aliases_en"]:
            one_word = len(alias.split()) == 1
            gazetteer.add(alias, "COMPANY", company["id"],
                          needs_support=one_word and alias != first_alias and not alias.isupper())
        for alias in company["aliases_zh"]:
            if len(alias) >= 3:
                gazetteer.add(alias, "COMPANY", company["id"])


_LEGAL_SUFFIX = re.compile(r"(?:\s+(?:company|co|limited|ltd|corporation|corp|incorporated|inc|plc))+$")


def name_key(name: str) -> str:
    """A company name compared without case, punctuation or legal suffix: "Nucor Corporation" and
    "NUCOR CORP" are both "nucor"."""
    key = _LEGAL_SUFFIX.sub("", re.sub(r"[^\w\s&]", " ", name.lower()).strip())
    return " ".join(key.split())


def _listings_of_issuers(companies: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Listings of one issuer on several exchanges (A and H shares, a US listing), matched by the
    English name without its legal suffix: "BYD Company Limited" (SZSE) and "Byd Company Limited"
    (HKEX). ``companies`` come in order of preference, A-shares first."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for company in companies:
        if company.get("name") and company.get("ticker"):
            groups[name_key(company["name"])].append(company)
    listings = {}
    for group in groups.values():
        if len({c["exchange"] for c in group}) == len(group) > 1:  # one listing per exchange, or no issuer
            ids = tuple(c["id"] for c in group)
            listings.update(dict.fromkeys(ids, ids))
    return listings


def _read_curated(path: Path) -> set[tuple[str, str]]:
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as f:
        return {(row["id"], row["alias"]) for row in csv.DictReader(line for line in f if not line.startswith("#"))}


def _read_user_companies(path: Path, gazetteer: Gazetteer) -> None:
    """The user's own file: aliases of known companies, and companies the lists lack."""
    try:
        with path.open(encoding="utf-8-sig") as f:  # spreadsheets save a byte-order mark
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    except FileNotFoundError:
        raise ModelError(Errors.E032.format(path=path, detail="no such file")) from None
    for number, row in enumerate(rows, start=2):
        row = {key: (value or "").strip() for key, value in row.items() if key}
        if not row.get("id") or not row.get("alias"):
            raise ModelError(Errors.E032.format(path=path, detail=f"line {number} has no id or no alias"))
        if row["id"] not in gazetteer.entries:
            gazetteer.entries[row["id"]] = {
                "id": row["id"], "name": row.get("name") or row["alias"], "ticker": row.get("ticker") or None,
                "exchange": row.get("exchange") or None, "aliases_en": [], "aliases_zh": [], "user": True}
        gazetteer.add(row["alias"], "COMPANY", row["id"])


@lru_cache(maxsize=4)
def load_gazetteer(models_dir: Path, companies_file: Path | None = None) -> Gazetteer:
    """The gazetteer of ``models_dir`` with the user's ``companies_file`` over it (its aliases win
    ties), loaded once per process (and per pair of paths)."""
    companies = models_dir / "companies.jsonl"
    if not companies.exists():
        raise ModelError(Errors.E031.format(path=models_dir, what="companies.jsonl"))
    gazetteer = Gazetteer()
    digest = hashlib.sha256()
    # the event-type model too: a new one is a new pipeline, and stored documents are redone
    sources = sorted(models_dir.glob("company*")) + sorted((models_dir / "lexicons").glob("*.csv")) + \
        sorted(models_dir.glob("event_types.json"))
    for path in sources + ([companies_file] if companies_file and companies_file.exists() else []):
        digest.update(path.name.encode() + path.read_bytes())
    gazetteer.version = digest.hexdigest()[:16]
    for name, label in LEXICONS.items():  # curated lexicons first: they win exact ties
        if (models_dir / "lexicons" / name).exists():
            _read_lexicon(models_dir / "lexicons" / name, label, gazetteer)
    _read_companies(companies, gazetteer, _read_curated(models_dir / "company_aliases.csv"), companies_file)
    return gazetteer.finish()
