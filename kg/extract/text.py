"""The first stage: one article's text, normalized, with its words, kept lines and sentences.

Every later stage works on positions in the normalized text; this is where they are
counted in words, mapped back to the original text and cut into sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..models import Article
from .clutter import kept_lines
from .normalize import NormText, normalize_with_offsets

SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)|[.!?؟](?=\s)|\|")
WORD = re.compile(r"\w+")
GAP = re.compile(r"[\s،,]*")
MAX_SENTENCE = 2000  # characters; real sentences are far shorter


@dataclass
class ArticleText:
    """Normalized text of an article, the start of each word, and the lines that are the article's own."""

    article: Article
    nt: NormText
    text: str
    tokens: list[int]
    kept: list[tuple[int, int]]
    kept_starts: list[int]

    @classmethod
    def of(cls, article: Article) -> "ArticleText":
        nt = normalize_with_offsets(article.text)
        kept = kept_lines(nt.text)
        return cls(article, nt, nt.text, [t.start() for t in WORD.finditer(nt.text)], kept, [a for a, _ in kept])

    def tok(self, pos: int) -> int:
        """The index of the word at (or last before) ``pos``."""
        return bisect.bisect_right(self.tokens, pos) - 1

    def tokens_between(self, a: int, b: int) -> int:
        """How many words lie between character positions a and b."""
        return max(0, self.tok(b - 1) - self.tok(a)) if b > a else 0

    def adjacent(self, a: int, b: int) -> bool:
        """Only spaces and commas between a and b."""
        return b >= a and GAP.fullmatch(self.text, a, b) is not None

    def word_before(self, pos: int) -> str:
        words = self.text[max(0, pos - 30):pos].split()
        return words[-1].strip("،,") if words else ""

    def word_after(self, pos: int) -> str:
        """The word starting at ``pos`` (after its spaces), without a comma after it."""
        words = self.text[pos:pos + 30].split(maxsplit=1)
        return words[0].strip("،,") if words else ""

    def original(self, a: int, b: int) -> str:
        """The article's own characters for a span of the normalized text."""
        oa, ob = self.nt.orig_span(a, b)
        return self.article.text[oa:ob]

    def in_kept(self, pos: int) -> bool:
        """Whether ``pos`` lies on a line of the article itself (not page clutter)."""
        k = bisect.bisect_right(self.kept_starts, pos) - 1
        return k >= 0 and pos < self.kept[k][1]

    def sentences(self):
        """(start, end) of each sentence of the kept lines, in text order."""
        for a, b in self.kept:
            start = a
            for m in SENTENCE_END.finditer(self.text, a, b):
                end = m.end()
                if self.text[start:end].strip():
                    yield from self.bounded(start, end)
                start = end
            if self.text[start:b].strip():
                yield from self.bounded(start, b)

    def bounded(self, a: int, b: int):
        """A sentence, cut at a space every MAX_SENTENCE characters: text without stops (a feed dump,
        a table) costs time in proportion to its length, not its square."""
        while b - a > MAX_SENTENCE:
            cut = self.text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            yield a, cut
            a = cut
        if self.text[a:b].strip():
            yield a, b
