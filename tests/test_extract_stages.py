"""Each stage of the Arabic extractor on its own, on sentences written for these tests:
text -> names -> triggers -> frames -> resolution -> dates and places."""

from __future__ import annotations

import datetime as dt

from kg.extract.text import ArticleText
from kg.models import Article


def text_of(body: str, published: dt.date | None = dt.date(2025, 3, 10)) -> ArticleText:
    return ArticleText.of(Article("s1", body, published))


# ------------------------------------------------------------------ text
def test_sentences_split_at_stops_and_keep_decimal_numbers():
    t = text_of("زار الوزير المدينة. وبلغت النسبة 2.5 في المئة؟ ثم عاد")
    spans = [t.text[a:b].strip() for a, b in t.sentences()]
    assert spans == ["زار الوزير المدينه.", "وبلغت النسبه 2.5 في الميه؟", "ثم عاد"]


def test_words_are_counted_between_positions_and_mapped_back_to_the_original():
    t = text_of("التقى الرئيسُ ضيفَه في القصر")
    a = t.text.index("ضيف")
    assert t.tokens_between(0, a) == 1  # "الرئيس" lies between the verb and the guest
    assert t.original(a, a + len("ضيفه")) == "ضيفَه"
    assert t.word_before(a) == "الرييس"
    assert t.adjacent(t.text.index(" "), t.text.index(" ") + 1)


def test_a_sentence_without_stops_is_cut_into_bounded_pieces():
    t = text_of(" ".join(["كلمة"] * 1500))
    pieces = list(t.sentences())
    assert len(pieces) > 1 and all(b - a <= 2000 for a, b in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(t.text)
