"""Fuzzing the parsers that see raw input: whatever the text, no crash and no hang."""
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from kibaru.dates import TimeParser, TimeWords
from kibaru.errors import InputError
from kibaru.ingest.decode import decode
from kibaru.ingest.jsonl import parse_jsonl
from kibaru.ingest.text import parse_text
from kibaru.knowledge import TIME_COLUMNS, data_dir, read_tsv
from kibaru.quantities import QuantityParser

FR = TimeParser(TimeWords.from_rows("fr", read_tsv(data_dir() / "fr" / "time.tsv", TIME_COLUMNS)))
EN = TimeParser(TimeWords.from_rows("en", read_tsv(data_dir() / "en" / "time.tsv", TIME_COLUMNS)))
WORDS = {}
for r in read_tsv(data_dir() / "fr" / "words.tsv", ("form", "kind", "value")):
    WORDS.setdefault(r["kind"], {})[r["form"]] = r["value"]
QTY = QuantityParser("fr", WORDS)

# text made of the pieces that matter to the parsers, mixed with anything
PIECES = st.sampled_from(["le", "23", "juin", "2025", "du", "au", "mi", "-", "dernier", "prochain", "lundi", "hier",
                          "il y a", "dans les prochaines", "semaines", "depuis", "1er", "/", "09", "millions", "de",
                          "dollars", "des milliers", "tonnes", "$", "1,5", "bn", "«", "»", "\n", "- ", "Commentaires",
                          "Par", "min de lecture", "|", "›", "31", "février", "30", "2024-02-30", "99/99/2024"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map(" ".join)
FUZZ = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(TEXT, st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)), st.booleans())
def test_time_expressions_never_crash(text, anchor, future):
    for parser in (FR, EN):
        for f in parser.find(text):
            iv = parser.resolve(f, anchor, future=future)
            assert iv.precision in ("day", "week", "month", "year", "range", "unknown")
            if iv.start and iv.end:
                assert iv.start <= iv.end


@FUZZ
@given(TEXT)
def test_quantities_never_crash(text):
    for q in QTY.find(text):
        assert q.unit


@FUZZ
@given(TEXT)
def test_plain_text_parsing_never_crashes(text):
    parsed = parse_text(text)
    assert isinstance(parsed.text, str)


@FUZZ
@given(st.binary(max_size=400))
def test_decoding_returns_text_or_a_reason(raw):
    try:
        assert isinstance(decode(raw, "fuzz.bin"), str)
    except InputError as exc:
        assert exc.source == "fuzz.bin" and exc.reason


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=30), st.just('{"text": "x"}'), st.just("[1,2]"), st.just("{")),
                max_size=10).map("\n".join))
def test_jsonl_lines_parse_or_are_named(text):
    for rec in parse_jsonl(text, "fuzz.jsonl"):
        assert isinstance(rec, dict) or (isinstance(rec, InputError) and rec.line)
