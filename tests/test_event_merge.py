"""One happening told in several sentences is one event with all its mentions."""

from extractor import extract
from extractor.nlp.event_merge import merge_mentions, same_event
from extractor.nlp.events import Event
from extractor.nlp.spans import Entity


def _event(sentence, start, subtype="increase", modality="asserted", date=None, **roles):
    event = Event("commodity_price", subtype, Entity(start, start + 4, "TRIGGER", "rose"), sentence,
                  date=date, modality=modality)
    event.arguments = [{"role": role, "text": text, "start": start + 10, "end": start + 12,
                        "normalized": normalized} for role, (text, normalized) in roles.items()]
    if date:
        event.arguments.append({"role": "date", "text": date, "start": start + 20, "end": start + 22,
                                "normalized": {"value": date}})
    return event


COPPER = ("copper", {})
TIN = ("tin", {})


def test_merge_same_subject_and_figures_in_two_sentences():
    first = _event(0, 0, commodity=COPPER, change=("2 %", {"value": 0.02}))
    second = _event(1, 50, commodity=COPPER, change=("2 %", {"value": 0.02}), date=("2026-01-02"))
    [merged] = merge_mentions([first, second])
    assert [m.sentence for m in merged.mentions] == [0, 1]
    assert merged.date == "2026-01-02"


def test_merge_takes_roles_the_first_mention_lacks():
    first = _event(0, 0, commodity=COPPER)
    second = _event(2, 80, commodity=COPPER, price=("$9,850 a tonne", {"value": 9850, "currency": "USD"}))
    [merged] = merge_mentions([first, second])
    assert {a["role"] for a in merged.arguments} == {"commodity", "price"}
    assert [a["role"] for a in merged.mentions[1].arguments] == ["commodity", "price"]


def test_no_merge_when_subjects_figures_dates_subtypes_or_modality_differ():
    base = _event(0, 0, commodity=COPPER, change=("2 %", {"value": 0.02}), date="2026-01-02")
    assert not same_event(base, _event(1, 50, commodity=TIN, change=("2 %", {"value": 0.02})))
    assert not same_event(base, _event(1, 50, commodity=COPPER, change=("3 %", {"value": 0.03})))
    assert not same_event(base, _event(1, 50, commodity=COPPER, date="2026-01-05"))
    assert not same_event(base, _event(1, 50, "decrease", commodity=COPPER))
    assert not same_event(base, _event(1, 50, modality="expected", commodity=COPPER))
    assert not same_event(base, _event(1, 50))  # nothing to say it is the same thing


def test_within_one_sentence_only_a_happening_told_twice_merges():
    assert len(merge_mentions([_event(0, 0, commodity=COPPER), _event(0, 30, commodity=TIN)])) == 2
    assert len(merge_mentions([_event(0, 0, change=("2 %", {"value": 0.02})),
                               _event(0, 30, change=("2 %", {"value": 0.02}))])) == 2  # a figure is no subject
    [told_twice] = merge_mentions([_event(0, 0, commodity=COPPER), _event(0, 30, commodity=COPPER)])
    assert [m.sentence for m in told_twice.mentions] == [0, 0]


def test_pipeline_merges_a_price_adjustment_told_twice(write_jsonl):
    text = ("Northern Rare Earth raised its listed prices for praseodymium-neodymium oxide on Monday. "
            "Shares of Northern Rare Earth rose 3 %. The price adjustment by Northern Rare Earth takes effect "
            "on Monday.")
    [record] = extract([write_jsonl([{"text": text, "published_at": "2026-01-21"}])])
    adjustments = [e for e in record["events"] if e["type"] == "price_adjustment"]
    assert len(adjustments) == 1
    assert [m["sentence"] for m in adjustments[0]["mentions"]] == [0, 2]
    assert adjustments[0]["mentions"][0]["trigger"] == adjustments[0]["trigger"]


def test_a_mention_that_does_not_say_the_kind_joins_one_that_does():
    [merged] = merge_mentions([_event(0, 0, "other", commodity=COPPER), _event(1, 50, commodity=COPPER)])
    assert merged.subtype == "increase"


def test_merge_with_a_shared_figure_when_one_mention_names_no_subject():
    first = _event(0, 0, change=("2 %", {"value": 0.02}))
    assert same_event(first, _event(1, 50, commodity=COPPER, change=("2 %", {"value": 0.02})))


def test_periods_named_differently_do_not_block_a_merge_but_days_do():
    first = _event(0, 0, commodity=COPPER, date="2025-Q4")
    assert same_event(first, _event(1, 50, commodity=COPPER, date="2026-02-01"))
    assert not same_event(_event(0, 0, commodity=COPPER, date="2026-02-02"),
                          _event(1, 50, commodity=COPPER, date="2026-02-01"))


def test_the_very_same_event_found_twice_is_kept_once():
    first, twin = _event(0, 0, commodity=COPPER), _event(0, 0, commodity=COPPER)
    assert len(merge_mentions([first, twin])) == 1



def test_a_shareholder_announcements_bare_mention_is_its_transaction_told_again():
    """A title's 关于股东减持股份的公告 names nothing but is the announcement's sale; a bare "prices rose"
    may be another commodity's (test_no_merge_when_...)."""
    sale = _event(1, 50, "decrease", holder=("朗越投资", {"name": "上海朗越投资中心（有限合伙）"}),
                  shares=("1,600,000股", {"value": 1600000, "unit": "share"}))
    title = _event(0, 0, "decrease")
    sale.type = title.type = "shareholding_change"
    [merged] = merge_mentions([title, sale])
    assert [m.sentence for m in merged.mentions] == [0, 1]
    assert {a["role"] for a in merged.arguments} == {"holder", "shares"}
