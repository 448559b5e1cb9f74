"""Plain-text articles: the text kept, the boilerplate around it removed, metadata read.

The shape seen in scraped news (and in kibaru's samples): a title line; header lines
("- Outlet", "- 23 juin 2025", "- Par X", "- 2 min de lecture", "Politique | 29 janvier
2024", "Publié le 18/09/2024", navigation like "Accueil | Politique | Sport"); paragraphs
separated by blank lines; a signature (author, outlet) at the end; a trailing
"Commentaires". Everything but the title and paragraphs is boilerplate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Lines that end the article: whatever follows them is reader comments or page furniture.
END_MARKERS = re.compile(r"^\s*(commentaires?|comments?|laisser un commentaire|leave a comment|"
                         r"partager( cet article)?|share this( article)?|lire aussi|read more)\s*:?\s*$",
                         re.IGNORECASE)
#: "Lire aussi : <titre d'un autre article>": a link to another story inside the body.
RELATED = re.compile(r"^\s*(?:[àa] )?(?:lire|voir|(?:re)?découvrir) (?:aussi|également|encore)\s*[:>»-]\s*\S"
                     r"|^\s*(?:read|see) (?:also|more)\s*[:>»-]\s*\S|^\s*related(?: article)?\s*:\s*\S", re.IGNORECASE)
READING_TIME = re.compile(r"^\s*-?\s*\d+\s*min(utes?)?\s*(de lecture|read)\s*$", re.IGNORECASE)
BYLINE = re.compile(r"^\s*-?\s*(par|by)\s+(?P<author>[^\d|]{3,60}?)\s*$", re.IGNORECASE)
#: A byline that says where the report is filed from ("notre envoyé spécial à Ankara", "our
#: correspondent in Nairobi"), not who wrote it.
FILED_FROM = re.compile(r"^(?i:(?:de\s+|from\s+)?(?:notre|nos|our)\b).*\s(?:à|au|en|in)\s+[A-ZÀ-Ý]")
PUBLISHED = re.compile(r"^\s*(publié|mis à jour|published|updated)\s+(le|on)?\s*", re.IGNORECASE)
FIRST_PUBLISHED = re.compile(r"^\s*(publié|published)\b", re.IGNORECASE)
#: Navigation and section lines: short runs of words separated by | › » > / •.
NAV_SEPARATORS = re.compile(r"\s[|›»>•]\s|\s/\s")
SENTENCE_END = re.compile(r"[.!?…»\")]\s*$")


@dataclass
class ParsedText:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date_line: str | None = None  # header text holding the publication date, resolved later


#: "Niamey, dimanche 7 juillet 2024", "ABUJA, Jan 29": a place name, a comma, the date.
DATELINE = re.compile(r"^[A-ZÀ-Ý][^\W\d_]*(?:[ '’-][A-ZÀ-Ýa-zà-ÿ][^\W\d_]*){0,3},\s")


def _is_header(line: str) -> bool:
    s = line.strip()
    return s.startswith("- ") or bool(READING_TIME.match(s) or BYLINE.match(s) or PUBLISHED.match(s))


def _looks_like_nav(line: str) -> bool:
    s = line.strip()
    return bool(NAV_SEPARATORS.search(s)) and len(s.split()) <= 14 and not SENTENCE_END.search(s)


def _looks_like_name(line: str) -> bool:
    words = line.strip().split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not SENTENCE_END.search(line)


def parse_text(raw: str, *, has_date=lambda s: False) -> ParsedText:
    """Split raw article text into body and metadata. `has_date(line)` tells date lines."""
    lines = raw.split("\n")
    for i, ln in enumerate(lines):
        if END_MARKERS.match(ln):
            lines = lines[:i]
            break
        m = re.match(r"^\s*(Commentaires|Comments)\s*$", ln)
        if m:
            lines = lines[:i]
            break
    out = ParsedText(text="")
    # -- header: leading lines up to the first real paragraph ------------------------------
    body_start = 0
    head: list[str] = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            continue
        long_prose = len(s.split()) > 25 or (SENTENCE_END.search(s) and len(s.split()) > 8)
        if long_prose:
            body_start = i
            break
        head.append(s)
        body_start = i + 1
        if len(head) >= 8:
            break
    title_candidates = []
    datelines: list[str] = []
    for s in head:
        item = s[2:].strip() if s.startswith("- ") else s
        if READING_TIME.match(s):
            continue
        if m := BYLINE.match(s):
            if FILED_FROM.search(m.group("author")):
                datelines.append(item)  # "Par notre correspondant à Niamey": where it is filed from
            else:
                out.author = out.author or m.group("author").strip()
            continue
        filed = [part for part in re.split(r"\s[–—-]\s", item) if DATELINE.match(part)][:1]
        if PUBLISHED.match(s) or (has_date(item) and len(item.split()) <= (12 if filed else 8)):
            # the first date line, unless a later one says it is the publication ("Mis à jour le
            # 15 mars" above "Publié le 14 mars")
            if out.date_line is None or FIRST_PUBLISHED.match(s) and not FIRST_PUBLISHED.match(out.date_line):
                out.date_line = item
            # "Rabat, 29 avril 2025", "Oubangui Matin – Bangui, samedi 18 janvier 2025": where it
            # is written from stays in the text
            datelines += filed
            if "|" in item or "–" in item or "—" in item:
                out.outlet = out.outlet  # section + date line: nothing more to learn
            continue
        if _looks_like_nav(s):
            parts = [p.strip() for p in re.split(r"[|›»>•]", s) if p.strip()]
            if any(has_date(p) for p in parts):
                out.date_line = out.date_line or s
            elif len(parts) == 2 and not out.outlet and head.index(s) == 0:
                out.outlet = parts[0]
            continue
        if s.startswith("- "):
            if not out.outlet:
                out.outlet = item
            continue
        title_candidates.append(s)
    if title_candidates:
        # The longest short line reads as the title; short lines before it are the outlet.
        title = max(title_candidates, key=len)
        out.title = title
        before = title_candidates[: title_candidates.index(title)]
        if before and not out.outlet and len(before[0].split()) <= 5:
            out.outlet = before[0]
        keep_head = [t for t in title_candidates if t == title or len(t.split()) > 5]
    else:
        keep_head = []
    keep_head += [""] + datelines[:1] if datelines else []
    body = [ln.strip() for ln in lines[body_start:] if not RELATED.match(ln)]
    # -- signature: short name-like lines at the very end ---------------------------------
    while body and not body[-1]:
        body.pop()
    tail = []
    while body and body[-1] and len(body[-1].split()) <= 4 and not SENTENCE_END.search(body[-1]) and len(tail) < 2:
        tail.insert(0, body.pop())
        while body and not body[-1]:
            body.pop()
    for t in tail:
        if _looks_like_name(t) and not out.author and (not out.outlet or _squash(t) not in _squash(out.outlet)):
            out.author = t
        elif not out.outlet:
            out.outlet = t
    paragraphs = _paragraphs(keep_head + [""] + body)
    out.text = "\n\n".join(paragraphs)
    return out


def _squash(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs: a blank line ends one; each non-blank line stays its own line."""
    paras, cur = [], []
    for ln in lines:
        if ln.strip():
            cur.append(re.sub(r"[ \t]+", " ", ln.strip()))
        elif cur:
            paras.append("\n".join(cur))
            cur = []
    if cur:
        paras.append("\n".join(cur))
    return paras
