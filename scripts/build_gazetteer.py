"""Build models/companies.jsonl, the company gazetteer, from the reference lists in ../shared/data.

    python scripts/build_gazetteer.py [--data ../shared/data] [--out models/companies.jsonl]

One JSON object per company: id (EXCHANGE:TICKER), names, ticker(s), exchange, identifiers and the
aliases that the tagger matches. Curated extra aliases come from models/company_aliases.csv. The
output is sorted and deterministic, so a rebuild from the same inputs gives the same bytes.
Sources and licences: models/NOTICE.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LEGAL = re.compile(
    r"(?:[\s,.]+(?:co\.?|company|corp\.?|corporation|inc\.?|incorporated|ltd\.?|limited|plc|llc|"
    r"l\.p\.|lp|n\.v\.|s\.a\.|ag|se|sa|nv|the))+[\s,.]*$|/[a-z]{2,3}/?$",
    re.I,
)
_DESCRIPTORS = re.compile(r"[\s,]+(?:group|holdings?|high-tech|hi-tech|technology|technologies|"
                          r"industrial|industries|international|shares|stock)\s*$", re.I)
_ZH_SUFFIX = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")
_ST_PREFIX = re.compile(r"^\*?ST\s*")
_ACRONYMS = {"Ag", "Nv", "Sa", "Se", "Llc", "Plc", "Usa", "Us"}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _title(name: str) -> str:
    """SEC names are often upper case: 'MICROSOFT CORP' -> 'Microsoft Corp'. In mixed names only
    the long upper-case words change ('Arrowhead PHARMACEUTICALS, INC.' -> '... Pharmaceuticals, Inc.');
    short ones may be acronyms."""
    mixed = name != name.upper()
    words = []
    for word in name.split():
        core = word.strip(",.")
        if core.isalpha() and core.isupper() and len(core) > 1 and (not mixed or len(core) > 4 or core in
                                                                       ("INC", "CORP", "LTD", "CO", "PLC")):
            word = word.replace(core, core.capitalize())
        words.append(word)
    return " ".join(w.upper() if w in _ACRONYMS else w for w in words)


# First words that name no company on their own.
_GENERIC_FIRST = {"china", "chinese", "american", "america", "first", "general", "united", "national",
                  "international", "global", "new", "great", "pacific", "southern", "northern", "eastern",
                  "western", "central", "hong", "shanghai", "beijing", "shenzhen", "guangdong", "jiangsu",
                  "zhejiang", "sichuan", "hubei", "hunan", "henan", "shandong", "fujian", "anhui", "jiangxi",
                  "royal", "bank", "capital", "energy", "golden", "gold", "silver", "green", "blue", "red",
                  "digital", "advanced", "applied", "allied", "smart", "alpha", "omega", "star", "sun",
                  "world", "universal", "standard", "texas", "california", "florida", "york"}


def first_word_alias(alias: str) -> str | None:
    """'Costco' from 'Costco Wholesale', 'Arrowhead' from 'Arrowhead Pharmaceuticals': linked only
    where context confirms it (see extractor/nlp/gazetteer.py)."""
    words = alias.split()
    first = words[0].strip(",.")
    if len(words) < 2 or len(first) < 4 or not first[:1].isupper() or first.lower() in _GENERIC_FIRST \
            or not first.isalpha():
        return None
    return first


def english_aliases(name: str) -> list[str]:
    """The name, without parentheses, without legal suffixes, then without trailing descriptors."""
    name = _nfkc(name)
    aliases = [name]
    bare = re.sub(r"\s*\(([^)]*)\)\s*", r" \1 ", name).replace("  ", " ").strip()
    aliases.append(bare)
    current = _LEGAL.sub("", bare).strip(" ,.")
    while current and current not in aliases:
        aliases.append(current)
        shorter = _LEGAL.sub("", _DESCRIPTORS.sub("", current)).strip(" ,.")
        if len(shorter.split()) < 1 or shorter == current:
            break
        current = shorter
    first = first_word_alias(aliases[-1])
    if first:
        aliases.append(first)
    return [a for a in dict.fromkeys(aliases) if len(a) >= 2]


def chinese_aliases(*names: str | None) -> list[str]:
    aliases: list[str] = []
    for name in names:
        if not name:
            continue
        name = _nfkc(name)
        aliases += [name, _ST_PREFIX.sub("", name), _ZH_SUFFIX.sub("", name)]
    return [a for a in dict.fromkeys(aliases) if len(a) >= 2]


def _a_shares(data: Path) -> dict[str, dict]:
    full = json.loads((data / "cn_a_shares/tushare_stock_basic_full_2025-06.json").read_text("utf-8"))
    fields = full["data"]["fields"]
    by_code = {row[fields.index("ts_code")]: dict(zip(fields, row, strict=True)) for row in full["data"]["items"]}
    exchanges = {"SH": "SSE", "SZ": "SZSE", "BJ": "BSE"}
    companies = {}
    with (data / "cn_a_shares/tushare_stock_basic_2026-03-04.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            extra = by_code.get(row["ts_code"], {})
            exchange = exchanges[row["ts_code"].split(".")[1]]
            short = _nfkc(row["name"]).replace("(退)", "").strip()
            company = {
                "id": f"{exchange}:{row['symbol']}",
                "name": _nfkc(extra.get("enname") or "") or short,
                "name_zh": _nfkc(extra.get("fullname") or "") or short,
                "short_name_zh": short,
                "ticker": row["symbol"],
                "exchange": exchange,
                "country": "CN",
                "status": "listed" if row["status"] == "L" else "delisted",
                "identifiers": {"ts_code": row["ts_code"]},
                "aliases_en": english_aliases(extra["enname"]) if extra.get("enname") else [],
                "aliases_zh": chinese_aliases(short, extra.get("fullname")),
            }
            companies[company["id"]] = company
    return companies


def _hong_kong(data: Path) -> dict[str, dict]:
    english = json.loads((data / "hk/hk_stock_names_en.json").read_text("utf-8"))["data"]
    english_by_code = {row["c"].zfill(5): _title(row["n"]) for row in english}
    companies = {}
    for row in json.loads((data / "hk/hk_stock_names_zh_2025-04.json").read_text("utf-8")):
        code = row["code"].split(".")[0]
        name = _nfkc(row["name"])
        if int(code) >= 10000 or code.startswith("04") or re.search(r"ETF|基金|债|票据|-[RU]$|旧", name):
            continue
        short = re.sub(r"-[A-Z]{1,2}$", "", name)
        english_name = english_by_code.get(code)
        companies[f"HKEX:{code}"] = {
            "id": f"HKEX:{code}",
            "name": english_name or short,
            "name_zh": short,
            "short_name_zh": short,
            "ticker": code,
            "exchange": "HKEX",
            "country": "HK",
            "status": "listed",
            "identifiers": {},
            "aliases_en": english_aliases(english_name) if english_name else [],
            "aliases_zh": chinese_aliases(short),
        }
    return companies


def _united_states(data: Path) -> dict[str, dict]:
    raw = json.loads((data / "sec/company_tickers_exchange.json").read_text("utf-8"))
    companies: dict[str, dict] = {}
    by_cik: dict[str, dict] = {}
    for cik, name, ticker, exchange in raw["data"]:
        if cik in by_cik:  # further share classes of a company already seen
            by_cik[cik]["tickers"].append(ticker)
            continue
        exchange = (exchange or "OTC").upper()
        title = _title(name)
        company = {
            "id": f"{exchange}:{ticker}",
            "name": title,
            "name_zh": None,
            "short_name_zh": None,
            "ticker": ticker,
            "tickers": [ticker],
            "exchange": exchange,
            "country": "US",
            "status": "listed",
            "identifiers": {"cik": cik},
            "aliases_en": english_aliases(title),
            "aliases_zh": [],
        }
        by_cik[cik] = company
        companies.setdefault(company["id"], company)
    return companies


def _curated(path: Path, companies: dict[str, dict]) -> None:
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            company = companies.get(row["id"])
            if company is None:
                raise SystemExit(f"{path}: unknown company id {row['id']!r}")
            key = "aliases_zh" if row["lang"] == "zh" else "aliases_en"
            if row["alias"] not in company[key]:
                company[key].append(row["alias"])


def build(data: Path, out: Path, curated: Path) -> int:
    companies = {**_united_states(data), **_hong_kong(data), **_a_shares(data)}
    _curated(curated, companies)
    with out.open("w", encoding="utf-8") as f:
        for key in sorted(companies):
            f.write(json.dumps(companies[key], ensure_ascii=False, sort_keys=True) + "\n")
    return len(companies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "companies.jsonl")
    parser.add_argument("--curated", type=Path, default=ROOT / "models" / "company_aliases.csv")
    args = parser.parse_args()
    count = build(args.data, args.out, args.curated)
    print(f"wrote {count} companies to {args.out}")


if __name__ == "__main__":
    main()
