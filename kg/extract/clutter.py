"""Drop page clutter (related headlines, "read also" blocks, tags, share bars) from text.

Text from other articles must not yield events dated against this one. Works
on normalized text and returns the spans of the lines to keep, so offsets
still point into the article.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .normalize import normalize

CLUTTER_FILE = Path(__file__).resolve().parent.parent / "data" / "ar" / "clutter.json"
_PUNCT = ":：-|–—•*·"
BLOCK_TAIL = 0.4  # a block marker after this share of the text ends the article


@lru_cache(maxsize=1)
def _markers():
    data = json.loads(CLUTTER_FILE.read_text(encoding="utf-8"))
    inline = tuple(sorted({normalize(m) for m in data["inline"]}, key=len, reverse=True))
    block = {normalize(m) for m in data["block"]}
    return inline, block, int(data["inline_max_words"])


def _strong(marker: str) -> bool:
    return " " in marker or marker.isascii()


def is_inline_clutter(line: str) -> bool:
    """True for a line such as "شاهد أيضا: ..." or "Related..." or "كلمات دلالية: ...".

    >>> is_inline_clutter(normalize("شاهد ايضاً: صيد الخنازير البرية في الصين"))
    True
    >>> is_inline_clutter(normalize("شارك الرئيس في القمة الخليجية"))
    False
    """
    inline, _, max_words = _markers()
    s = line.strip().lstrip(_PUNCT + " ")
    if not s.startswith(inline):  # most lines: one C-level test instead of one per marker
        return False
    for m in inline:
        if s.startswith(m):
            rest = s[len(m):].lstrip()
            if not rest or rest[0] in _PUNCT or (_strong(m) and len(s.split()) <= max_words * 3):
                return True
    return False


def is_block_marker(line: str) -> bool:
    _, block, _ = _markers()
    return line.strip().strip(_PUNCT + " .") in block


def kept_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of normalized ``text`` that belong to the article itself."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    kept: list[tuple[int, int]] = []
    total = max(len(text), 1)
    skip_short = 0
    for i, (a, b) in enumerate(spans):
        line = text[a:b]
        if not line.strip():
            continue
        if is_block_marker(line):
            if a / total >= BLOCK_TAIL:
                break
            skip_short = 5
            continue
        if skip_short:
            skip_short -= 1
            words = line.split()
            if len(words) <= 15 and not line.rstrip().endswith((".", "؟", "!")):
                continue
            skip_short = 0
        if is_inline_clutter(line) or line.lstrip().startswith(("•", "* ", "- ")):
            continue
        kept.append((a, b))
    return kept
