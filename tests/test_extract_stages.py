"""Each stage of the Arabic extractor on its own, on sentences written for these tests:
text -> names -> triggers -> frames -> resolution -> dates and places."""

from __future__ import annotations

import datetime as dt

from kg.extract.dates import find_dates
from kg.extract.dates_places import find_dateline, pick_date, pick_place
from kg.extract.entities import NAME_LAYER, matcher_for
from kg.extract.events import read_article
from kg.extract.frames import Frame, frame_for
from kg.extract.names import SentenceNames, sentence_names
from kg.extract.reading import Reading
from kg.extract.text import ArticleText
from kg.extract.triggers import Scope, SentenceTriggers, find_triggers, trigger_scopes
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


# ------------------------------------------------------------------ names
def reading_of(body: str, published: dt.date | None = dt.date(2024, 5, 1)) -> Reading:
    return Reading.of(Article("s1", body, published), matcher_for())


def names_of(body: str, published: dt.date | None = dt.date(2024, 5, 1)) -> tuple[Reading, SentenceNames]:
    """The names stage on the whole text as one sentence."""
    ctx = reading_of(body, published)
    return ctx, sentence_names(ctx, ctx.m.hits(ctx.text), find_dates(ctx.text), 0, len(ctx.text))


def test_a_title_with_a_name_and_a_counterpart_become_two_persons_and_a_city_a_place():
    _, names = names_of("استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة.")
    assert [(p.entity.key, p.role) for p in names.persons] == [("Q307871", "head_of_state"), ("Q3052772", "head_of_state")]
    assert [(p.entity.key, p.preposition) for p in names.places] == [("Q85", "في")]


def test_a_title_alone_is_the_office_holder_on_the_day_and_a_minister_keeps_his_role():
    ctx, names = names_of("وصل ولي العهد السعودي إلى موسكو حيث التقى وزير الخارجية سامح شكري.")
    assert [(p.entity.key, p.role) for p in names.persons] == [("Q6892571", "crown_prince"), ("Q7409268", "foreign_minister")]
    assert ctx.state.recent_persons[-1].key == "Q7409268"  # remembered for "the two" and "his guest"


def test_an_unknown_name_after_a_title_is_learned_for_the_rest_of_the_article():
    ctx, names = names_of("والتقى السفير جون سميث الكبير، ثم اجتمع الرئيسان.")
    assert [p.entity.key for p in names.persons] == ["name:جون سميث الكبير"]
    assert set(ctx.learned) == {"جون سميث الكبير"}
    assert len(names.duals) == 1  # "الرئيسان": the two leaders, resolved later against a pair


# ------------------------------------------------------------------ triggers
def triggers_of(body: str) -> tuple[Reading, SentenceTriggers, list[Scope]]:
    ctx = reading_of(body)
    hits = ctx.m.hits(ctx.text)
    cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
    found = find_triggers(ctx, hits, cues, len(ctx.text))
    return ctx, found, trigger_scopes(ctx, found.triggers, cues, find_dates(ctx.text), 0, len(ctx.text))


def test_a_verb_of_discussion_is_talks_only_with_mia_after_it():
    _, found, _ = triggers_of("بحث الرئيس الروسي هاتفيا مع نظيره التركي الأوضاع في المنطقة.")
    assert [t.value for t in found.triggers] == ["Talks"]
    _, found, _ = triggers_of("بحث البرلمان مشروع القانون الجديد.")
    assert found.triggers == []


def test_a_conference_word_with_its_medium_is_a_video_call():
    _, found, _ = triggers_of("عقد الزعيمان مؤتمرا عبر الفيديو.")
    assert [t.value for t in found.triggers] == ["VideoCall"]


def test_a_summit_on_whose_sidelines_leaders_met_is_kept_aside_not_a_trigger():
    ctx, found, _ = triggers_of("التقى بوتين أردوغان على هامش القمة في قازان.")
    assert [t.value for t in found.triggers] == ["Meeting"]
    assert [ctx.text[t.start:t.end] for t in found.sideline] == ["القمه"]


def test_visit_words_share_one_scope_and_a_later_call_gets_its_own():
    ctx, _, scopes = triggers_of("وصل أمير قطر إلى باريس في زيارة رسمية، وكان في استقباله الرئيس الفرنسي، "
                                 "ثم أجرى اتصالا هاتفيا مع بايدن.")
    assert [s.trigger.value for s in scopes] == ["Visit", "PhoneCall"]
    assert ctx.text[scopes[0].start:scopes[0].end].endswith("الرييس الفرنسي")
    assert ctx.text[scopes[1].start:scopes[1].end].startswith("، ثم اجري")


# ------------------------------------------------------------------ dates and places
def when_where(body: str, published: dt.date | None = dt.date(2024, 5, 1)):
    """The date and place of the sentence's first event, read by the dates and places stage alone."""
    ctx = reading_of(body, published)
    hits, dates = ctx.m.hits(ctx.text), find_dates(ctx.text)
    names = sentence_names(ctx, hits, dates, 0, len(ctx.text))
    ctx.name_tokens = names.name_tokens
    cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
    scope = trigger_scopes(ctx, find_triggers(ctx, hits, cues, len(ctx.text)).triggers, cues, dates, 0, len(ctx.text))[0]
    date = pick_date(ctx, scope.trigger, scope.start, scope.end, [], dates, False, True, 0, 0, names.persons)
    inside = lambda x: scope.start <= x.start < scope.end  # noqa: E731
    place = pick_place(ctx, scope.trigger, names.places, inside, names.persons, scope.start)
    return date, place


def test_a_day_and_month_without_a_year_take_the_year_before_publication():
    date, place = when_where("التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي في 28 ديسمبر بمدينة سوتشي.")
    assert (date.value, date.precision) == ("2023-12-28", "day")
    assert place.key == "name:Sochi"


def test_last_week_is_a_month_never_an_invented_day():
    date, _ = when_where("أجرى الرئيس الفرنسي اتصالا هاتفيا مع الرئيس الأمريكي الأسبوع الماضي.")
    assert (date.value, date.precision) == ("2024-04", "month")


def test_a_date_in_a_relative_clause_about_something_else_is_not_the_events():
    date, _ = when_where("التقى الرئيس المصري نظيره الفرنسي لبحث الاتفاق الذي وقع في 3 مارس 2019.")
    assert date is None


def test_a_dateline_is_where_the_report_was_filed():
    ctx = reading_of("موسكو - (وكالات)\nالتقى الرئيس الروسي نظيره الصيني.")
    assert find_dateline(ctx, ctx.m.hits(ctx.text)).key == "Q649"


# ------------------------------------------------------------------ frames
def frames_of(body: str, published: dt.date | None = dt.date(2024, 5, 1)) -> list[Frame | None]:
    """The frames stage over the whole text as one sentence: one frame (or None) per scope."""
    ctx = reading_of(body, published)
    hits, dates = ctx.m.hits(ctx.text), find_dates(ctx.text)
    names = sentence_names(ctx, hits, dates, 0, len(ctx.text))
    cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
    scopes = trigger_scopes(ctx, find_triggers(ctx, hits, cues, len(ctx.text)).triggers, cues, dates, 0, len(ctx.text))
    return [frame_for(ctx, s, 0, len(ctx.text), names, cues, dates, None) for s in scopes]


def test_a_negated_call_and_a_reference_to_a_visit_already_told_make_no_frame():
    assert frames_of("لم يجر الرئيس الفرنسي اتصالا هاتفيا مع نظيره الصيني.") == [None]
    assert frames_of("وتعد هذه أول زيارة للرئيس الفرنسي إلى الصين.") == [None]


def test_a_meeting_by_video_is_a_video_call_and_a_future_visit_is_planned():
    [video] = frames_of("عقد الرئيس المصري اجتماعا عبر تقنية الفيديو مع الرئيس الفرنسي.")
    assert (video.etype, video.future, [e.key for e in video.candidates]) == ("VideoCall", False, ["Q307871", "Q3052772"])
    [visit] = frames_of("سيزور الرئيس الفرنسي الصين الأسبوع المقبل.")
    assert (visit.etype, visit.future) == ("Visit", True)


def test_the_speaker_of_a_report_is_outside_the_frame():
    [f] = frames_of("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس الروسي التقى الرئيس الصيني.")
    assert [e.key for e in f.candidates] == ["Q7747", "Q15031"]
    assert f.zones and not f.inside(type("Span", (), {"start": f.zones[0][0]})())


def test_a_denied_meeting_is_a_denied_frame():
    [f] = frames_of("نفى الكرملين أن يكون بوتين قد التقى ترامب.")
    assert f.denied and f.etype == "Meeting"


# ------------------------------------------------------------------ resolution
def mentions_of(body: str, published: dt.date | None = dt.date(2024, 5, 1)):
    return [(m.type, [p.key for p in m.participants]) for m in read_article(reading_of(body, published))]


def test_each_one_separately_is_one_meeting_per_pair():
    assert mentions_of("التقى فلاديمير بوتين في قازان كلا من مسعود بزشكيان ورجب طيب أردوغان، كل على حدة.") == [
        ("Meeting", ["Q7747", "Q5933752"]), ("Meeting", ["Q7747", "Q39259"])]


def test_the_two_presidents_are_the_pair_of_the_last_event():
    assert mentions_of("التقى الرئيس الفرنسي نظيره الصيني في بكين يوم 2 أبريل. "
                       "وكان الرئيسان قد أجريا اتصالا هاتفيا الشهر الماضي.") == [
        ("Meeting", ["Q3052772", "Q15031"]), ("PhoneCall", ["Q3052772", "Q15031"])]


def test_a_summit_keeps_only_the_leaders_the_text_places_there():
    assert mentions_of("شارك الرئيس الروسي ووزير الخارجية الصيني في القمة التي عقدت في جوهانسبرغ.") == [
        ("Summit", ["Q7747"])]


def test_a_denial_removes_the_event_told_later_in_the_article():
    assert mentions_of("نفى الكرملين أن يكون بوتين قد التقى ترامب. والتقى بوتين ترامب في ألاسكا.") == []


def test_a_short_name_two_places_share_is_the_one_whose_country_the_article_names():
    """"عمان" is Amman or Oman: the names stage takes the one of the country the article names elsewhere."""
    def place(countries: set[str]) -> list[str]:
        ctx = reading_of("وعقد الملك اجتماعا في عمان.")
        ctx.state.countries = countries  # read over the whole article before its sentences
        names = sentence_names(ctx, ctx.m.hits(ctx.text), find_dates(ctx.text), 0, len(ctx.text))
        return [p.entity.key for p in names.places]

    assert place({"Q810"}) == ["Q3805"]  # Jordan named: Amman
    assert place({"Q842"}) == ["Q842"]  # Oman named: Oman
    assert place(set()) == []  # neither: left out
