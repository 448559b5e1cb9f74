"""Bytes → text, with a reason when the bytes are not a text at all."""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

#: Leading bytes of common binary formats, named in the failure message.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
#: Above this share of control characters, decoded bytes are not text.
MAX_CONTROL_SHARE = 0.02


def decode(raw: bytes, source: str) -> str:
    """Decode an input file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if not raw.strip():
        raise InputError(source, "empty file: nothing to read")
    for magic, what in MAGIC.items():
        if raw.startswith(magic):
            raise InputError(source, f"binary file ({what}), not a text article")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(raw, "utf-16", source)
    elif raw.startswith(codecs.BOM_UTF8):
        text = _try(raw, "utf-8-sig", source)
    elif b"\x00" in raw[:4096]:
        raise InputError(source, "binary file (contains NUL bytes), not a text article")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = raw.decode("utf-8", errors="replace").count("\ufffd")
            if exc.start >= len(raw) - 3 or bad <= max(1, len(raw) // 2000):
                # UTF-8 with a cut last character or a stray byte: keep it UTF-8, drop the damage
                text = raw.decode("utf-8", errors="ignore")
            else:
                # Western-European legacy encodings: cp1252 is a superset of latin-1's printable part.
                try:
                    text = raw.decode("cp1252")
                except UnicodeDecodeError:
                    text = raw.decode("latin-1")
    control = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if control > MAX_CONTROL_SHARE * len(text):
        raise InputError(source, "binary file (too many control characters), not a text article")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _try(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"declares {encoding} by its BOM but does not decode: {exc.reason}") from None
