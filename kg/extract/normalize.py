"""Arabic normalization that remembers where each character came from."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# Characters removed: harakat, Quranic marks, superscript alef, tatweel, bidi marks, embeddings,
# overrides and isolates (CMSs wrap names and dates in them), joiners, soft hyphens.
_DROP = set(
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad", "\u2060"]
)
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق",
    "\u060c": "،", "\u066b": ".", "\u066c": ",",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": " ",  # zero-width space: a word break
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)


def _fold(ch: str) -> str:
    if ch in _DROP:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if ch.isascii():
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch:
        return "".join(_fold(c) for c in folded)
    return ch.lower()


class _FoldTable(dict):
    """str.translate table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold(chr(code))
        return out


_TABLE = _FoldTable()
# only these characters can fold to something other than exactly one character
_NOT_ONE_TO_ONE = re.compile(r"[^\u0020-\u007e\u0621-\u063a\u0641-\u064a\u0660-\u0669\n\t]")


def fold_char(ch: str) -> str:
    """The normalized form of one character (possibly empty or several characters)."""
    return _TABLE[ord(ch)]


def normalize(text: str) -> str:
    """Fold Arabic spelling variation so that names and words compare equal.

    >>> normalize("إردوغان") == normalize("أردوغان")
    True
    >>> normalize("مُحَمَّـــد")
    'محمد'
    >>> normalize("في ٣ يوليو ٢٠٢٤")
    'في 3 يوليو 2024'
    >>> normalize("الولایات المتحدة الأمريكية")
    'الولايات المتحده الامريكيه'
    """
    return text.translate(_TABLE)


@dataclass
class NormText:
    """Normalized text and a map of its positions back to the original text.

    Most characters fold one to one; ``breaks`` records, at each normalized
    position where the shift changes, the original position it maps to.
    """

    text: str
    original: str
    breaks_norm: list[int]
    breaks_orig: list[int]

    def orig(self, i: int) -> int:
        """Original offset of normalized position ``i``."""
        k = bisect.bisect_right(self.breaks_norm, i) - 1
        return self.breaks_orig[k] + (i - self.breaks_norm[k]) if k >= 0 else i

    @property
    def offsets(self) -> list[int]:
        return [self.orig(i) for i in range(len(self.text))]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text back to the original text."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        o_start = self.orig(start)
        o_end = self.orig(end - 1) + 1 if end > start else o_start
        return o_start, o_end


def normalize_with_offsets(text: str) -> NormText:
    """Normalize and keep an offset map back to the original characters.

    >>> n = normalize_with_offsets("قالَ بوتين")
    >>> n.text
    'قال بوتين'
    >>> n.original[slice(*n.orig_span(4, 9))]
    'بوتين'
    """
    breaks_norm: list[int] = []
    breaks_orig: list[int] = []
    shift = 0  # normalized position minus original position, so far
    for m in _NOT_ONE_TO_ONE.finditer(text):
        i = m.start()
        width = len(_TABLE[ord(text[i])])
        if width == 1:
            continue
        # characters of this one's expansion all map back to it; what follows shifts
        if width > 1:
            breaks_norm.append(i + shift)
            breaks_orig.append(i)
            for extra in range(1, width):
                breaks_norm.append(i + shift + extra)
                breaks_orig.append(i)
        shift += width - 1
        breaks_norm.append(i + 1 + shift)
        breaks_orig.append(i + 1)
    return NormText(text.translate(_TABLE), text, breaks_norm, breaks_orig)


def light(text: str) -> str:
    """Like ``normalize`` but keeps alef maksura apart from ya, so "على" (on) is not "علي" (Ali).

    >>> light("على") == light("علي")
    False
    """
    return "".join("ى" if c == "ى" else fold_char(c) for c in text)


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def is_letter(ch: str) -> bool:
    """True for characters that continue a word (letters and digits, any script)."""
    return ch.isalnum()


def alternation(words) -> str:
    """A regex alternation of normalized words and phrases, longest first, any run of spaces between words."""
    forms = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
