"""Bytes to text: UTF-8 first, then the legacy Arabic code pages, never binary.

Arabic news archives still hold windows-1256 and ISO-8859-6 files; decoding
them as Latin-1 would give mojibake that no lexicon matches, so the legacy
encodings are detected (charset-normalizer) and named in the result.
"""

from __future__ import annotations

import codecs
import unicodedata

from rasd.errors import InputError

__all__ = ["LEGACY_ARABIC", "decode_bytes", "sniff_binary"]

LEGACY_ARABIC: tuple[str, ...] = ("cp1256", "iso8859_6")

# Leading bytes of formats people mistake for articles, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP/DOCX/XLSX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC/XLS"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x7fELF", "ELF executable"),
)
_SAMPLE = 65_536  # bytes looked at when judging "binary or text"
_MAX_CONTROL_SHARE = 0.05  # text has almost no C0 control characters besides whitespace
_MIN_ARABIC_SHARE = 0.3  # of letters, for a legacy Arabic guess to be believed


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` looks like ("PDF", "PNG", …), or None if it may be text."""
    head = data[:_SAMPLE]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1b") + head.count(b"\x7f")
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        return "mostly non-text bytes"
    return None


def decode_bytes(data: bytes, *, origin: str) -> tuple[str, str]:
    """Decode a document's bytes; return ``(text, encoding)``.

    Raises :class:`InputError` for binary data, empty documents and bytes that
    are neither UTF-8 nor a recognisable legacy encoding.
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(f"binary file (looks like {kind}), not text", source=origin)
    text, encoding = _decode(data, origin)
    if _is_blank(text):
        raise InputError("empty document", source=origin)
    return text, encoding


def _decode(data: bytes, origin: str) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}", source=origin) from exc
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, origin)


def _decode_legacy(data: bytes, origin: str) -> tuple[str, str]:
    """Not UTF-8: believe a legacy Arabic code page when the result reads as Arabic."""
    from charset_normalizer import from_bytes  # imported late: most inputs are UTF-8

    arabic = from_bytes(data, cp_isolation=list(LEGACY_ARABIC)).best()
    if arabic is not None:
        text = data.decode(arabic.encoding, errors="strict")
        if _arabic_share(text) >= _MIN_ARABIC_SHARE:
            return text, arabic.encoding
    other = from_bytes(data).best()
    if other is None:
        raise InputError("not text: neither UTF-8 nor a recognisable encoding (windows-1256, ISO-8859-6, …)", source=origin)
    return data.decode(other.encoding, errors="strict"), other.encoding


def _is_blank(text: str) -> bool:
    """Only whitespace and invisible format characters (BOM, RLM, ZWNJ…)."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _arabic_share(text: str) -> float:
    letters = [c for c in text[:_SAMPLE] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if unicodedata.name(c, "").startswith("ARABIC")) / len(letters)
