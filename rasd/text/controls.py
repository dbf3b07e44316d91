"""Control characters: what text from a source or a person may not carry into the store.

U+0000–U+001F but tab, line feed and carriage return, and U+007F: they
break spreadsheets (XML 1.0 cannot hold them), terminals and CSV readers,
and no Arabic or English text needs them. Names and titles are stripped of
them on the way in; a person's review that holds them is refused.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "has_control", "strip_controls"]

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character other than tab and line breaks."""
    return CONTROL.search(text) is not None


def strip_controls(text: str) -> str:
    """``text`` without its control characters (tab and line breaks kept)."""
    return CONTROL.sub("", text)
