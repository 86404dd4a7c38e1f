"""What real news does that synthetic text did not: undated articles, lists of calls and
meetings, visits told in pieces, titles in undated articles, and the error report of kg eval.

Every sentence here is written for the test; none is taken from a news page.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.build import build
from kg.cli import app
from kg.evaluate import render, score
from kg.extract.events import extract_article
from kg.extract.merge import merge
from kg.extract.resources import load_gazetteer
from kg.models import Article
from kg.readback import events as read_events


def events_of(text: str, published: dt.date | None = None, article_id: str = "t1"):
    return merge(extract_article(Article(article_id, text, published))).events


def keys(e) -> set[str]:
    return {p.key for p in e.participants}


def labels(e) -> set[str]:
    return {p.label for p in e.participants}


def rows_of(text: str, published: dt.date | None = None, summits: bool = True) -> list[tuple]:
    """The article's events, as sorted (type, date, participants)."""
    return sorted((e.type, str(e.date), tuple(sorted(labels(e)))) for e in events_of(text, published)
                  if summits or e.type != "Summit")


def calls_of(text: str, published: dt.date | None = None) -> list[tuple[str, set[str]]]:
    """The phone calls of an article, as (date, participants)."""
    return [(str(e.date), labels(e)) for e in events_of(text, published) if e.type == "PhoneCall"]


# ------------------------------------------------------------------ undated articles
UNDATED_CALL = ("أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون "
                "تناول العلاقات الثنائية والأوضاع في المنطقة.")


def test_an_undated_article_keeps_its_call_without_a_date():
    [e] = events_of(UNDATED_CALL)
    assert e.type == "PhoneCall" and e.date is None
    assert labels(e) == {"Abdel Fattah el-Sisi", "Emmanuel Macron"}
    assert e.mentions[0].evidence.startswith("أجرى الرئيس المصري")


def test_undated_events_of_two_articles_stay_two(tmp_path):
    """Without dates nothing says two articles tell the same call: each keeps its own event."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": UNDATED_CALL, "published": None}, ensure_ascii=False)
                                for i in ("u1", "u2")) + "\n", encoding="utf-8")
    result = build([corpus])
    assert result.report.conforms, result.report.text()
    rows = read_events(result.graph)
    assert [r["date"] for r in rows] == [None, None]
    assert sorted(s for r in rows for s in r["sources"]) == ["u1", "u2"]
    assert result.undated == (2, 0)


def test_undated_events_show_in_the_table_and_the_summary(runner, tmp_path):
    src = tmp_path / "call.txt"
    src.write_text(UNDATED_CALL, encoding="utf-8")
    out = tmp_path / "g.ttl"
    built = runner.invoke(app, ["build", str(src), "-o", str(out)])
    assert built.exit_code == 0, built.output
    assert "undated events   1 (from articles without a publication date)" in built.output
    table = runner.invoke(app, ["events", str(out), "--format", "table"])
    assert table.exit_code == 0 and "undated" in table.output


def test_a_dated_article_still_never_invents_a_date():
    """In a dated article an undated mention that joins no dated event is left out, not dated."""
    text = "وكان الرئيس المصري عبد الفتاح السيسي قد التقى الرئيس الفرنسي إيمانويل ماكرون."
    assert events_of(text, dt.date(2024, 5, 2)) == []


def test_the_event_a_dated_report_opens_with_is_of_the_publication_day():
    text = ("اختتمت قمة الرئيس الأمريكي جو بايدن والرئيس الروسي فلاديمير بوتين في جنيف بعد ثلاث ساعات من المحادثات.\n"
            "وقال مسؤولون إن الأجواء كانت بناءة.")
    [e] = events_of(text, dt.date(2021, 6, 16))
    assert (e.type, str(e.date), keys(e)) == ("Meeting", "2021-06-16", {"Q6279", "Q7747"})


def test_an_undated_headline_takes_the_day_the_body_gives():
    text = ("الرئيس المصري يتلقى اتصالا هاتفيا من الرئيس الفرنسي\n"
            "تلقى الرئيس المصري عبد الفتاح السيسي أمس اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.")
    [e] = events_of(text, dt.date(2024, 5, 3))
    assert str(e.date) == "2024-05-02"


def test_only_the_opening_event_is_dated_by_the_report():
    text = ("قال المتحدث باسم الرئاسة إن الاقتصاد ينمو.\nوأضاف أن التعاون مستمر.\n"
            "والتقى الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون.")
    assert events_of(text, dt.date(2024, 5, 2)) == []


# ------------------------------------------------------------------ one event per pair
def test_plural_calls_from_a_list_are_one_call_each():
    text = ("تلقى الرئيس الروسي فلاديمير بوتين اتصالات هاتفية من الرئيس التركي رجب طيب أردوغان، "
            "والرئيس الإيراني مسعود بزشكيان، والرئيس الصيني شي جين بينغ، يوم الأحد 3 مارس 2024.")
    evs = events_of(text, dt.date(2024, 3, 4))
    assert len(evs) == 3
    assert all(e.type == "PhoneCall" and str(e.date) == "2024-03-03" for e in evs)
    assert all("Q7747" in keys(e) and len(keys(e)) == 2 for e in evs)


def test_each_separately_splits_a_sideline_meeting():
    text = ("التقى الرئيس الروسي فلاديمير بوتين على هامش القمة يوم 23 أكتوبر 2024 كلا من الرئيس التركي "
            "رجب طيب أردوغان والرئيس الإيراني مسعود بزشكيان، كل على حدة.")
    evs = [e for e in events_of(text, dt.date(2024, 10, 24)) if e.type == "Meeting"]
    assert len(evs) == 2
    assert all("Q7747" in keys(e) and len(keys(e)) == 2 and str(e.date) == "2024-10-23" for e in evs)


def test_a_list_without_a_distributive_word_is_one_meeting():
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي يوم 5 مايو 2024 كلا من العاهل الأردني الملك عبد الله الثاني "
            "والرئيس الفرنسي إيمانويل ماكرون.")
    evs = events_of(text, dt.date(2024, 5, 6))
    assert len(evs) == 1 and len(evs[0].participants) == 3


# ------------------------------------------------------------------ a visit told in pieces
def test_a_lone_arrival_joins_the_reception_that_names_the_host():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون يوم الأحد 4 فبراير 2024 إلى الرياض في زيارة رسمية. "
            "واستقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي في قصر اليمامة.")
    [e] = events_of(text, dt.date(2024, 2, 5))  # one event
    assert e.type == "Visit" and str(e.date) == "2024-02-04"
    assert labels(e) == {"Emmanuel Macron", "Mohammed bin Salman"}
    assert len(e.mentions) == 2


def test_a_visit_word_with_a_pronoun_suffix_is_a_visit():
    text = "اختتم الرئيس الصيني شي جين بينغ يوم 3 مايو 2024 زيارته إلى روسيا التي التقى خلالها الرئيس فلاديمير بوتين."
    visits = [e for e in events_of(text, dt.date(2024, 5, 4)) if e.type == "Visit"]
    assert [(str(e.date), keys(e)) for e in visits] == [("2024-05-03", {"Q15031", "Q7747"})]


def test_their_summit_is_a_meeting_of_the_two():
    text = "عقد الرئيسان الأمريكي دونالد ترامب والكوري الشمالي كيم جونغ أون قمتهما في هانوي في فبراير 2019."
    [e] = events_of(text, dt.date(2019, 3, 10))
    assert (e.type, str(e.date), keys(e), e.place.label) == ("Meeting", "2019-02", {"Q22686", "Q56226"}, "Hanoi")


def test_the_speakers_own_visit_in_a_quote_is_the_visit_told():
    text = ("قال رئيس الوزراء الهندي ناريندرا مودي إن القمة مهمة. وأشار مودي إلى أنه سيسافر إلى أثينا يوم الجمعة "
            "المقبل بدعوة من رئيس الوزراء اليوناني كيرياكوس ميتسوتاكيس، قائلا: \"ستكون هذه زيارتي الأولى لهذه "
            "الدولة، ويشرفني أن أكون أول رئيس وزراء هندي يزور اليونان\".")
    [e] = events_of(text, dt.date(2023, 8, 22))
    assert (e.type, e.status, str(e.date)) == ("Visit", "planned", "2023-08-25")


def test_a_medium_after_the_names_still_makes_the_call_a_phone_call():
    text = "اتصل الرئيس الأمريكي دونالد ترامب بالرئيس الروسي فلاديمير بوتين هاتفيا يوم 3 مايو 2025."
    assert [e.type for e in events_of(text, dt.date(2025, 5, 4))] == ["PhoneCall"]


@pytest.mark.parametrize("call", ["في اتصال هاتفي مساء أمس", "في اتصال هاتفي تلقاه منه أمس", "خلال اتصال عبر الفيديو أمس"])
def test_talks_told_as_held_in_the_call_that_follows_have_its_day(call):
    text = f"ناقش رئيس الوزراء الهندي ناريندرا مودي مع الرئيس البرازيلي لولا دا سيلفا {call} سبل تعزيز التجارة."
    [e] = events_of(text, dt.date(2024, 6, 12))
    assert (str(e.date), len(e.participants)) == ("2024-06-11", 2)


def test_greetings_exchanged_by_phone_are_a_phone_call():
    [e] = events_of("تبادل ملك المغرب محمد السادس والرئيس الموريتاني محمد ولد الغزواني التهاني هاتفيا اليوم "
                    "بمناسبة حلول شهر رمضان.", dt.date(2024, 3, 11))
    assert (e.type, str(e.date), len(e.participants)) == ("PhoneCall", "2024-03-11", 2)
    assert events_of("وتبادل البلدان الاتهامات بشأن الحادث.", dt.date(2024, 3, 11)) == []


def test_a_meeting_during_a_planned_visit_is_planned_too():
    text = ("يتوجه الرئيس الكيني ويليام روتو الشهر المقبل إلى بكين في زيارة دولة يلتقي خلالها الرئيس الصيني "
            "شي جين بينغ.")
    [e] = events_of(text, dt.date(2024, 3, 11))
    assert (e.type, e.status, str(e.date)) == ("Visit", "planned", "2024-04")


@pytest.mark.parametrize("when", ["الأسبوع الماضي", "الشهر المقبل", "العام الماضي"])
def test_a_time_after_a_title_and_surname_is_no_part_of_a_name(when):
    text = f"التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس شاكر {when} في باريس."
    keys = [p.key for e in events_of(text, dt.date(2024, 3, 11)) for p in e.participants]
    assert not [k for k in keys if any(w in k for w in ("الاسبوع", "الشهر", "العام"))], keys


def test_the_one_who_gives_a_reception_is_the_host():
    text = ("خص العاهل الأردني الملك عبد الله الثاني، اليوم في قصر الحسينية، الرئيس القبرصي نيكوس خريستودوليدس "
            "باستقبال رسمي.")
    [e] = events_of(text, dt.date(2024, 5, 6))
    assert e.type == "Visit" and e.roles == {"Q57464": "host", "name:Nikos Christodoulides": "visitor"}


def test_an_event_told_later_in_the_report_has_the_reports_day():
    text = ("استقبل الرئيس الإندونيسي برابوو سوبيانتو اليوم رئيس الوزراء الماليزي أنور إبراهيم في قصر ميرديكا. "
            "وأكد الرئيس أهمية العلاقات. وعقد الزعيمان جلسة مباحثات موسعة. "
            "كما تلقى الرئيس سوبيانتو في وقت لاحق اتصالا هاتفيا من الرئيس الصيني شي جين بينغ.")
    events = events_of(text, dt.date(2025, 6, 27))
    assert sorted((e.type, str(e.date)) for e in events) == [("PhoneCall", "2025-06-27"), ("Visit", "2025-06-27")]


@pytest.mark.parametrize("text, expected", [
    ("بحث رئيس الوزراء الياباني شيغيرو إيشيبا والرئيس الفرنسي إيمانويل ماكرون في طوكيو اليوم ملفات التعاون.",
     [("Meeting", "Tokyo")]),
    ("ناقش رئيس الوزراء الياباني شيغيرو إيشيبا والرئيس الفرنسي إيمانويل ماكرون بباريس اليوم ملفات التعاون.",
     [("Meeting", "Paris")]),
    ("بحث رئيس الوزراء الياباني شيغيرو إيشيبا ونظيره الأسترالي أنتوني ألبانيزي في كانبرا اليوم ملفات التعاون.",
     [("Meeting", "Canberra")]),
    # a place after the topic is what they discussed, and one leader alone met nobody
    ("بحث رئيس الوزراء الياباني شيغيرو إيشيبا والرئيس الفرنسي إيمانويل ماكرون الأوضاع في أوكرانيا.", []),
    ("بحث رئيس الوزراء الياباني شيغيرو إيشيبا في طوكيو اليوم ملفات التعاون.", []),
])
def test_two_leaders_discussing_in_a_city_met_there(text, expected):
    events = events_of(text, dt.date(2025, 3, 18))
    assert [(e.type, e.place.label if e.place else None) for e in events] == expected


@pytest.mark.parametrize("visit", ["، عندما زار اليابان", " خلال زيارته إلى اليابان", "، حين زار طوكيو"])
def test_a_meeting_told_with_the_visit_it_was_held_on_is_where_that_visit_went(visit):
    text = f"وكان الرئيس الفلبيني فرديناند ماركوس قد التقى رئيس الوزراء الياباني فوميو كيشيدا في نوفمبر الماضي{visit}."
    [e] = events_of(text, dt.date(2024, 2, 5))
    assert (str(e.date), e.place.label) == ("2023-11", "Tokyo" if "طوكيو" in visit else "Japan")


def test_a_virtual_meeting_is_a_video_call():
    text = "عقد الرئيس الأمريكي جو بايدن والرئيس الصيني شي جين بينغ اجتماعا افتراضيا يوم 3 مايو 2022."
    assert [e.type for e in events_of(text, dt.date(2022, 5, 4))] == ["VideoCall"]


@pytest.mark.parametrize("summit, expected", [
    ("قمة افتراضية", "VideoCall"),
    ("قمة عبر الفيديو", "VideoCall"),
    ("قمة افتراضية عبر تقنية الفيديو", "VideoCall"),
    ("قمة", "Meeting"),  # held in person
])
def test_a_virtual_summit_of_two_leaders_is_a_video_call(summit, expected):
    text = f"وعقد الرئيسان الفرنسي إيمانويل ماكرون والبرازيلي لولا دا سيلفا {summit} يوم 9 يونيو 2024 ناقشا فيها المناخ."
    [e] = events_of(text, dt.date(2024, 6, 10))
    assert (e.type, str(e.date), len(e.participants)) == (expected, "2024-06-09", 2)


def test_a_virtual_summit_of_many_leaders_stays_a_summit():
    text = "شارك الرئيس الفرنسي إيمانويل ماكرون والرئيس البرازيلي لولا دا سيلفا في القمة الافتراضية لمجموعة العشرين يوم 9 يونيو 2024."
    assert [e.type for e in events_of(text, dt.date(2024, 6, 10))] == ["Summit"]


def test_a_weekday_that_ends_the_sentence_is_the_day():
    text = "التقى الرئيس الروسي فلاديمير بوتين نظيره الإيراني مسعود بزشكيان في عشق آباد الجمعة."
    assert [str(e.date) for e in events_of(text, dt.date(2024, 10, 13))] == ["2024-10-11"]


def test_the_last_day_of_a_stay_is_not_the_visits_day():
    text = "ويبدأ الرئيس الصيني شي جين بينغ الأربعاء، زيارة رسمية للسعودية تستمر حتى الجمعة."
    assert [str(e.date) for e in events_of(text, dt.date(2024, 10, 13))] == ["2024-10-09"]


# ------------------------------------------------------------------ titles in undated articles
def test_an_undated_article_reads_titles_in_the_era_of_the_people_it_names():
    """"The German chancellor" in an undated article naming Scholz and Li Keqiang is Scholz, not
    whoever holds the office today."""
    text = ("وصل المستشار الألماني أولاف شولتس إلى بكين في زيارة تستغرق يوما واحدا، والتقى رئيس مجلس الدولة "
            "الصيني لي كه تشيانغ. واستقبل الرئيس الصيني شي جين بينغ المستشار الألماني في قاعة الشعب الكبرى.")
    evs = events_of(text)
    people = {p.label for e in evs for p in e.participants}
    assert "Olaf Scholz" in people and "Friedrich Merz" not in people


def test_era_is_when_the_named_people_held_office_together():
    gaz = load_gazetteer()
    # Putin's presidency since 2012 and Merkel's chancellorship (2005-2021) overlap in 2012-2021
    day = gaz.era(["Q7747", "Q567"])
    assert dt.date(2012, 5, 7) <= day <= dt.date(2021, 12, 8)
    assert gaz.era([]) is None


def test_a_first_name_followed_by_an_unknown_surname_is_someone_else():
    """"فلاديمير" is Putin's short name, but "فلاديمير كوستوف" is a person kg does not know."""
    text = ("استقبل الرئيس الصيني شي جين بينغ يوم 2 يونيو 2024 السيد فلاديمير كوستوف في بكين.")
    people = {p.key for e in events_of(text, dt.date(2024, 6, 3)) for p in e.participants}
    assert "Q7747" not in people


def test_a_definite_title_before_to_a_country_is_not_that_countrys_office_holder():
    """"زيارة الرئيس للهند" is the president's visit to India, not India's president."""
    text = ("استقبل رئيس الوزراء الهندي ناريندرا مودي الرئيس المصري عبد الفتاح السيسي في نيودلهي "
            "يوم 25 يناير 2023، وجاءت زيارة الرئيس للهند تلبية لدعوة رسمية.")
    people = {p.label for e in events_of(text, dt.date(2023, 1, 26)) for p in e.participants}
    assert "Droupadi Murmu" not in people and "Ram Nath Kovind" not in people


# ------------------------------------------------------------------ the error report
GOLD = {
    "format": "kg-gold/1",
    "articles": [{"id": "x1"}, {"id": "x2"}],
    "entities": {"Q1": {"en": "Ann"}, "Q2": {"en": "Bob"}, "Q3": {"en": "Cy"}},
    "events": [
        {"id": "g1", "required": True, "type": "PhoneCall", "participants": ["Q1", "Q2"], "date": "2024-01-02",
         "place": None, "sources": ["x1"]},
        {"id": "g2", "required": True, "type": "Visit", "participants": ["Q1", "Q3"], "date": "2024-01-05",
         "place": ["Q9"], "sources": ["x1"]},
        {"id": "g3", "required": True, "type": "Meeting", "participants": ["Q2", "Q3"], "date": "2024-02-01",
         "place": None, "sources": ["x2"]},
    ],
}


def pred(etype, date, people, source, text="..."):
    return {"type": etype, "date": date, "participants": [{"label": p, "wikidata": q} for p, q in people],
            "place": None, "sources": [source], "evidence": [{"source": source, "text": text}]}


def test_eval_reports_each_gold_events_outcome_and_spurious_evidence():
    predicted = [
        pred("PhoneCall", "2024-01-02", [("Ann", "Q1"), ("Bob", "Q2")], "x1"),
        pred("Visit", "2024-01-05", [("Ann", "Q1"), ("Cy", "Q3")], "x1"),
        pred("Meeting", "2024-03-01", [("Bob", "Q2"), ("Cy", "Q3")], "x2", "met in March"),
        pred("PhoneCall", "2024-01-09", [("Ann", "Q1"), ("Dee", None)], "x2", "a call with Dee"),
    ]
    r = score(GOLD, predicted)
    outcome = {g["id"]: g["outcome"] for g in r["gold_events"]}
    assert outcome == {"g1": "matched", "g2": "wrong place", "g3": "wrong date"}
    assert r["by_type"]["PhoneCall"] == {"gold": 1, "found": 1, "predicted_right": 1, "predicted_wrong": 1,
                                         "precision": 0.5, "recall": 1.0, "f1": 0.667}
    assert r["by_type"]["Meeting"]["recall"] == 0.0
    spurious_text = [e["text"] for f in r["false_positives"] for e in f["evidence"]]
    assert spurious_text == ["met in March", "a call with Dee"]
    text = render(r)
    assert "wrong date: g3 Meeting 2024-02-01 Q2, Q3" in text
    assert "    predicted: Meeting 2024-03-01 Q2, Q3" in text
    assert "    [x2] a call with Dee" in text


def test_eval_says_why_a_gold_event_was_missed():
    predicted = [pred("Meeting", "2024-01-02", [("Ann", "Q1"), ("Bob", "Q2")], "x1"),
                 pred("Visit", "2024-01-05", [("Ann", "Q1")], "x1")]
    outcome = {g["id"]: g["outcome"] for g in score(GOLD, predicted)["gold_events"]}
    assert outcome == {"g1": "wrong type", "g2": "wrong participants", "g3": "missed"}


# ------------------------------------------------------------------ held, planned, and the same event twice
def test_an_event_announced_and_then_held_is_one_held_event():
    text = ("ومن المقرر أن يلتقي الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس في برلين يوم 6 مايو 2023. "
            "والتقى ماكرون وشولتس في برلين يوم 6 مايو 2023 وبحثا العلاقات الثنائية.")
    [e] = events_of(text, dt.date(2023, 5, 7))  # one event
    assert e.status == "occurred" and str(e.date) == "2023-05-06"
    assert {m.status for m in e.mentions} == {"planned", "occurred"}


def test_tomorrow_makes_a_visit_planned_even_without_a_publication_date():
    text = "يزور الرئيس الفرنسي إيمانويل ماكرون غدا الأحد المغرب في زيارة رسمية."
    [e] = events_of(text)
    assert e.status == "planned" and e.date is None


def mentions_of(text: str, published: dt.date | None = None):
    return extract_article(Article("t1", text, published))


def test_the_announcement_day_is_not_the_planned_visits_day():
    text = ("أعلنت الرئاسة المصرية، اليوم الثلاثاء، أن الرئيس الفرنسي إيمانويل ماكرون سيقوم بزيارة إلى القاهرة "
            "بعد عيد الفطر.")
    [m] = mentions_of(text, dt.date(2024, 3, 5))
    assert m.status == "planned" and m.date is None


def test_a_date_after_then_belongs_to_the_next_leg():
    text = ("ومن المقرر أن يزور الرئيس الفرنسي إيمانويل ماكرون الرياض أولا، ثم يتوجه إلى الدوحة "
            "غدا الأربعاء.")
    [m] = mentions_of(text, dt.date(2024, 3, 5))
    assert m.place.label == "Riyadh" and m.date is None


# ------------------------------------------------------------------ who visits whom
def test_the_one_who_arrived_is_the_guest_whatever_the_word_order():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون يوم الأحد 4 فبراير 2024 إلى الرياض. "
            "واستقبل الرئيس الفرنسي ولي العهد السعودي الأمير محمد بن سلمان في المطار.")
    [e] = events_of(text, dt.date(2024, 2, 5))
    roles = {next(p.label for p in e.participants if p.key == k): r for k, r in e.roles.items()}
    assert roles == {"Emmanuel Macron": "visitor", "Mohammed bin Salman": "host"}


def test_a_receiving_verb_with_an_object_pronoun_receives_the_visitor():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون يوم الأحد 4 فبراير 2024 إلى الرياض في زيارة رسمية، "
            "ومن المقرر أن يلتقي الأمير محمد بن سلمان اليوم قبل أن يستقبله الملك سلمان بن عبدالعزيز الثلاثاء.")
    received = [m for m in mentions_of(text, dt.date(2024, 2, 5)) if m.trigger.startswith("يستقبل")]
    assert [labels(m) for m in received] == [{"Salman of Saudi Arabia", "Emmanuel Macron"}]
    assert received[0].status == "planned" and str(received[0].date) == "2024-02-06"


def test_the_subject_before_a_receiving_verb_with_an_object_pronoun_is_the_guest():
    """"حط X في الدوحة، حيث استقبله الأمير": X, named before the verb, is received; and in the next
    stop of the tour, "استقبله" is X again, not the host of the stop before."""
    text = ("يواصل الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا جولته، وقد حط أمس الاثنين في الدوحة، حيث استقبله "
            "أمير قطر الشيخ تميم بن حمد آل ثاني. وكانت الجولة قد بدأت الخميس الماضي من القاهرة، حيث استقبله "
            "الرئيس عبد الفتاح السيسي.")
    found = {str(e.date): {next(p.label for p in e.participants if p.key == k): r for k, r in e.roles.items()}
             for e in events_of(text, dt.date(2024, 2, 13))}
    assert found["2024-02-12"] == {"Luiz Inácio Lula da Silva": "visitor", "Tamim bin Hamad Al Thani": "host"}
    assert found["2024-02-08"] == {"Luiz Inácio Lula da Silva": "visitor", "Abdel Fattah el-Sisi": "host"}


def test_an_expected_end_of_a_tour_is_planned():
    text = "وينتظر أن يختتم الرئيس الفنزويلي نيكولاس مادورو جولته في باكو، حيث يلتقي الرئيس الأذربيجاني إلهام علييف."
    assert {m.status for m in mentions_of(text, dt.date(2022, 6, 14))} == {"planned"}


def test_those_accompanying_a_leader_are_not_participants():
    text = ("ولدى وصوله إلى الرباط يوم 4 مارس 2024، كان في استقبال الرئيس الفرنسي إيمانويل ماكرون الملك محمد السادس، "
            "مرفوقا بولي العهد الأمير مولاي الحسن، والأمير مولاي رشيد.")
    people = {p.label for e in events_of(text, dt.date(2024, 3, 5)) for p in e.participants}
    assert "Moulay Hassan, Crown Prince of Morocco" not in people
    assert not any("رشيد" in p for p in people)


def test_a_title_before_a_name_kg_does_not_know_is_not_the_articles_office_holder():
    text = ("وصل الملك سلمان بن عبدالعزيز يوم 12 مارس 2017 إلى طوكيو، في أول زيارة من نوعها منذ زيارة "
            "الملك خالد عام 1981.")
    evs = events_of(text, dt.date(2017, 3, 13))
    assert not any(e.date is not None and str(e.date) == "1981" for e in evs)


def test_a_weekday_before_a_place_is_the_day_of_arrival():
    text = "وصل الرئيس الفرنسي إيمانويل ماكرون الأحد إلى الرياض في زيارة رسمية."
    [e] = events_of(text, dt.date(2024, 2, 6))  # a Tuesday
    assert str(e.date) == "2024-02-04"


# ------------------------------------------------------------------ summits
def test_a_sideline_meeting_also_tells_its_summit():
    text = ("التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين يوم 4 يوليو 2024 على هامش قمة "
            "منظمة شنغهاي للتعاون في أستانا.")
    evs = events_of(text, dt.date(2024, 7, 5))
    assert sorted(e.type for e in evs) == ["Meeting", "Summit"]
    summit = next(e for e in evs if e.type == "Summit")
    assert str(summit.date) == "2024-07" and summit.participants == () and summit.place.label == "Astana"


def test_a_leader_who_arrives_to_take_part_attends_the_summit_the_article_tells():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض يوم 10 مايو 2025 للمشاركة في القمة الخليجية. "
            "ويفتتح ولي العهد السعودي الأمير محمد بن سلمان القمة يوم 11 مايو 2025.")
    summits = [e for e in events_of(text, dt.date(2025, 5, 10)) if e.type == "Summit"]
    assert [labels(e) for e in summits] == [{"Emmanuel Macron", "Mohammed bin Salman"}]


def test_a_leader_who_arrives_to_take_part_tells_the_summit():
    text = "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض يوم 10 مايو 2025 لحضور القمة الخليجية."
    [summit] = [e for e in events_of(text, dt.date(2025, 5, 10)) if e.type == "Summit"]
    assert labels(summit) == {"Emmanuel Macron"} and str(summit.date) == "2025-05"


def test_a_summit_held_on_a_day_and_in_a_place_is_an_event_without_named_leaders():
    text = "عقدت القمة الخليجية الخامسة والأربعون في المنامة يوم الأحد 1 ديسمبر 2024 بمشاركة قادة دول المجلس."
    [e] = events_of(text, dt.date(2024, 12, 2))
    assert (e.type, str(e.date), e.place.label, e.participants) == ("Summit", "2024-12-01", "Manama", ())


@pytest.mark.parametrize("adjectives", ["", " الاقتصادية", " العربية الاقتصادية", " العربية الاقتصادية التنموية"])
def test_a_clause_on_a_summit_and_its_adjectives_dates_the_summit(adjectives):
    text = (f"شارك الرئيس اللبناني ميشال عون في القمة{adjectives} التي عقدت في بيروت يوم 20 يناير، "
            "وألقى كلمة في افتتاحها.")
    [e] = events_of(text, dt.date(2019, 1, 22))
    assert (e.type, str(e.date), e.place.label) == ("Summit", "2019-01-20", "Beirut")


def test_a_summit_only_talked_about_is_no_event():
    text = "وقال مراقبون إن القمة في الكويت تعد تاريخية."
    assert events_of(text, dt.date(2024, 12, 2)) == []


def test_a_meeting_at_summit_level_is_a_summit():
    text = ("يشارك العاهل الأردني الملك عبد الله الثاني يوم 19 مايو 2023 في اجتماع مجلس جامعة الدول العربية "
            "على مستوى القمة في جدة.")
    evs = events_of(text, dt.date(2023, 5, 19))
    assert [e.type for e in evs] == ["Summit"]


def test_a_summits_participants_are_leaders_not_ministers():
    text = ("شارك الرئيس المصري عبد الفتاح السيسي ووزير الخارجية سامح شكري في القمة العربية في جدة "
            "يوم 19 مايو 2023.")
    people = {p.label for e in events_of(text, dt.date(2023, 5, 20)) if e.type == "Summit" for p in e.participants}
    assert people == {"Abdel Fattah el-Sisi"}


# ------------------------------------------------------------------ more pairs, purposes and recalled events
def test_a_meeting_verb_with_a_list_is_one_meeting_per_pair():
    text = ("سيلتقي الرئيس البرازيلي لولا دا سيلفا الثلاثاء المقبل في بوينس آيرس نظيريه الكوبي ميغيل دياز كانيل "
            "والفنزويلي نيكولاس مادورو.")
    pairs = sorted(sorted(m.participants[i].label for i in range(len(m.participants)))
                   for m in mentions_of(text) if m.type == "Meeting")
    assert len(pairs) == 2 and all(len(p) == 2 and "Luiz Inácio Lula da Silva" in p for p in pairs)


def test_a_joint_meeting_of_three_stays_one():
    text = ("اجتمع العاهل الأردني الملك عبد الله الثاني والرئيس المصري عبد الفتاح السيسي والرئيس الفرنسي "
            "إيمانويل ماكرون في اجتماع ثلاثي في عمان يوم 3 مايو 2024.")
    meetings = [m for m in mentions_of(text, dt.date(2024, 5, 4)) if m.type == "Meeting"]
    assert meetings and all(len(m.participants) == 3 for m in meetings)


def test_a_meeting_that_an_arrival_is_for_is_the_arrivers():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة لعقد اجتماع ثنائي مع الرئيس المصري عبد الفتاح السيسي.")
    meetings = [m for m in mentions_of(text) if m.type == "Meeting"]
    assert [labels(m) for m in meetings] == [{"Emmanuel Macron", "Abdel Fattah el-Sisi"}]


def test_an_earlier_meeting_in_another_country_is_another_undated_event():
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس المصري عبد الفتاح السيسي في باريس. "
            "وكان الزعيمان قد اجتمعا في وقت سابق في القاهرة.")
    evs = events_of(text)
    assert sorted(e.place.label for e in evs) == ["Cairo", "Paris"]


def test_the_climate_conference_is_a_summit():
    text = "شارك الرئيس المصري عبد الفتاح السيسي في مؤتمر المناخ في شرم الشيخ يوم 7 نوفمبر 2022."
    [e] = events_of(text, dt.date(2022, 11, 8))
    assert e.type == "Summit" and e.place.label == "Sharm El Sheikh"


def test_an_announced_visit_joins_the_held_one_of_the_same_visitor_without_its_inviter():
    text = ("ويبدأ الرئيس الصيني شي جين بينغ يوم 7 ديسمبر 2022 زيارة رسمية إلى السعودية تلبية لدعوة من العاهل "
            "السعودي الملك سلمان بن عبد العزيز. واستقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الصيني "
            "في الرياض يوم 8 ديسمبر 2022.")
    visits = [e for e in events_of(text, dt.date(2022, 12, 9)) if e.type == "Visit" and e.status == "occurred"]
    assert [labels(e) for e in visits] == [{"Xi Jinping", "Mohammed bin Salman"}]


def test_his_call_with_someone_is_his_not_the_listeners():
    text = ("وأطلع الرئيس الأمريكي دونالد ترامب أمير قطر الشيخ تميم بن حمد آل ثاني على نتائج اتصاله مع "
            "ولي العهد السعودي الأمير محمد بن سلمان.")
    calls = [m for m in mentions_of(text) if m.family == "call"]
    assert [labels(m) for m in calls] == [{"Donald Trump", "Mohammed bin Salman"}]


def test_whoever_arranged_a_call_is_not_in_it():
    text = ("وأجرى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا مع ولي العهد السعودي الأمير محمد بن سلمان "
            "بتنسيق من الرئيس الأمريكي دونالد ترامب.")
    [m] = mentions_of(text)
    assert labels(m) == {"Tamim bin Hamad Al Thani", "Mohammed bin Salman"}


def test_being_received_at_the_airport_joins_the_arrival():
    text = ("وصل الرئيس الأمريكي دونالد ترامب صباح اليوم الثلاثاء إلى الرياض. وكان في استقباله في المطار "
            "ولي العهد السعودي الأمير محمد بن سلمان.")
    [e] = events_of(text, dt.date(2025, 5, 13))
    assert labels(e) == {"Donald Trump", "Mohammed bin Salman"} and str(e.date) == "2025-05-13"


def test_a_name_before_its_title_is_the_person_of_the_title():
    text = ("استقبل الرئيس الجزائري عبد المجيد تبون يوم 3 فبراير 2026 كارلوس مونتيرو، وزير الخارجية البرتغالي "
            "الذي يقوم بزيارة إلى الجزائر.")
    people = {p.surface or p.label for m in mentions_of(text, dt.date(2026, 2, 3)) for p in m.participants}
    assert "كارلوس مونتيرو" in people


def test_a_longer_patronymic_name_is_someone_else():
    text = ("أكد السفير السعودي لدى الدوحة، عبدالله بن عبدالعزيز الراشد، أهمية زيارة الملك سلمان بن عبدالعزيز إلى قطر.")
    people = {p.label for m in mentions_of(text) for p in m.participants}
    assert "Abdullah of Saudi Arabia" not in people


def test_a_known_patronymic_name_before_its_object_is_still_the_person():
    text = "بحث ولي العهد السعودي الأمير محمد بن سلمان العلاقات الثنائية مع الرئيس الفرنسي إيمانويل ماكرون."
    people = {p.label for m in mentions_of(text) for p in m.participants}
    assert "Mohammed bin Salman" in people


def test_a_person_the_article_introduced_is_known_by_name_later():
    # 1994: before the gazetteer's first office holders, so the title names someone kg does not know
    text = ("قال رئيس الوزراء الماليزي الجديد، داتو حسن الرشيد، إنه سعيد بالتكليف. "
            "وكشفت وسائل إعلام يوم 24 نوفمبر 1994 أن داتو حسن الرشيد تحدث إلى الرئيس الإندونيسي سوهارتو "
            "عبر الهاتف.")
    people = {p.surface or p.label for m in mentions_of(text, dt.date(1994, 11, 25)) for p in m.participants}
    assert "داتو حسن الرشيد" in people


def test_talking_to_someone_in_an_article_of_phone_calls_is_a_phone_call():
    text = ("تلقى الرئيس المصري عبد الفتاح السيسي اتصالات هاتفية عديدة يوم 2 مايو 2024. "
            "وأفادت الرئاسة بأن السيسي تحدث إلى الرئيس الفرنسي إيمانويل ماكرون يوم 2 مايو 2024.")
    types = {e.type for e in events_of(text, dt.date(2024, 5, 3))}
    assert types == {"PhoneCall"}


def test_a_call_received_after_an_earlier_one_in_the_sentence_is_the_same_receivers():
    text = ("وقال المكتب إن الرئيس المصري عبد الفتاح السيسي تلقى اتصالا من الرئيس الفرنسي إيمانويل ماكرون، "
            "كما تلقى أمس اتصالا هاتفيا من العاهل الأردني الملك عبد الله الثاني.")
    calls = [labels(m) for m in mentions_of(text, dt.date(2024, 5, 3)) if m.family == "call"]
    assert {"Abdel Fattah el-Sisi", "Abdullah II of Jordan"} in calls


def test_eval_can_match_each_prediction_within_its_own_article_only():
    """An undated gold summit accepts any summit: across articles one article's summit can take
    another's, and that article's own summit then counts as a duplicate."""
    gold = {"format": "kg-gold/1", "articles": [{"id": "s1"}, {"id": "s2"}], "entities": {},
            "events": [{"id": "k1", "required": True, "type": "Summit", "participants": [], "date": None,
                        "place": None, "sources": ["s1"]},
                       {"id": "k2", "required": True, "type": "Summit", "participants": [], "date": "2024-07",
                        "place": None, "sources": ["s2"]}]}
    predicted = [pred("Summit", "2024-07-04", [], "s2"), pred("Summit", None, [], "s1")]
    across = score(gold, predicted)
    assert (across["tp"], across["duplicates"]) == (1, 1)
    own = score(gold, predicted, same_article=True)
    assert (own["tp"], own["duplicates"]) == (2, 0)
    assert [d["of"] for d in across["duplicate_predictions"]] == [["k1"]]


# ------------------------------------------------------------------ places
PLACES = [
    # a venue is placed in its city
    ("استقبل الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في الكرملين يوم 21 مارس 2023.",
     dt.date(2023, 3, 22), "Visit", "Moscow"),
    # a visit without a named place is in its host's country
    ("استقبل الرئيس المصري عبد الفتاح السيسي يوم 5 مايو 2024 العاهل الأردني الملك عبد الله الثاني.",
     dt.date(2024, 5, 6), "Visit", "Egypt"),
    # a sideline meeting is where its summit is held
    ("التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين يوم 4 يوليو 2024 على هامش قمة "
     "منظمة شنغهاي للتعاون التي تستضيفها العاصمة الكازاخية أستانا منذ يومين وسط حضور واسع.",
     dt.date(2024, 7, 5), "Meeting", "Astana"),
    # a dateline places a meeting that no sentence places
    ("الرياض - (وكالات)\nالتقى ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون "
     "يوم 4 ديسمبر 2024 وبحثا العلاقات الثنائية.", dt.date(2024, 12, 5), "Meeting", "Riyadh"),
    # a stated place wins over the dateline
    ("القاهرة - (وكالات)\nالتقى ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون "
     "في باريس يوم 4 ديسمبر 2024.", dt.date(2024, 12, 5), "Meeting", "Paris"),
    # a city after "بمدينة" is a place, not a name-giver
    ("التقى الرئيس الأمريكي دونالد ترامب يوم 29 يونيو 2019 الرئيس الصيني شي جين بينغ على هامش قمة "
     "مجموعة العشرين التي بدأت أعمالها بمدينة أوساكا اليابانية.", dt.date(2019, 6, 30), "Meeting", "Osaka"),
    # a summit with a long name is placed where it meets
    ("شارك الرئيس الروسي فلاديمير بوتين يوم 4 يوليو 2024 في قمة مجلس رؤساء الدول الأعضاء في منظمة "
     "شنغهاي للتعاون في دورته الرابعة والعشرين المنعقدة في أستانا.", dt.date(2024, 7, 5), "Summit", "Astana"),
    # a meeting during a visit is where the visit is
    ("وصل الملك سلمان بن عبدالعزيز يوم الأحد 12 مارس 2017 إلى طوكيو في زيارة رسمية. "
     "ومن المقرر أن يتباحث اليوم الاثنين مع رئيس الحكومة اليابانية شينزو آبي.",
     dt.date(2017, 3, 13), "Meeting", "Tokyo"),
    # a short name two places share is the one of the country the article names ("عمان": Amman, not Oman)
    ("يستضيف العاهل الأردني الملك عبد الله الثاني يوم 3 مايو 2024 قمة ثلاثية في عمّان تجمعه بالرئيس المصري "
     "عبد الفتاح السيسي.", dt.date(2024, 5, 3), "Meeting", "Amman"),
    # ... after "إلى" too
    ("وصل الرئيس المصري عبد الفتاح السيسي يوم 3 مايو 2024 إلى عمان في زيارة يلتقي خلالها العاهل الأردني "
     "الملك عبد الله الثاني.", dt.date(2024, 5, 3), "Visit", "Amman"),
    # ... and nothing when the article names neither country
    ("عقد الرئيس المصري عبد الفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون قمة في عمان يوم 3 مايو 2024.",
     dt.date(2024, 5, 3), "Meeting", None),
    # a summit told without a place is where the article says its summit is held
    ("استقبل الرئيس المصري عبد الفتاح السيسي يوم 6 نوفمبر 2022 رئيس الوزراء الهندي ناريندرا مودي قبل افتتاح "
     "مؤتمر المناخ المنعقد في شرم الشيخ.\nوافتتح الرئيس المصري أعمال قمة المناخ بحضور عشرات القادة.",
     dt.date(2022, 11, 7), "Summit", "Sharm El Sheikh"),
    # a word for a kind of place passes the preposition on: "في منتجع سوتشي", "بقاعدة ... بريف اللاذقية"
    ("التقى الرئيس الروسي فلاديمير بوتين يوم 3 مايو 2024 الرئيس التركي رجب طيب أردوغان في منتجع سوتشي.",
     dt.date(2024, 5, 3), "Meeting", "Sochi"),
    ("التقى الرئيس الروسي فلاديمير بوتين يوم 3 مايو 2024 الرئيس السوري بشار الأسد بقاعدة جوية بريف اللاذقية.",
     dt.date(2024, 5, 3), "Meeting", "Latakia"),
    ("استقبل الرئيس المصري عبد الفتاح السيسي يوم 3 مايو 2024 العاهل الأردني الملك عبد الله الثاني لدى وصوله "
     "إلى مطار القاهرة الدولي.", dt.date(2024, 5, 3), "Visit", "Cairo"),
]


@pytest.mark.parametrize("text, published, etype, place", PLACES, ids=[
    "venue-city", "host-country", "sideline-summit", "dateline", "stated-over-dateline", "city-word",
    "long-summit-name", "meeting-during-visit", "short-name-by-country", "short-name-after-to", "short-name-unresolved",
    "summit-placed-elsewhere-in-article", "resort", "base-in-countryside", "airport"])
def test_places(text, published, etype, place):
    events = [e for e in events_of(text, published) if e.type == etype]
    assert [e.place.label if e.place else None for e in events] == [place]


def test_a_day_between_the_verb_and_its_object_dates_the_call():
    text = ("وقال المكتب إن الرئيس المصري عبد الفتاح السيسي تلقى اتصالا من الرئيس الفرنسي إيمانويل ماكرون، "
            "كما تلقى أمس، اتصالا هاتفيا من العاهل الأردني الملك عبد الله الثاني.")
    calls = [m for m in mentions_of(text, dt.date(2024, 5, 3)) if "Abdullah II of Jordan" in labels(m)]
    assert [str(m.date) for m in calls] == ["2024-05-02"]


def test_a_call_made_during_the_reported_meeting_is_of_the_meetings_day():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون، الخميس، المستشار الألماني أولاف شولتس في قصر الإليزيه. "
            "وكان الرئيسان قد التقيا في 3 مارس الماضي في برلين. "
            "وذكرت مصادر أن ماكرون قطع الاجتماع لإجراء اتصال هاتفي مع الرئيس الأمريكي جو بايدن.")
    # the meeting the article reports (2 May), not the last date told (3 March)
    assert calls_of(text, dt.date(2024, 5, 3)) == [("2024-05-02", {"Emmanuel Macron", "Joe Biden"})]


def test_a_call_told_apart_from_any_reported_event_stays_undated():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون، الخميس، المستشار الألماني أولاف شولتس في قصر الإليزيه. "
            "وذكرت مصادر أن ماكرون أجرى اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن.")
    assert [e for e in events_of(text, dt.date(2024, 5, 3)) if e.type == "PhoneCall"] == []


def test_a_meeting_being_arranged_at_the_end_of_the_talks_is_planned_not_of_that_day():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون، الخميس، المستشار الألماني أولاف شولتس في قصر الإليزيه. "
            "وقال ماكرون في ختام المحادثات إنه بدأ ترتيبات لقاء بين الرئيس الأمريكي جو بايدن والرئيس "
            "الصيني شي جين بينغ.")
    assert [e for e in events_of(text, dt.date(2024, 5, 3)) if "Joe Biden" in labels(e)] == []


def test_where_hangs_the_meeting_on_the_day_of_the_clause_before_and_the_same_day_on_the_sentences_event():
    text = ("بدأ الرئيس الفرنسي إيمانويل ماكرون جولة خليجية الأحد في الرياض، حيث التقى ولي العهد "
            "السعودي الأمير محمد بن سلمان، ثم انتقل في اليوم نفسه إلى الدوحة حيث التقى أمير قطر الشيخ تميم بن حمد آل ثاني.")
    meetings = sorted((str(e.date), e.place.label if e.place else None, labels(e) - {"Emmanuel Macron"})
                      for e in events_of(text, dt.date(2024, 5, 8)) if e.type == "Meeting")
    assert meetings == [("2024-05-05", "Doha", {"Tamim bin Hamad Al Thani"}),
                        ("2024-05-05", "Riyadh", {"Mohammed bin Salman"})]


def test_a_bare_title_is_the_person_the_article_gave_that_title_among_several_heads_of_state():
    text = ("استقبل الشيخ مشعل الأحمد الجابر الصباح أمير دولة الكويت، أمس، الرئيس الفرنسي إيمانويل ماكرون. "
            "وتلقى سمو الأمير اليوم اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان.")
    calls = [e for e in events_of(text, dt.date(2024, 5, 3)) if e.type == "PhoneCall"]
    assert [labels(e) for e in calls] == [{"Mishal Al-Ahmad Al-Jaber Al-Sabah", "Recep Tayyip Erdoğan"}]


@pytest.mark.parametrize("text, expected", [
    ("وبحث الرئيسان المصري والفرنسي خلال اتصال هاتفي اليوم الأوضاع في المنطقة.",
     {"Abdel Fattah el-Sisi", "Emmanuel Macron"}),
    ("التقى الزعيمان الصيني والروسي في موسكو أمس.", {"Xi Jinping", "Vladimir Putin"}),
], ids=["presidents", "leaders"])
def test_the_two_presidents_of_two_named_countries_are_their_office_holders(text, expected):
    assert [labels(e) for e in events_of(text, dt.date(2024, 5, 3))] == [expected]


def test_the_meeting_that_brought_two_leaders_together_among_the_days_meetings_has_that_day():
    text = ("وشهدت القمة أمس الثلاثاء لقاءات ثنائية عديدة على هامشها، أبرزها اللقاء الذي جمع الرئيس الروسي "
            "فلاديمير بوتين والرئيس التركي رجب طيب أردوغان.")
    assert [(str(e.date), labels(e)) for e in events_of(text, dt.date(2024, 5, 8)) if e.type == "Meeting"] == [
        ("2024-05-07", {"Vladimir Putin", "Recep Tayyip Erdoğan"})]


def test_a_bare_construct_title_is_the_one_holder_the_article_named():
    text = ("استقبل ولي العهد الكويتي الشيخ صباح الخالد الحمد الصباح، اليوم، الرئيس الفرنسي إيمانويل ماكرون. "
            "وكان ولي العهد قد بحث في اتصال هاتفي مع الرئيس التركي رجب طيب أردوغان في مارس الماضي العلاقات الثنائية.")
    calls = [e for e in events_of(text, dt.date(2025, 5, 3)) if e.type == "PhoneCall"]  # crown prince since 2024
    assert [(str(e.date), "Recep Tayyip Erdoğan" in labels(e), len(e.participants)) for e in calls] == [("2025-03", True, 2)]


def test_their_summit_after_another_event_word_is_their_own_earlier_meeting():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون، اليوم، المستشار الألماني أولاف شولتس في باريس. "
            "ويأتي اللقاء بعد قمتهما الأولى في برلين في مارس 2022.")
    meetings = sorted((str(e.date), e.place.label if e.place else None)
                      for e in events_of(text, dt.date(2024, 5, 3)) if e.type == "Meeting")
    assert meetings == [("2022-03", "Berlin")]




def test_an_undated_article_keeps_a_visit_of_yesterday_and_talks_of_today_apart():
    visit = ("وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى برلين في زيارة تستمر يومين، "
             "واستقبله المستشار الألماني أولاف شولتس. ")
    today = "والتقى ماكرون اليوم المستشار الألماني أولاف شولتس في مقر المستشارية."
    same_day = "والتقى ماكرون أمس المستشار الألماني أولاف شولتس في مقر المستشارية."
    assert [e.date for e in events_of(visit + today, None)] == [None, None]
    assert len(events_of(visit + same_day, None)) == 1
    weekdays = visit.replace("أمس", "أمس الثلاثاء") + today.replace("اليوم", "اليوم الأربعاء")
    assert [e.date for e in events_of(weekdays, None)] == [None, None]


def test_a_visit_told_without_its_host_takes_the_one_who_received_the_visitor_not_the_inviter():
    text = ("استقبل ولي العهد الكويتي الشيخ صباح الخالد الحمد الصباح الخميس، رئيس الوزراء الهندي ناريندرا مودي "
            "في قصر بيان. وكان مودي قد أعرب عن سعادته بزيارة الكويت تلبية لدعوة أمير الكويت الشيخ مشعل الأحمد "
            "الجابر الصباح. ويبدأ مودي الأربعاء زيارة رسمية للكويت تستمر حتى الجمعة.")
    visits = [labels(e) for e in events_of(text, dt.date(2025, 5, 8)) if e.type == "Visit"]
    assert visits == [{"Narendra Modi", "Sabah Al-Khalid Al-Hamad Al-Sabah"}]


def test_a_city_told_inside_the_visited_country_places_the_event():
    text = ("وصل الرئيس التركي رجب طيب أردوغان إلى روسيا أمس في زيارة رسمية. "
            "والتقى الرئيس الروسي فلاديمير بوتين أردوغان أمس في الكرملين.")
    assert [(e.type, e.place.label) for e in events_of(text, dt.date(2024, 5, 3))] == [("Visit", "Moscow")]


def test_a_periodic_word_of_another_noun_does_not_make_the_meeting_habitual():
    far = ("سيلتقي الرئيس الفرنسي إيمانويل ماكرون الاثنين المقبل المستشار الألماني أولاف شولتس، "
           "قبل تولي بلاده الرئاسة الدورية للاتحاد.")
    near = "التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس عدة مرات."
    assert [e.status for e in events_of(far, dt.date(2024, 5, 3))] == ["planned"]
    assert events_of(near, dt.date(2024, 5, 3)) == []


def test_a_named_summit_that_brought_two_leaders_together_is_their_meeting_even_after_another_event():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون، اليوم، المستشار الألماني أولاف شولتس في باريس. "
            "ويأتي اللقاء بعد أيام من قمة جنيف التي جمعت الرئيس الأمريكي جو بايدن والرئيس الروسي فلاديمير بوتين "
            "الأربعاء الماضي، وهو ما دفع القادة الأوروبيين إلى التحرك.")
    meetings = [(e.type, str(e.date), labels(e)) for e in events_of(text, dt.date(2024, 5, 3)) if "Joe Biden" in labels(e)]
    assert meetings == [("Meeting", "2024-05-01", {"Joe Biden", "Vladimir Putin"})]


def test_weeks_before_the_reported_visit_dates_the_earlier_call():
    text = ("وصل الرئيس الصيني شي جين بينغ إلى موسكو اليوم في زيارة رسمية. "
            "وتأتي الزيارة بعد أسبوعين من اتصال هاتفي بين الرئيس الصيني والرئيس الروسي فلاديمير بوتين.")
    calls = [(str(e.date), labels(e)) for e in events_of(text, dt.date(2024, 5, 8)) if e.type == "PhoneCall"]
    assert calls == [("2024-04-24", {"Xi Jinping", "Vladimir Putin"})]


def test_a_summit_its_subject_took_part_in_is_an_event_and_dates_and_places_the_meeting_on_its_sidelines():
    text = ("شارك الرئيس التونسي قيس سعيد في القمة العربية التي عقدت في جدة في 19 مايو الماضي، "
            "والتقى على هامشها ولي العهد السعودي الأمير محمد بن سلمان.")
    events = sorted((e.type, str(e.date), e.place.label if e.place else None, labels(e))
                    for e in events_of(text, dt.date(2023, 9, 26)))
    assert events == [("Meeting", "2023-05-19", "Jeddah", {"Kais Saied", "Mohammed bin Salman"}),
                      ("Summit", "2023-05-19", "Jeddah", {"Kais Saied"})]


@pytest.mark.parametrize("text, place", [
    ("حل الرئيس الفرنسي إيمانويل ماكرون أمس ضيفا على الرئيس المصري عبد الفتاح السيسي في القاهرة.", "Cairo"),
    ("حل الرئيس الفرنسي إيمانويل ماكرون ضيفا على القاهرة أمس، حيث استقبله الرئيس عبد الفتاح السيسي.", "Cairo"),
], ids=["on-a-host", "on-a-city"])
def test_a_guest_of_a_host_or_a_city_is_a_visit(text, place):
    visits = [(e.type, labels(e), e.place.label) for e in events_of(text, dt.date(2024, 9, 26))]
    assert visits == [("Visit", {"Emmanuel Macron", "Abdel Fattah el-Sisi"}, place)]


def test_his_highness_is_the_one_titled_emir_and_a_similar_call_is_a_phone_call_of_that_day():
    text = ("تلقى أمير الكويت الشيخ مشعل الأحمد الجابر الصباح اليوم اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان. "
            "كما تلقى سموه اتصالا مماثلا من الرئيس المصري عبد الفتاح السيسي.")
    calls = sorted((e.type, str(e.date), sorted(labels(e))) for e in events_of(text, dt.date(2024, 9, 26)))
    assert calls == [("PhoneCall", "2024-09-26", ["Abdel Fattah el-Sisi", "Mishal Al-Ahmad Al-Jaber Al-Sabah"]),
                     ("PhoneCall", "2024-09-26", ["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Recep Tayyip Erdoğan"])]


def test_his_highness_is_not_a_president_named_after_the_emir():
    text = ("استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح اليوم الرئيس الفرنسي إيمانويل ماكرون. "
            "والتقى سموه اليوم رئيس الوزراء الهندي ناريندرا مودي.")
    assert sorted(sorted(labels(e)) for e in events_of(text, dt.date(2024, 9, 26)) if e.type == "Meeting") == [
        ["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Narendra Modi"]]


def test_one_summit_told_by_two_articles_naming_different_leaders_is_one_event():
    a = Article("r1", "شارك العاهل الأردني الملك عبد الله الثاني اليوم في القمة العربية المنعقدة في الرياض.",
                dt.date(2024, 5, 16))
    b = Article("r2", "ترأس ولي العهد السعودي الأمير محمد بن سلمان اليوم أعمال القمة العربية في الرياض.",
                dt.date(2024, 5, 16))
    summits = [e for e in merge(extract_article(a) + extract_article(b)).events if e.type == "Summit"]
    assert [(e.sources, labels(e)) for e in summits] == [(["r1", "r2"], {"Abdullah II of Jordan", "Mohammed bin Salman"})]


@pytest.mark.parametrize("when", ["قبل ظهر اليوم", "بعد ظهر اليوم"])
def test_before_or_after_noon_is_a_time_of_day_not_a_clause_that_hides_the_guest(when):
    text = f"استقبل الرئيس الفرنسي إيمانويل ماكرون {when} المستشار الألماني أولاف شولتس في قصر الإليزيه."
    assert [labels(e) for e in events_of(text, dt.date(2024, 5, 3))] == [{"Emmanuel Macron", "Olaf Scholz"}]


def test_those_present_at_a_leaders_meeting_are_not_its_parties_but_at_a_summit_they_attend():
    visit = ("استقبل الرئيس عبد الفتاح السيسي اليوم العاهل الأردني الملك عبد الله الثاني، "
             "بحضور وزير الخارجية بدر عبد العاطي.")
    summit = "انطلقت اليوم في الرياض القمة العربية بحضور العاهل الأردني الملك عبد الله الثاني والرئيس عبد الفتاح السيسي."
    assert [labels(e) for e in events_of(visit, dt.date(2025, 3, 26))] == [{"Abdel Fattah el-Sisi", "Abdullah II of Jordan"}]
    assert [labels(e) for e in events_of(summit, dt.date(2025, 3, 26))] == [{"Abdel Fattah el-Sisi", "Abdullah II of Jordan"}]


def test_a_meeting_during_the_reported_visit_is_of_its_day_but_one_recalled_from_another_visit_is_not():
    visit = "استقبل الرئيس عبد الفتاح السيسي اليوم الرئيس الفرنسي إيمانويل ماكرون في القاهرة. "
    during = "والتقى ماكرون العاهل الأردني الملك عبد الله الثاني خلال الزيارة."
    recalled = "وكان ماكرون قد التقى العاهل الأردني الملك عبد الله الثاني خلال الزيارة التي قام بها إلى عمان."
    def with_the_king(text):
        return [str(e.date) for e in events_of(text, dt.date(2025, 3, 26)) if "Abdullah II of Jordan" in labels(e)]
    assert with_the_king(visit + during) == ["2025-03-26"]
    assert with_the_king(visit + recalled) == []  # undated, so not written


def test_his_excellency_is_the_president_not_the_prime_minister_named_after_him():
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي اليوم رئيس الوزراء الهندي ناريندرا مودي. "
            "وأجرى فخامته اليوم اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون.")
    calls = [labels(e) for e in events_of(text, dt.date(2024, 9, 26)) if e.type == "PhoneCall"]
    assert calls == [{"Abdel Fattah el-Sisi", "Emmanuel Macron"}]


@pytest.mark.parametrize("clause", ["الذي يقوم بأول زيارة خارجية له", "، الذي يزور البلاد"])
def test_the_guest_a_relative_clause_tells_of_is_a_party_of_the_meeting(clause):
    """A clause about the guest's visit opens at "الذي": the guest before it is the one met."""
    text = f"التقى رئيس الوزراء العراقي محمد شياع السوداني، في بغداد اليوم، الرئيس الإيراني مسعود بزشكيان {clause}."
    [e] = events_of(text, dt.date(2025, 3, 4))
    assert labels(e) == {"Mohammed Shia al-Sudani", "Masoud Pezeshkian"} and e.place.label == "Baghdad"


def test_talks_told_as_what_came_next_are_of_the_day_of_the_reception():
    text = ("استقبل العاهل الأردني الملك عبد الله الثاني في عمان أمس الرئيس الفلسطيني محمود عباس. "
            "وتناول اللقاء مستجدات الأوضاع. ثم عقد ولي العهد الأمير الحسين بن عبد الله جلسة مباحثات مع الرئيس الفلسطيني.")
    days = {frozenset(labels(e)): str(e.date) for e in events_of(text, dt.date(2025, 8, 22))}
    assert days == {frozenset({"Abdullah II of Jordan", "Mahmoud Abbas"}): "2025-08-21",
                    frozenset({"Hussein, Crown Prince of Jordan", "Mahmoud Abbas"}): "2025-08-21"}


@pytest.mark.parametrize("text, who", [
    # an office after the name of its former holder is his, not the next holder's
    ("تلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من دولة الرئيس نجيب ميقاتي رئيس الوزراء اللبناني.",
     {"Abdel Fattah el-Sisi", "Najib Mikati"}),
    # a title right after a name is still the object when the named never held it
    ("استقبل الرئيس فلاديمير بوتين رئيس الوزراء الهندي في الكرملين اليوم.", {"Vladimir Putin", "Narendra Modi"}),
])
def test_a_title_right_after_a_name_is_that_persons_only_if_they_held_the_office(text, who):
    [e] = events_of(text, dt.date(2025, 8, 22))
    assert labels(e) == who


def test_his_highness_is_the_one_the_article_styled_so_whatever_his_title():
    text = ("أجرى صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة اليوم اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون. "
            "وأجرى سموه اليوم اتصالا هاتفيا مع الرئيس القبرصي نيكوس خريستودوليدس.")
    calls = sorted(sorted(labels(e)) for e in events_of(text, dt.date(2025, 8, 22)))
    assert calls == [["Emmanuel Macron", "Mohamed bin Zayed Al Nahyan"],
                     ["Mohamed bin Zayed Al Nahyan", "Nikos Christodoulides"]]


def test_a_report_opening_with_held_is_not_a_recalled_event():
    """"عقد" (held) ends in the letters of "قد": it is not the "قد" of an event recalled."""
    text = ("عقد الرئيس الأمريكي جو بايدن لقاءات ثنائية مع رئيس الوزراء الهندي ناريندرا مودي والرئيس البرازيلي "
            "لويس إيناسيو لولا دا سيلفا على هامش قمة مجموعة العشرين في نيودلهي.")
    found = {e.type: str(e.date) for e in events_of(text, dt.date(2023, 9, 10))}
    assert found == {"Meeting": "2023-09-10", "Summit": "2023-09"}  # the summit lasts days: its month
    recalled = "وكان الرئيس الأمريكي جو بايدن قد التقى رئيس الوزراء الهندي ناريندرا مودي في نيودلهي."
    assert events_of(recalled, dt.date(2023, 9, 10)) == []


def test_a_definite_office_word_before_a_title_is_no_construct():
    """"في الديوان الأميري الرئيس X" is no "office of the president" (that is "ديوان الرئيس")."""
    text = "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح في الديوان الأميري الرئيس المصري عبد الفتاح السيسي."
    [e] = events_of(text, dt.date(2025, 10, 30))
    assert labels(e) == {"Mishal Al-Ahmad Al-Jaber Al-Sabah", "Abdel Fattah el-Sisi"}


def test_a_palace_places_the_visit_in_its_city():
    text = "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح في قصر السيف اليوم الرئيس المصري عبد الفتاح السيسي."
    [e] = events_of(text, dt.date(2025, 10, 30))
    assert e.place.label == "Kuwait City"


@pytest.mark.parametrize("title, who", [
    ("الوزير الأول الجزائري", "Sifi Ghrieb"),
    ("رئيس المجلس الرئاسي الليبي", "Mohamed al-Menfi"),  # the council's head, not the prime minister
    ("رئيس مجلس السيادة السوداني", "Abdel Fattah al-Burhan"),
    ("رئيس مجلس القيادة الرئاسي اليمني", "Rashad al-Alimi"),
    ("رئيس السلطة الفلسطينية", "Mahmoud Abbas"),  # a body that governs a country stands for it
])
def test_offices_named_after_a_council_or_an_authority_are_their_holders(title, who):
    text = f"أجرى الرئيس عبد الفتاح السيسي اليوم اتصالا هاتفيا مع {title}."
    [e] = events_of(text, dt.date(2025, 11, 20))
    assert labels(e) == {"Abdel Fattah el-Sisi", who}


def test_a_short_place_name_is_of_the_country_a_named_leader_leads():
    """"في العقبة" is Aqaba once the article names Jordan's king, even by name only."""
    text = "التقى الرئيس عبد الفتاح السيسي الملك عبد الله الثاني في العقبة اليوم."
    [e] = events_of(text, dt.date(2025, 6, 24))
    assert e.place.label == "Aqaba"
    alone = "التقى الرئيس عبد الفتاح السيسي رئيس الوزراء الهندي ناريندرا مودي في العقبة اليوم."
    assert [e.place for e in events_of(alone, dt.date(2025, 6, 24))] == [None]  # no Jordanian in sight


def test_hosting_a_guest_is_a_visit_but_hosting_a_summit_is_the_summit():
    guest = "استضاف الرئيس الأمريكي دونالد ترامب في البيت الأبيض اليوم الرئيس الأوكراني فولوديمير زيلينسكي."
    [e] = events_of(guest, dt.date(2025, 6, 24))
    assert e.type == "Visit" and labels(e) == {"Donald Trump", "Volodymyr Zelenskyy"} and e.place.label == "Washington, D.C."
    summit = "استضافت الرياض اليوم القمة العربية الطارئة بمشاركة الرئيس عبد الفتاح السيسي."
    [e] = events_of(summit, dt.date(2025, 6, 24))
    assert e.type == "Summit" and e.place.label == "Riyadh"
    before = "استقبل الرئيس عبد الفتاح السيسي نظيره الإماراتي قبل انطلاق القمة العربية في الرياض."
    assert [e.type for e in events_of(before, dt.date(2025, 6, 24))] == ["Visit"]


@pytest.mark.parametrize("where, label", [("في ألاسكا", "Alaska"), ("في قاعدة حميميم", "Latakia"), ("في الأقصر", "Luxor")])
def test_places_summits_and_visits_are_told_in(where, label):
    text = f"عقد الرئيس الروسي فلاديمير بوتين والرئيس الأمريكي دونالد ترامب اليوم قمة جمعتهما {where}."
    [e] = events_of(text, dt.date(2025, 8, 15))
    assert e.place.label == label


def test_a_call_two_days_ago_is_dated_and_before_is_not_a_clause_about_something_else():
    text = "أجرى الرئيس عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون قبل يومين."
    assert [str(e.date) for e in events_of(text, dt.date(2025, 6, 18))] == ["2025-06-16"]


@pytest.mark.parametrize("text", [
    "بحث الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان هاتفيا اليوم الوضع في سوريا.",
    "تحدث الرئيس الروسي فلاديمير بوتين عبر الهاتف اليوم مع الرئيس التركي رجب طيب أردوغان.",
])
def test_talks_told_by_phone_are_a_phone_call_without_with(text):
    [e] = events_of(text, dt.date(2023, 11, 20))
    assert e.type == "PhoneCall" and labels(e) == {"Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_a_discussion_verb_without_with_or_a_medium_is_no_event():
    text = "بحث الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان في خطابيهما اليوم الوضع في سوريا."
    assert events_of(text, dt.date(2023, 11, 20)) == []


def test_eval_says_a_gold_event_was_taken_when_its_prediction_matched_another_and_a_duplicate_is_no_wrong_date():
    gold = {"format": "kg-gold/1", "entities": {"Q1": {"en": "Ann"}, "Q2": {"en": "Bob"}}, "events": [
        {"id": "c1", "required": True, "type": "PhoneCall", "participants": ["Q1", "Q2"], "date": None, "sources": ["x1"]},
        {"id": "c2", "required": True, "type": "PhoneCall", "participants": ["Q1", "Q2"], "date": "2024-01-05",
         "sources": ["x1"]},
    ]}
    one_call = [pred("PhoneCall", "2024-01-05", [("Ann", "Q1"), ("Bob", "Q2")], "x1")]
    r = score(gold, one_call)
    row = next(g for g in r["gold_events"] if g["outcome"] != "matched")
    assert (row["outcome"], row["taken_by"]) == ("taken", ["c1"])
    assert "taken: c2 PhoneCall 2024-01-05 Q1, Q2 (its prediction matched c1)" in render(r)
    r = score(gold, one_call * 3)  # the same call three times: one right, one more taken, one duplicate
    assert (r["tp"], r["duplicates"], r["date_accuracy"]) == (2, 1, "2/2")


@pytest.mark.parametrize("text", [
    "شارك الرئيس عبد الفتاح السيسي اليوم في القمة العربية في بغداد، التي غاب عنها ولي العهد السعودي الأمير محمد بن سلمان.",
    "انطلقت اليوم في بغداد أعمال القمة العربية في غياب ولي العهد السعودي الأمير محمد بن سلمان وبمشاركة الرئيس عبد الفتاح السيسي.",
])
def test_a_leader_told_absent_from_a_summit_is_not_among_its_participants(text):
    [e] = events_of(text, dt.date(2025, 5, 17))
    assert e.type == "Summit" and labels(e) == {"Abdel Fattah el-Sisi"}


def test_another_host_receiving_the_visitor_is_of_the_visits_day_but_not_a_recalled_meeting():
    visit = ("استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح اليوم في قصر بيان الرئيس الأذربيجاني إلهام علييف. "
             "وأقام سموه مأدبة غداء على شرف الضيف. كما استقبل ولي العهد الشيخ صباح خالد الحمد الصباح الرئيس الأذربيجاني إلهام علييف.")
    days = {frozenset(labels(e)): str(e.date) for e in events_of(visit, dt.date(2025, 5, 20))}
    assert days[frozenset({"Sabah Al-Khalid Al-Hamad Al-Sabah", "Ilham Aliyev"})] == "2025-05-20"
    recalled = visit + " وسبق للرئيس الأذربيجاني إلهام علييف أن التقى الرئيس الروسي فلاديمير بوتين في باكو."
    assert not any("Vladimir Putin" in labels(e) for e in events_of(recalled, dt.date(2025, 5, 20)))


@pytest.mark.parametrize("how_often", ["في أكثر من مناسبة", "مرات عدة", "غير مرة"])
def test_meetings_told_as_many_are_no_one_event(how_often):
    text = f"التقى الرئيس الأذربيجاني إلهام علييف اليوم الرئيس الروسي فلاديمير بوتين {how_often}."
    assert events_of(text, dt.date(2025, 5, 20)) == []


def test_the_place_after_a_relative_clause_about_the_guest_is_the_meetings():
    """"..., الذي يقوم بزيارة للهند، في نيودلهي": the comma closing the clause returns to the talks."""
    text = ("عقد رئيس الوزراء الهندي ناريندرا مودي مباحثات مع الرئيس الروسي فلاديمير بوتين، "
            "الذي يقوم بزيارة دولة للهند، في نيودلهي.")
    [e] = events_of(text, dt.date(2025, 12, 5))
    assert labels(e) == {"Narendra Modi", "Vladimir Putin"} and e.place.label == "New Delhi"


def test_an_honorific_told_after_a_name_opens_no_unknown_person():
    """"المعظم" follows the sultan's name; the palace after it is where, not whom, he received."""
    text = "استقبل السلطان هيثم بن طارق المعظم بقصر البركة العامر اليوم الرئيس الإيراني مسعود بزشكيان."
    [e] = events_of(text, dt.date(2025, 6, 2))
    assert labels(e) == {"Haitham bin Tariq", "Masoud Pezeshkian"} and e.place.label == "Muscat"


def test_a_palace_word_after_an_unmatched_title_is_no_name():
    """A title whose holder kg does not know is not given "بقصر ..." as the holder's name."""
    text = "استقبل الرئيس اللبناني جوزاف عون اليوم رئيس وزراء بوروندي بقصر الضيافة في بيروت."
    found = set().union(*(keys(e) for e in events_of(text, dt.date(2025, 6, 2))))
    assert found and not any("قصر" in k for k in found)


@pytest.mark.parametrize("text, status", [
    ("يستقبل الرئيس التونسي قيس سعيد نظيره الجزائري عبد المجيد تبون في تونس خلال الأيام المقبلة.", "planned"),
    ("يزور الرئيس الصيني شي جين بينغ القاهرة قريبا.", "planned"),
    ("استقبل الرئيس التونسي قيس سعيد نظيره الجزائري عبد المجيد تبون في تونس اليوم "
     "وبحثا التعاون خلال الأشهر المقبلة.", "occurred"),
])
def test_a_period_ahead_said_of_the_event_makes_it_planned(text, status):
    """"خلال الأيام المقبلة" after the event word is when it will be, never a day; after a verb of
    discussion it is what was discussed."""
    found = extract_article(Article("t1", text, dt.date(2025, 4, 1)))
    assert found and all(m.status == status and (status == "occurred" or m.date is None) for m in found)


def test_the_next_day_is_the_day_after_the_last_one_told():
    text = ("التقى الرئيس الأمريكي دونالد ترامب أمير قطر الشيخ تميم بن حمد آل ثاني في الدوحة في 14 أيار. "
            "وفي اليوم التالي، زار ترامب الإمارات والتقى الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان.")
    days = {frozenset(labels(e)): str(e.date) for e in events_of(text, dt.date(2025, 5, 20))}
    assert days[frozenset({"Donald Trump", "Tamim bin Hamad Al Thani"})] == "2025-05-14"
    assert days[frozenset({"Donald Trump", "Mohamed bin Zayed Al Nahyan"})] == "2025-05-15"


def test_what_came_next_after_a_lead_without_a_day_is_of_the_report_day():
    """The lead is of the publication day; "وفي وقت لاحق، استقبل" in the next sentence is too."""
    text = ("بحث الرئيس التركي رجب طيب أردوغان في اتصال هاتفي مع الرئيس الفرنسي إيمانويل ماكرون الأوضاع في المنطقة. "
            "وفي وقت لاحق، استقبل أردوغان في أنقرة الرئيس الأذربيجاني إلهام علييف.")
    days = {e.type: str(e.date) for e in events_of(text, dt.date(2025, 2, 11))}
    assert days == {"PhoneCall": "2025-02-11", "Visit": "2025-02-11"}


def test_a_call_made_during_a_meeting_is_no_invitation_to_it():
    text = "دعا الرئيس الفلسطيني محمود عباس، خلال لقائه الرئيس الفرنسي في قصر الإليزيه، إلى وقف الحرب."
    [e] = events_of(text, dt.date(2025, 5, 20))
    assert e.status == "occurred" and labels(e) == {"Mahmoud Abbas", "Emmanuel Macron"}


def test_a_title_of_the_one_met_before_in_does_not_hide_the_place():
    """"الرئيس الفرنسي في باريس" is the one met, then where; "السفير في" or "الحرب في" qualify a noun."""
    [e] = events_of("التقى الرئيس الفلسطيني محمود عباس الرئيس الفرنسي في باريس.", dt.date(2025, 5, 20))
    assert e.place.label == "Paris"


def test_those_met_on_the_sidelines_as_a_list_are_met_by_the_summits_subject():
    """"شارك X في القمة، والتقى على هامشها كلا من Y وZ": X met each; the summit word is where, not a
    joint meeting."""
    text = ("شارك الرئيس الصيني شي جين بينغ في قمة مجموعة العشرين في جوهانسبرغ، والتقى على هامشها كلا من "
            "الرئيس الفرنسي إيمانويل ماكرون ورئيس الوزراء البريطاني كير ستارمر.")
    meetings = sorted(sorted(labels(e)) for e in events_of(text, dt.date(2025, 11, 22)) if e.type == "Meeting")
    assert meetings == [["Emmanuel Macron", "Xi Jinping"], ["Keir Starmer", "Xi Jinping"]]



def test_another_call_after_a_video_call_is_not_taken_for_one():
    """"اتصال آخر" after a video call may be by phone: its kind is not copied from the first."""
    text = ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا عبر تقنية الفيديو مع الرئيس الصيني شي جين بينغ، "
            "تلاه اتصال آخر مع الرئيس الإيراني مسعود بزشكيان.")
    kinds = {frozenset(labels(e)): e.type for e in events_of(text, dt.date(2025, 6, 3))}
    assert kinds[frozenset({"Vladimir Putin", "Xi Jinping"})] == "VideoCall"
    assert kinds[frozenset({"Vladimir Putin", "Masoud Pezeshkian"})] != "VideoCall"


def test_meetings_held_with_a_list_by_the_subject_of_a_summit():
    """"وصل X ... حيث شارك في قمة ... وعقد لقاءات مع Y وZ": X's summit and one meeting with each."""
    text = ("وصل الرئيس التركي رجب طيب أردوغان أمس إلى أستانا حيث شارك في قمة منظمة الدول التركية "
            "وعقد لقاءات مع الرئيس الأذربيجاني إلهام علييف والرئيس الأوزبكي شوكت ميرضيائيف.")
    found = sorted((e.type, sorted(labels(e))) for e in events_of(text, dt.date(2025, 10, 8)))
    assert ("Summit", ["Recep Tayyip Erdoğan"]) in found
    pairs = [people for kind, people in found if kind in ("Meeting", "Visit")]  # the arrival joins one of them
    assert sorted(pairs) == [["Ilham Aliyev", "Recep Tayyip Erdoğan"], ["Recep Tayyip Erdoğan", "Shavkat Mirziyoyev"]]


def test_a_message_before_a_call_in_one_sentence_sends_no_participant_to_the_call():
    text = ("تلقى الرئيس اللبناني جوزاف عون برقية تهنئة من الرئيس السوري، "
            "واتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.")
    [e] = events_of(text, dt.date(2025, 9, 2))
    assert labels(e) == {"Joseph Aoun", "Emmanuel Macron"}


@pytest.mark.parametrize("text", [
    "زار الرئيس اللبناني جوزاف عون السعودية واستقبله ولي العهد السعودي الأمير محمد بن سلمان في جدة.",
    "كانت أول زيارة خارجية للرئيس اللبناني جوزاف عون إلى المملكة في آذار الماضي، حين استقبله "
    "ولي العهد السعودي الأمير محمد بن سلمان بن عبد العزيز آل سعود في قصر اليمامة بالرياض.",
])
def test_a_city_told_after_the_country_of_a_visit_is_where_it_was(text):
    """The country visited, then the city where the host received the visitor (near the second visit word)."""
    [e] = events_of(text, dt.date(2025, 6, 4))
    assert e.type == "Visit" and e.place.label in ("Jeddah", "Riyadh")


def test_an_event_told_during_a_dated_one_of_the_sentence_has_its_date():
    """"كما التقى الرئيسان ... خلال الزيارة التي قام بها X إلى Y في آب الماضي": the meeting is of August,
    not joined to the article's meeting of the day."""
    text = ("عقد الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان اليوم محادثات في سوتشي. "
            "كما التقى الرئيسان في أنقرة خلال الزيارة التي قام بها الرئيس بوتين إلى تركيا في آب الماضي.")
    found = sorted((str(e.date), e.place.label if e.place else None) for e in events_of(text, dt.date(2025, 11, 20)))
    assert found == [("2025-08", "Ankara"), ("2025-11-20", "Sochi")]


@pytest.mark.parametrize("text", [
    "ألغى الرئيس الفرنسي إيمانويل ماكرون زيارته المقررة إلى الجزائر.",
    "أرجأ الرئيس الأمريكي دونالد ترامب لقاءه مع الرئيس الروسي فلاديمير بوتين في بودابست.",
    "أعلنت الرئاسة المصرية تأجيل زيارة الرئيس الصيني شي جين بينغ إلى القاهرة.",
    "اعتذر الرئيس السوري أحمد الشرع عن حضور القمة العربية في بغداد.",
    "لم يلتق الرئيس الأمريكي دونالد ترامب بالرئيس الصيني شي جين بينغ خلال القمة.",
])
def test_an_event_called_off_or_denied_is_no_event(text):
    assert events_of(text, dt.date(2025, 10, 22)) == []


def test_a_word_of_refusal_about_something_else_keeps_the_event():
    """"رفض X الاتهامات خلال لقائه Y": the refusal has its own object; "بعد تأجيل اللقاء" follows the meeting."""
    for text in ("رفض الرئيس التركي رجب طيب أردوغان الاتهامات خلال لقائه الرئيس الروسي فلاديمير بوتين.",
                 "التقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين بعد تأجيل اللقاء مرتين."):
        [e] = events_of(text, dt.date(2025, 10, 22))
        assert labels(e) == {"Recep Tayyip Erdoğan", "Vladimir Putin"}


def test_a_plural_title_with_countries_names_their_leaders_together():
    """"رؤساء تركيا وروسيا وإيران", "القادة المصري والأردني والفلسطيني": each country's office holder, who
    meet together (one meeting, not one per pair)."""
    [e] = events_of("عقدت اليوم في طهران قمة بمشاركة رؤساء تركيا وروسيا وإيران.", dt.date(2025, 10, 30))
    assert e.type == "Summit" and labels(e) == {"Recep Tayyip Erdoğan", "Vladimir Putin", "Masoud Pezeshkian"}
    [e] = events_of("التقى القادة المصري والأردني والفلسطيني في القاهرة اليوم.", dt.date(2025, 10, 30))
    assert labels(e) == {"Abdel Fattah el-Sisi", "Abdullah II of Jordan", "Mahmoud Abbas"}


def test_leaders_named_far_from_the_event_word_by_a_plural_title_are_not_its_parties():
    text = ("وكان قادة قطر ومصر والولايات المتحدة قد أصدروا يوم الخميس الماضي بيانا دعوا فيه "
            "إلى استئناف المحادثات العاجلة في الدوحة.")
    assert events_of(text, dt.date(2024, 8, 12)) == []


def test_the_meeting_between_two_named_leaders_is_an_event_not_a_reference_back():
    text = "تم خلال اللقاء بين الرئيس المصري عبد الفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون بحث الأوضاع في غزة."
    [e] = events_of(text, dt.date(2025, 4, 7))
    assert labels(e) == {"Abdel Fattah el-Sisi", "Emmanuel Macron"} and str(e.date) == "2025-04-07"


def test_a_place_that_witnessed_the_event_is_where_it_was():
    """"شهد قصر الاتحادية اليوم لقاء ...": the palace is the subject of "witnessed", not after "في"."""
    [e] = events_of("شهد قصر الاتحادية اليوم لقاء الرئيس عبد الفتاح السيسي بالرئيس الفرنسي إيمانويل ماكرون.",
                    dt.date(2025, 10, 30))
    assert e.place.label == "Cairo"


def test_a_partial_mention_after_a_planned_visit_joined_by_its_visitor_is_placed_without_error():
    """A planned visit joins the held visit of the same visitor (another host received him) as copies of its
    mentions; a partial mention told after them is then placed among those copies (it raised KeyError)."""
    from kg.extract.merge import merge_article
    from kg.models import DateValue, Entity, Mention

    a, b, c = (Entity(k, "Person", label_en=k) for k in ("A", "B", "C"))
    day, moscow = DateValue.of(2025, 10, 15), Entity("Q649", "Place", label_en="Moscow")
    planned = Mention("x", "Visit", (a, b), "A will visit B.", 0, 10, date=day, status="planned",
                      roles={"A": "visitor", "B": "host"}, place=moscow, place_country="Q159")
    held = Mention("x", "Visit", (c, a), "C received A.", 11, 20, date=day, roles={"A": "visitor", "C": "host"},
                   place=moscow, place_country="Q159")
    said = Mention("x", "Meeting", (c,), "C said during the talks.", 21, 30, partial=True)
    dated, floating, dropped = merge_article([planned, held, said])
    assert dropped == 0 and len(dated) == 1 and len(dated[0].mentions) == 3


def test_a_visitors_next_stop_in_another_country_is_not_the_visit_held():
    text = ("MOSCOW (Reuters) - Russian President Vladimir Putin hosted Syrian President Ahmed al-Sharaa in the "
            "Kremlin on Wednesday, the Syrian leader's first visit to Russia.\n\n"
            "\"We are ready to continue cooperation,\" Putin said at the start of the talks.\n\n"
            "Sharaa is due to travel to Beijing on Thursday to meet Chinese President Xi Jinping, a source said.")
    found = {(e.status, e.place.label) for e in events_of(text, dt.date(2025, 10, 15))}
    assert found == {("occurred", "Moscow"), ("planned", "Beijing")}


def test_the_leader_of_a_parliamentary_country_is_its_head_of_government():
    """"الزعيمان الألماني والبريطاني", "قادة فرنسا وألمانيا وبريطانيا": the chancellor and the prime minister
    (the gazetteer's `executive`), not the federal president and the king; France's leader is its president."""
    [e] = events_of("التقى قادة فرنسا وألمانيا وبريطانيا في كييف اليوم.", dt.date(2025, 5, 10))
    assert labels(e) == {"Emmanuel Macron", "Friedrich Merz", "Keir Starmer"}


def test_a_past_visit_of_a_month_is_hosted_by_that_months_office_holder():
    """"زار ماكرون العراق في آب 2021": not hosted by the president the article names for today."""
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون اليوم رئيس الجمهورية العراقي عبد اللطيف رشيد في بغداد. "
            "يذكر أن ماكرون زار العراق في آب 2021.")
    past = [e for e in events_of(text, dt.date(2025, 10, 11)) if str(e.date) == "2021-08"]
    assert [sorted(labels(e)) for e in past] == [["Emmanuel Macron"]]


def test_a_title_said_of_a_name_later_alone_is_that_person():
    """"الشيخ X رئيس الدولة" and then "صاحب السمو رئيس الدولة": the president the article gave that title,
    not any of its presidents."""
    text = ("استقبل الشيخ محمد بن زايد آل نهيان رئيس الدولة، في أبوظبي اليوم، الرئيس رجب طيب أردوغان رئيس "
            "الجمهورية التركية. وكان صاحب السمو رئيس الدولة قد بحث هاتفياً مع الرئيس التركي الأسبوع الماضي "
            "ترتيبات الزيارة.")
    calls = [e for e in events_of(text, dt.date(2025, 3, 12)) if e.type == "PhoneCall"]
    assert [(sorted(labels(e)), str(e.date)) for e in calls] == [
        (["Mohamed bin Zayed Al Nahyan", "Recep Tayyip Erdoğan"], "2025-03")]


def test_talks_held_in_a_phone_call_are_the_call_beside_a_visit():
    """"بحث X مع Y في اتصال هاتفي": a phone call, also in an article that reports a visit."""
    text = ("استقبل ولي العهد السعودي الأمير محمد بن سلمان اليوم في الرياض الرئيس الفرنسي. وكان ولي العهد قد "
            "بحث مع الرئيس الفرنسي في اتصال هاتفي في 19 فبراير التحضيرات للمؤتمر.")
    found = {(e.type, str(e.date)) for e in events_of(text, dt.date(2025, 3, 2))}
    assert found == {("Visit", "2025-03-02"), ("PhoneCall", "2025-02-19")}


def test_also_received_a_call_is_of_the_day_told_before():
    """"كما تلقى ... اتصالا" with no day of its own: the next call of the same report, that day."""
    text = ("تلقى ولي العهد السعودي الأمير محمد بن سلمان، اليوم، اتصالاً هاتفياً من الرئيس إيمانويل ماكرون. "
            "كما تلقى سمو ولي العهد اتصالاً هاتفياً من رئيس وزراء باكستان محمد شهباز شريف، قدّم خلاله التهنئة "
            "بحلول الشهر الفضيل.")
    found = {(e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2025, 3, 2))}
    assert ("PhoneCall", "2025-03-02", frozenset({"Mohammed bin Salman", "Shehbaz Sharif"})) in found


def test_an_undated_report_opening_with_its_full_date_is_of_that_day():
    """"دمشق، 6 أيار/مايو 2024 (وكالات)" on a page with no date: relative days count from the dateline's."""
    text = ("دمشق، 6 أيار/مايو 2024 (وكالات) - استقبل الرئيس السوري بشار الأسد اليوم في دمشق وزير الخارجية "
            "الإيراني. وكان الأسد قد تلقى أمس اتصالا هاتفيا من الرئيس الإماراتي الشيخ محمد بن زايد. "
            "وكان الرئيس الإماراتي قد زار دمشق في آذار من العام الماضي.")
    found = {(e.type, str(e.date)) for e in events_of(text, None) if len(e.participants) == 2}
    assert {("PhoneCall", "2024-05-05"), ("Visit", "2023-03")} <= found
    # a date further in, after words of the report, is no dateline
    found = {(e.type, str(e.date)) for e in events_of(
        "تلقى الرئيس السوري بشار الأسد يوم 6 أيار/مايو 2024 اتصالا هاتفيا من الرئيس الإماراتي محمد بن زايد. "
        "وكان الأسد قد زار الإمارات أمس.", None)}
    assert found == {("PhoneCall", "2024-05-06"), ("Visit", "None")}


def test_spelling_variants_of_leaders_names():
    """"أردغان", "مكرون": the forms some outlets write."""
    [e] = events_of("التقى الرئيس التركي رجب طيب أردغان في باريس اليوم الرئيس إيمانويل مكرون.", dt.date(2024, 5, 6))
    assert labels(e) == {"Recep Tayyip Erdoğan", "Emmanuel Macron"}


def test_a_leader_absent_from_the_summit_is_none_of_its_participants():
    """"وغاب عن القمة X", "وغاب X عن القمة": the absent are not at the summit, also when the summit word
    stands inside the clause that says so."""
    for absent in ("وغاب عن القمة رئيس دولة الإمارات الشيخ محمد بن زايد آل نهيان، وترأس وفد بلاده نائبه.",
                   "وغاب رئيس دولة الإمارات الشيخ محمد بن زايد آل نهيان عن القمة."):
        assert all("Mohamed bin Zayed Al Nahyan" not in labels(e) for e in events_of(absent, dt.date(2023, 5, 20)))


def test_a_dateline_closed_by_a_slash_places_the_report():
    """"روما/ الأناضول", "أبوظبي/ وام/": the city the report was filed in."""
    [e] = events_of("روما/ الأناضول\nالتقى الرئيس التركي رجب طيب أردوغان، الأحد، نظيره الأمريكي جو بايدن.",
                    dt.date(2021, 10, 31))
    assert (e.type, e.place.label) == ("Meeting", "Rome")


def test_on_the_sidelines_of_the_visit_told_is_where_not_another_visit():
    """"وعلى هامش الزيارة، أجرى وزير الخارجية مباحثات مع نظيره": the ministers' talks, no visit of the minister."""
    text = ("استقبل الملك محمد السادس أمس بالقصر الملكي بالرباط الرئيس الفرنسي إيمانويل ماكرون الذي يقوم بزيارة "
            "دولة للمملكة. وعلى هامش الزيارة، أجرى وزير الشؤون الخارجية والتعاون الإفريقي، السيد ناصر بوريطة، "
            "مباحثات مع نظيره الفرنسي جان نويل بارو.")
    found = {(e.type, frozenset(labels(e))) for e in events_of(text, dt.date(2024, 10, 29))}
    assert found == {("Visit", frozenset({"Mohammed VI of Morocco", "Emmanuel Macron"})),
                     ("Meeting", frozenset({"Nasser Bourita", "Jean-Noël Barrot"}))}


def test_a_dateline_under_the_headline_dates_an_undated_page():
    """The headline first, then "روما - بوابة الوسط | الأربعاء 07 يونيو 2023": the report's day all the same."""
    text = ("رئيس المجلس الرئاسي الليبي يصل روما في زيارة رسمية\n"
            "روما - بوابة الوسط | الأربعاء 07 يونيو 2023\n"
            "وصل رئيس المجلس الرئاسي الليبي محمد المنفي، صباح اليوم، إلى روما، وعقد فور وصوله جلسة مباحثات مع "
            "رئيسة الوزراء الإيطالية جورجيا ميلوني.")
    assert {str(e.date) for e in events_of(text, None)} == {"2023-06-07"}
    # a headline that tells an event is no dateline, whatever date it carries
    text = "ميلوني تستقبل المنفي في روما في 7 يونيو 2023\nوصل المنفي إلى روما أمس في زيارة رسمية."
    assert {str(e.date) for e in events_of(text, None)} <= {"None", "2023-06-07"}


def test_senders_of_calls_to_a_receiver_kg_cannot_name_did_not_call_each_other():
    """A headline "سمو أمير البلاد يتلقى اتصالات من ملك البحرين وأمير قطر": no call between the king and the emir."""
    found = events_of("سمو أمير البلاد يتلقى اتصالات هاتفية من ملك البحرين وأمير قطر ورئيس دولة الإمارات مهنئين "
                      "بحلول شهر رمضان", dt.date(2025, 3, 2))
    assert all("Mishal Al-Ahmad Al-Jaber Al-Sabah" in labels(e) for e in found)


def test_a_bare_title_among_two_holders_is_the_one_of_the_datelines_country():
    """A Kuwaiti report names two emirs; "سمو الأمير كلا من ..." is Kuwait's ("كلا" is no part of a name)."""
    text = ("الكويت - 2 - 12 (كونا) -- اختتمت مساء أمس أعمال القمة برئاسة صاحب السمو أمير البلاد الشيخ مشعل "
            "الأحمد الجابر الصباح. وشارك في القمة الشيخ تميم بن حمد آل ثاني أمير دولة قطر. وعلى هامش القمة التقى "
            "سمو الأمير كلا من أمير دولة قطر وملك البحرين، كل على حدة.")
    met = sorted(sorted(labels(e)) for e in events_of(text, dt.date(2024, 12, 2)) if e.type == "Meeting")
    assert met == [["Hamad bin Isa Al Khalifa", "Mishal Al-Ahmad Al-Jaber Al-Sabah"],
                   ["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Tamim bin Hamad Al Thani"]]


def test_a_summit_the_sentence_says_opened_is_an_event_beside_its_guest():
    """"انطلقت اليوم أعمال القمة ...، وحضور X ضيفا على القمة": the summit is the sentence's event, the guest's
    visit another; "لم يحضر" leaves a leader out of it."""
    text = ("بغداد- انطلقت اليوم السبت أعمال القمة العربية التي تحتضنها العاصمة العراقية بغداد، بمشاركة عدد من "
            "القادة العرب، وحضور رئيس الوزراء الإسباني بيدرو سانشيز ضيفا على القمة. كما لم يحضر الرئيس السوري "
            "أحمد الشرع القمة.")
    found = {(e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2025, 5, 17))}
    assert ("Summit", "2025-05-17", frozenset()) in found
    assert all("Ahmed al-Sharaa" not in people for _, _, people in found)


def test_also_received_is_not_of_a_day_recalled_with_kana_qad():
    """"وكان X قد وصل أمس" between the report's reception and "كما استقبل ولي العهد X": the crown prince received
    him the day the report tells, not the day of the arrival recalled."""
    text = ("استقبل أمير الكويت الشيخ مشعل الأحمد، في قصر بيان صباح اليوم، رئيس وزراء الهند ناريندرا مودي. "
            "وكان مودي قد وصل إلى البلاد أمس. كما استقبل ولي العهد الكويتي رئيس الوزراء الهندي في قصر بيان.")
    days = {str(e.date) for e in events_of(text, dt.date(2024, 12, 22)) if "Sabah Al-Khalid Al-Hamad Al-Sabah" in labels(e)}
    assert days == {"2024-12-22"}


def test_two_calls_received_by_a_title_kg_cannot_name_are_not_one_between_the_callers():
    """A headline "سمو ولي العهد يتلقى اتصالين هاتفيين من X وY": X did not call Y."""
    found = events_of("سمو ولي العهد يتلقى اتصالين هاتفيين من رئيس وزراء اليابان ورئيس جمهورية كوريا",
                      dt.date(2025, 6, 13))
    assert found == []


def test_a_definite_event_word_with_its_own_clause_is_dated_as_far_as_an_indefinite_one():
    """"بعد الاستقبال الذي خص به الملك X الرئيس Y، ...، بالقصر الملكي يوم 20 دجنبر 2024": honorifics and titles
    between the event word and its day do not make the day another event's."""
    text = ("وتأتي هذه الزيارة بعد الاستقبال الذي خص به صاحب الجلالة الملك محمد السادس، نصره الله، فخامة رئيس "
            "الجمهورية الإسلامية الموريتانية، السيد محمد ولد الشيخ الغزواني، بالقصر الملكي بالدار البيضاء يوم 20 "
            "دجنبر 2024.")
    [e] = events_of(text, dt.date(2025, 7, 16))
    assert (e.type, str(e.date)) == ("Visit", "2024-12-20")


def test_a_negator_before_names_still_negates_the_event_word_after_them():
    """"ولم يتلق الرئيس تبون أي اتصال من العاهل المغربي": no call, however many names stand between."""
    text = ("تلقى الرئيس عبد المجيد تبون أمس اتصالا من الرئيس التونسي قيس سعيد. ولم يتلق الرئيس تبون أي اتصال "
            "من العاهل المغربي منذ أوت 2021.")
    found = {frozenset(labels(e)) for e in events_of(text, dt.date(2024, 9, 10))}
    assert found == {frozenset({"Abdelmadjid Tebboune", "Kais Saied"})}


def test_refusing_to_answer_a_call_is_no_call():
    """"رفض X الرد على اتصال هاتفي من Y": the refused call did not take place."""
    assert events_of("رفض الرئيس عبد الفتاح البرهان الرد على اتصال هاتفي من الرئيس الكيني وليام روتو.",
                     dt.date(2024, 7, 10)) == []


def test_who_arrived_in_a_relative_clause_is_the_visitor():
    """"... التعازي من X رئيس وزراء المملكة المتحدة، الذي وصل إلى البلاد": X is the visitor, in Oman, not the host
    of a visit to the United Kingdom."""
    text = ("تقبل السلطان هيثم بن طارق أمس الأول بقصر العلم التعازي من دولة بوريس جونسون رئيس وزراء المملكة "
            "المتحدة، الذي وصل إلى البلاد في زيارة قصيرة.")
    [e] = events_of(text, dt.date(2020, 1, 14))
    assert (e.type, e.roles, e.place.label) == ("Visit", {"Q180589": "visitor", "Q12250314": "host"}, "Oman")


def test_two_events_of_a_pair_told_by_one_sentence_of_an_undated_page_stay_valid(tmp_path):
    """An undated page: a meeting and the visit it was held on, told by one sentence, are two events with two
    names; two readings of one arrival (one of them with the roles the wrong way round) are one visit. Either
    gave one name to two events, a visit with two visitors and two places, and the whole build was refused."""
    texts = {
        "w1": "التقى الرئيس الصيني شي جين بينغ الرئيس البرازيلي لولا دا سيلفا في بكين، عندما زار لولا الصين.",
        "w2": ("حل الرئيس السنغالي باسيرو ديوماي فاي، أمس الخميس، بنواكشوط في أول زيارة خارجية يقوم بها منذ "
               "تنصيبه، وكان في استقباله لدى نزوله من الطائرة الرئيس محمد ولد الشيخ الغزواني."),
    }
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": t, "published": None}, ensure_ascii=False)
                                for i, t in texts.items()) + "\n", encoding="utf-8")
    result = build([corpus])
    assert result.report.conforms, result.report.text()
    rows = read_events(result.graph)
    assert sorted(r["type"] for r in rows if r["sources"] == ["w2"]) == ["Visit"]


def test_a_title_with_an_adjective_of_country_and_no_name_is_nobody():
    """"يفتتح فيها رئيس لبناني عهده": a Lebanese president in general, not a person named "لبناني عهده"."""
    text = ("وليست هذه المرة الأولى التي يفتتح فيها رئيس لبناني عهده من الرياض؛ فالرئيس السابق ميشال عون كان قد "
            "زارها في كانون الثاني 2017 والتقى الملك سلمان بن عبد العزيز.")
    people = {p.key for e in events_of(text, dt.date(2025, 3, 4)) for p in e.participants}
    assert people == {"Q363392", "Q367825"}


def test_a_line_that_names_a_person_before_its_date_is_no_dateline():
    """"X ناقش Y 1 يناير 0001" is a sentence (a person, a verb, no plausible year), not the page's day."""
    text = "مانويل فالس اتصال مع مانويل فالس\nمانويل فالس ناقش بمانويل فالس 1 يناير 0001\n"
    assert all(m.published is None for m in extract_article(Article("t", text, None)))


def test_a_bare_title_is_the_leader_the_page_named_without_a_country():
    """A paper names its own president "الرئيس X" and foreign ones "الرئيس التركي Y": after both, a bare
    "الرئيس" hosting a guest or making a call is the former, not the one named last."""
    text = ("استقبل الرئيس عبد الفتاح السيسي يوم الأحد الرئيس الموريتاني محمد ولد الشيخ الغزواني. "
            "وكان الرئيس التركي رجب طيب أردوغان قد زار القاهرة الشهر الماضي. "
            "ويوم الثلاثاء استقبل الرئيس نظيره الكيني وليام روتو في العاصمة الإدارية الجديدة. "
            "وختم الرئيس الأسبوع يوم الخميس باتصال عبر تقنية الفيديو مع رئيس الوزراء الياباني.")
    found = {(e.type, str(e.date)): labels(e) for e in events_of(text, dt.date(2024, 3, 8))}
    assert "Abdel Fattah el-Sisi" in found[("Visit", "2024-03-05")]
    assert "Recep Tayyip Erdoğan" not in found[("Visit", "2024-03-05")]
    assert "Abdel Fattah el-Sisi" in found[("VideoCall", "2024-03-07")]


def test_a_ministerial_meeting_leaders_opened_is_a_gathering_of_them_all():
    """"شارك X الخميس في افتتاح الاجتماع الوزاري ... إلى جانب Y وZ": one gathering with X among them, no
    meeting of Y with Z nor visits of X to each; ministers meeting among themselves are no event."""
    text = ("وكان الرئيس التونسي قيس سعيد قد وصل إلى بكين يوم الثلاثاء الماضي، وشارك الخميس في افتتاح الاجتماع "
            "الوزاري لمنتدى التعاون الصيني العربي إلى جانب الرئيس المصري عبد الفتاح السيسي وملك البحرين الملك "
            "حمد بن عيسى آل خليفة.")
    found = sorted((e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2024, 6, 1)))
    assert found == [("Summit", "2024-05-30", frozenset({"Kais Saied", "Abdel Fattah el-Sisi", "Hamad bin Isa Al Khalifa"})),
                     ("Visit", "2024-05-28", frozenset({"Kais Saied"}))]
    assert events_of("انطلقت أمس في القاهرة أعمال الاجتماع الوزاري العربي بمشاركة وزراء الخارجية العرب.",
                     dt.date(2024, 6, 1)) == []


def test_a_summit_of_another_time_does_not_lend_its_place():
    text = ("شارك الرئيس المصري عبد الفتاح السيسي أمس في أعمال القمة العربية. وكان السيسي قد التقى ملك البحرين "
            "على هامش القمة العربية في الرياض في نوفمبر 2023.")
    summits = {str(e.date): e.place for e in events_of(text, dt.date(2024, 5, 17)) if e.type == "Summit"}
    assert summits["2023-11"].label == "Riyadh" and summits["2024-05-16"] is None


def test_a_call_told_after_a_reception_is_the_hosts():
    """"استقبل X Y. وأجرى اتصالا هاتفيا مع Z": the subject left out is the host who received, not the guest."""
    text = ("استقبل العاهل الأردني الملك عبد الله الثاني أمس في عمان رئيس الوزراء العراقي محمد شياع السوداني. "
            "وأجرى اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي.")
    [call] = [m for m in mentions_of(text, dt.date(2024, 6, 1)) if m.type == "PhoneCall"]
    assert labels(call) == {"Abdullah II of Jordan", "Abdel Fattah el-Sisi"}


def test_after_that_is_a_time_not_a_clause_that_hides_the_place():
    """"وانتقل X بعد ذلك إلى طهران، حيث التقى Y": "بعد ذلك" is when, so Tehran is still where they met."""
    text = ("وانتقل الرئيس الفنزويلي نيكولاس مادورو بعد ذلك إلى طهران، حيث التقى الرئيس الإيراني إبراهيم رئيسي. "
            "ثم انتقل الرئيس القبرصي نيكوس خريستودوليدس بعد الظهر إلى السراي الحكومي حيث التقى رئيس الحكومة نواف سلام.")
    places = {frozenset(labels(e)): e.place.label for e in events_of(text, dt.date(2022, 6, 14))}
    assert places[frozenset({"Nicolás Maduro", "Ebrahim Raisi"})] == "Tehran"
    assert places[frozenset({"Nikos Christodoulides", "Nawaf Salam"})] == "Beirut"


def test_a_visit_that_was_to_be_is_planned():
    text = "كان مقررا أن يستقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس الجزائري عبد المجيد تبون في المطار."
    assert {m.status for m in mentions_of(text, dt.date(2023, 5, 2))} == {"planned"}


def test_the_one_a_visit_is_made_by_is_its_visitor_and_its_first_day_is_not_today():
    """"... مساء أمس ...، وذلك في اليوم الأول من زيارة الدولة التي يقوم بها الرئيس الفرنسي للمملكة بدعوة من
    جلالة الملك": the French president visits the king, yesterday ("اليوم الأول" is no "today")."""
    text = ("ترأس الملك محمد السادس والرئيس الفرنسي إيمانويل ماكرون، مساء أمس الاثنين بالقصر الملكي بالرباط، حفل "
            "التوقيع على اتفاقيات، وذلك في اليوم الأول من زيارة الدولة التي يقوم بها الرئيس الفرنسي للمملكة بدعوة "
            "من جلالة الملك.")
    [e] = events_of(text, dt.date(2024, 10, 29))
    roles = {next(p.label for p in e.participants if p.key == k): r for k, r in e.roles.items()}
    assert roles == {"Emmanuel Macron": "visitor", "Mohammed VI of Morocco": "host"}
    assert str(e.date) == "2024-10-28"


def test_a_month_of_the_same_year_and_a_verb_joined_to_its_event_share_its_year_and_day():
    """"في أبريل من العام الماضي ... في يونيو من العام نفسه، حين زار أنقرة والتقى أردوغان": June of the year
    told last, and the meeting joined to that visit by "و" is of its month, not of the visit the article reports."""
    text = ("استقبل الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان اليوم الأربعاء الرئيس التركي رجب طيب أردوغان في "
            "أبوظبي. وكان أردوغان قد زار السعودية في أبريل من العام الماضي. وردّ ولي العهد السعودي الأمير محمد بن "
            "سلمان الزيارة في يونيو من العام نفسه، حين زار أنقرة والتقى أردوغان في المجمع الرئاسي.")
    found = {(e.type, str(e.date)) for e in events_of(text, dt.date(2023, 7, 19))
             if labels(e) == {"Mohammed bin Salman", "Recep Tayyip Erdoğan"}}
    assert found == {("Visit", "2022-06")}


def test_a_weekday_before_from_the_city_of_is_a_day():
    text = ("وكان الرئيس التركي رجب طيب أردوغان قد استهل جولته الاثنين من مدينة جدة، حيث استقبله ولي العهد "
            "السعودي الأمير محمد بن سلمان.")
    assert [str(e.date) for e in events_of(text, dt.date(2023, 7, 19))] == ["2023-07-17"]


def test_a_tour_recalled_months_ago_keeps_its_guest_its_days_and_its_own_time():
    """"وكان X قد ... إذ التقى Y في الثاني من فبراير، قبل أن يتوجه إلى أنقرة حيث استقبله Z بعد يومين": X is
    received (not Y, whom X met), two days later; and that visit of February does not date the meeting of
    X the report opens with."""
    text = ("ترامب يلتقي الشرع في الرياض\n"
            "التقى الرئيس الأميركي دونالد ترامب اليوم الأربعاء في الرياض الرئيس السوري أحمد الشرع. "
            "وكان الشرع قد اختار الرياض محطة لأولى زياراته الخارجية، إذ التقى ولي العهد السعودي في الثاني من "
            "فبراير الماضي، قبل أن يتوجه إلى أنقرة حيث استقبله الرئيس التركي رجب طيب أردوغان بعد يومين.")
    found = {(e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2025, 5, 14))}
    assert ("Visit", "2025-02-04", frozenset({"Ahmed al-Sharaa", "Recep Tayyip Erdoğan"})) in found
    assert not any("Mohammed bin Salman" in people and "Recep Tayyip Erdoğan" in people for _, _, people in found)
    assert {d for t, d, people in found if people == {"Donald Trump", "Ahmed al-Sharaa"}} == {"2025-05-14"}


def test_the_office_a_minister_heads_is_no_name():
    """"وزير شؤون الديوان الأميري الشيخ علي ...": "شؤون الديوان الأميري" names the office, not a person."""
    text = ("وكان الملك عبدالله الثاني قد وصل إلى البلاد مساء أمس، وكان في مقدمة مستقبليه لدى وصوله إلى المطار "
            "وزير شؤون الديوان الأميري الشيخ علي جراح الصباح.")
    people = {p.label for m in mentions_of(text, dt.date(2019, 3, 5)) for p in m.participants}
    assert not any("الديوان" in p or "شؤون" in p for p in people)


def test_todays_reception_on_an_undated_page_is_not_the_meeting_recalled_from_an_earlier_year():
    text = ("استقبل الرئيس عبد الفتاح السيسي، اليوم بقصر الاتحادية، الرئيس الموريتاني محمد ولد الشيخ الغزواني. "
            "وأشار المتحدث الرسمي إلى أن الرئيسين كانا قد التقيا في ديسمبر 2023 على هامش قمة المناخ بدبي.")
    found = sorted((e.type, str(e.date)) for e in events_of(text) if e.type != "Summit")
    assert found == [("Meeting", "2023-12"), ("Visit", "None")]


def test_a_pairs_past_contacts_told_with_verbs_of_two_are_theirs():
    """"وكان الرئيسان قد عقدا قمة افتراضية في نوفمبر الماضي، وأجريا اتصالا مرئيا في مارس، وتحادثا هاتفيا في
    يوليو": three contacts of the pair, each of its month ("نوفمبر الماضي" told in November is last year's)."""
    text = ("التقى الرئيس الصيني شي جين بينغ الرئيس الأمريكي جو بايدن في بالي اليوم. وكان الرئيسان قد عقدا قمة "
            "افتراضية في نوفمبر الماضي، وأجريا اتصالا مرئيا في مارس، وتحادثا هاتفيا في يوليو.")
    found = sorted((e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2022, 11, 14)))
    pair = frozenset({"Xi Jinping", "Joe Biden"})
    assert found == [("Meeting", "2022-11-14", pair), ("PhoneCall", "2022-07", pair),
                     ("VideoCall", "2021-11", pair), ("VideoCall", "2022-03", pair)]


def test_received_in_the_same_month_is_the_subjects_call_of_the_month_told():
    text = ("استقبل ولي العهد الأمير محمد بن سلمان اليوم الرئيس السوري أحمد الشرع. وكان ولي العهد قد استقبل رئيس "
            "وزراء باكستان محمد شهباز شريف في مارس الماضي بقصر الصفا في مكة المكرمة، وتلقى في الشهر نفسه اتصالاً "
            "هاتفياً من رئيس وزراء ماليزيا أنور إبراهيم.")
    [call] = [e for e in events_of(text, dt.date(2025, 6, 13)) if e.type == "PhoneCall"]
    assert (str(call.date), labels(call)) == ("2025-03", {"Mohammed bin Salman", "Anwar Ibrahim"})


def test_the_country_in_a_guests_title_is_not_where_he_was_received():
    text = ("استقبل ولي العهد الأمير محمد بن سلمان دولة رئيس وزراء جمهورية باكستان الإسلامية السيد محمد شهباز شريف "
            "في مارس الماضي بقصر الصفا في مكة المكرمة.")
    [e] = events_of(text, dt.date(2025, 6, 13))
    assert e.place.label == "Mecca"


def test_a_call_that_took_place_between_them_is_of_the_two_just_named_and_no_visit_takes_its_day():
    text = ("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى برلين اليوم. وتأتي الزيارة تلبية لدعوة وجهها المستشار "
            "الألماني أولاف شولتس إلى السوداني خلال اتصال هاتفي جرى بينهما في تشرين الثاني الماضي.")
    found = sorted((e.type, str(e.date), frozenset(labels(e))) for e in events_of(text, dt.date(2023, 1, 14)))
    assert ("PhoneCall", "2022-11", frozenset({"Mohammed Shia al-Sudani", "Olaf Scholz"})) in found
    assert not any(t == "Visit" and d == "2022-11" for t, d, _ in found)


def test_a_call_two_days_before_the_visit_named_by_its_visitor_is_dated_from_it():
    text = ("استقبل الملك عبدالله الثاني في العقبة اليوم الجمعة رئيسة الوزراء الإيطالية جورجيا ميلوني. وتأتي زيارة "
            "ميلوني إلى الأردن بعد يومين من اتصال هاتفي أجراه الملك مع المستشار الألماني أولاف شولتس.")
    [call] = [e for e in events_of(text, dt.date(2024, 10, 18)) if e.type == "PhoneCall"]
    assert (str(call.date), labels(call)) == ("2024-10-16", {"Abdullah II of Jordan", "Olaf Scholz"})


def test_a_bare_title_before_a_name_with_a_clitic_is_the_holder_and_the_one_after_lam_is_received():
    """"المكالمة التي جمعت رئيس الجمهورية بميلوني": "بميلوني" is "ب" and a name, not the rest of an unknown
    name after the title (as "الملك فيصل" is); "استقبال جلالة الملك لرئيس الحكومة": the king receives."""
    text = ("استقبل الرئيس عبد المجيد تبون اليوم وزير الخارجية الإيطالي. وأشار إلى المكالمة الهاتفية التي جمعت "
            "رئيس الجمهورية بميلوني في شهر أفريل الفارط.")
    calls = [e for e in events_of(text, dt.date(2023, 5, 20)) if e.type == "PhoneCall"]
    assert [(str(e.date), labels(e)) for e in calls] == [("2023-04", {"Abdelmadjid Tebboune", "Giorgia Meloni"})]
    text = ("استقبل الملك محمد السادس اليوم بالرباط رئيس الحكومة الإسبانية بيدرو سانشيز. واعتبر أستاذ العلاقات "
            "الدولية أن استقبال جلالة الملك لرئيس الحكومة الإسبانية يطوي صفحة أزمة.")
    roles = {next(p.label for p in m.participants if p.key == k): r
             for m in mentions_of(text, dt.date(2022, 4, 7)) for k, r in m.roles.items()}
    assert roles == {"Mohammed VI of Morocco": "host", "Pedro Sánchez": "visitor"}


def test_a_when_clause_takes_the_day_told_before_it_and_an_ordinal_day_of_the_same_year():
    """"وتعود آخر قمة بين الزعيمين إلى سبتمبر الماضي، حين زار الملك سلمان واشنطن": the visit of "حين" is of
    that month; "في العاشر من فبراير من العام نفسه" is the 10th of February of the year told last."""
    text = ("استقبل العاهل السعودي الملك سلمان بن عبد العزيز أمس الرئيس الأمريكي باراك أوباما في الرياض. وتعود آخر "
            "قمة بين الزعيمين إلى أيلول/ سبتمبر الماضي، حين زار الملك سلمان واشنطن والتقى أوباما في البيت الأبيض.")
    visits = sorted(str(e.date) for e in events_of(text, dt.date(2016, 4, 21)) if e.type == "Visit")
    assert visits == ["2015-09", "2016-04-20"]
    text = ("زار الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا الصين في أبريل 2023. وكان الرئيس البرازيلي قد زار "
            "واشنطن في العاشر من فبراير/شباط من العام نفسه، والتقى الرئيس الأمريكي جو بايدن في البيت الأبيض.")
    dates = {str(e.date) for e in events_of(text, dt.date(2023, 12, 1)) if "Joe Biden" in labels(e)}
    assert dates == {"2023-02-10"}


def test_the_time_stamped_entries_of_a_dated_live_page_are_of_its_day():
    text = ("تغطية مباشرة | قمة شرم الشيخ\n"
            "09:30 — الرئيس السيسي تلقى مساء أمس اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.\n"
            "13:40 — السيسي يعقد لقاء ثنائيا مع الرئيس الإندونيسي برابوو سوبيانتو على هامش القمة.\n"
            "15:45 — السيسي وترامب يعقدان لقاء ثنائيا قبيل افتتاح القمة.")
    found = sorted((e.type, str(e.date)) for e in events_of(text, dt.date(2025, 10, 13)) if e.type != "Summit")
    assert found == [("Meeting", "2025-10-13"), ("Meeting", "2025-10-13"), ("PhoneCall", "2025-10-12")]


@pytest.mark.parametrize("text, url, expected", [
    # a wire of the kingdom's own web: "ولي العهد" is its crown prince
    ("استقبل ولي العهد رئيسة الوزراء الإيطالية جورجيا ميلوني في قصر اليمامة اليوم.",
     "https://www.spa.gov.sa/news/1", {"Mohammed bin Salman", "Giorgia Meloni"}),
    # a republic's own web: "الرئيس" is its president
    ("تلقى الرئيس اتصالا هاتفيا اليوم من الرئيس الفرنسي إيمانويل ماكرون.",
     "https://www.presidency.eg/ar/news/1", {"Abdel Fattah el-Sisi", "Emmanuel Macron"}),
    # a kingdom has no president: the bare "الرئيس" stays unknown, and the call with it
    ("تلقى الرئيس اتصالا هاتفيا اليوم من الرئيس الفرنسي إيمانويل ماكرون.", "https://www.spa.gov.sa/news/2", None),
    # an emirate's own web: "سمو الأمير" is its emir
    ("استقبل سمو الأمير الرئيس الفرنسي إيمانويل ماكرون في قصر بيان اليوم.",
     "https://www.kuna.net.kw/ArticleDetails.aspx?id=1", {"Nawaf Al-Ahmad Al-Jaber Al-Sabah", "Emmanuel Macron"}),
    # an address of no country: the title is nobody kg can name
    ("استقبل ولي العهد رئيسة الوزراء الإيطالية جورجيا ميلوني اليوم.", "https://news.example.com/1", {"Giorgia Meloni"}),
])
def test_a_title_no_one_was_given_is_the_office_holder_of_the_pages_country(text, url, expected):
    events = merge(extract_article(Article("t1", text, dt.date(2023, 5, 2), url=url))).events
    assert [labels(e) for e in events] == ([expected] if expected else [])


def test_a_subjunctive_verb_of_two_is_their_meeting_and_agreeing_that_they_meet_is_a_plan():
    """"قبل أن يلتقيا" tells the two meeting (the dual after "أن" drops its ن); "اتفقا على أن يلتقيا" is a plan."""
    told = ("جرى اتصال هاتفي بين تبون وماكرون في مارس 2022 شكر خلاله الرئيس الجزائري نظيره على التهنئة، "
            "قبل أن يلتقيا في وهران في أغسطس من العام نفسه.")
    found = {(e.type, str(e.date), frozenset(labels(e)), e.status) for e in events_of(told)}
    assert ("Meeting", "2022-08", frozenset({"Abdelmadjid Tebboune", "Emmanuel Macron"}), "occurred") in found
    planned = "وكان الرئيس الجزائري عبد المجيد تبون والرئيس الفرنسي إيمانويل ماكرون قد اتفقا على أن يجتمعا في الجزائر."
    assert [e.status for e in events_of(planned)] == ["planned"]


def test_a_two_stop_day_is_two_visits_each_received_where_it_was():
    """"وصل X أمس إلى أبوظبي ... واستقبله رئيس الدولة. وفي المساء نفسه انتقل إلى الرياض، حيث استقبله ولي العهد":
    "المساء نفسه" is that day, and the arrival is the Abu Dhabi visit's, not the Riyadh one of the same day."""
    text = ("وكان الرئيس الإندونيسي برابوو سوبيانتو قد وصل، أمس (الأربعاء)، إلى أبوظبي في زيارة نادرة. "
            "واستقبله رئيس دولة الإمارات الشيخ محمد بن زايد آل نهيان في قصر الوطن، فيما حلقت الطائرات.\n"
            "وفي المساء نفسه، انتقل الرئيس الإندونيسي إلى الرياض، حيث استقبله ولي العهد السعودي الأمير محمد بن سلمان "
            "في قصر اليمامة.")
    found = {(str(e.date), frozenset(labels(e)), e.place.label_en) for e in events_of(text, dt.date(2025, 4, 17))}
    assert found == {("2025-04-16", frozenset({"Prabowo Subianto", "Mohamed bin Zayed Al Nahyan"}), "Abu Dhabi"),
                     ("2025-04-16", frozenset({"Prabowo Subianto", "Mohammed bin Salman"}), "Riyadh")}


@pytest.mark.parametrize("when", ["وفي اليوم الثاني للقمة، الأربعاء،", "وفي ثاني أيام القمة، الأربعاء،",
                                  "وفي اليوم الأخير من القمة الأربعاء"])
def test_a_day_of_the_summit_is_when_the_meetings_were_not_a_summit_that_takes_their_day(when):
    text = ("قال المتحدث باسم الرئاسة إن أعمال القمة تسير بنجاح.\n"
            f"{when} عقد الرئيس البرازيلي لولا دا سيلفا لقاءات منفصلة مع الرئيس الفرنسي إيمانويل ماكرون "
            "والمستشار الألماني أولاف شولتس، كل على حدة.")
    assert rows_of(text, dt.date(2023, 11, 17), summits=False) == [
        ("Meeting", "2023-11-15", ("Emmanuel Macron", "Luiz Inácio Lula da Silva")),
        ("Meeting", "2023-11-15", ("Luiz Inácio Lula da Silva", "Olaf Scholz"))]


def test_a_meeting_told_as_the_means_and_a_verb_after_before_that_are_the_subjects():
    """"استهل X لقاءاته باجتماع مع Y، ...، قبل أن يلتقي Z": both meetings are X's; Y is no party of the second."""
    text = ("واستهل الرئيس الفرنسي إيمانويل ماكرون لقاءاته الاثنين باجتماع مع الرئيس الكيني وليام روتو، تناول "
            "التعاون الاقتصادي، قبل أن يلتقي في اليوم نفسه رئيس الوزراء الهندي ناريندرا مودي.")
    found = sorted(tuple(sorted(labels(e))) for e in events_of(text, dt.date(2024, 6, 12)) if len(labels(e)) > 1)
    assert found == [("Emmanuel Macron", "Narendra Modi"), ("Emmanuel Macron", "William Ruto")]


def test_a_weekday_opening_a_sentence_before_a_comma_is_its_day():
    """"والجمعة، شارك X في القمة" ("الجمعة" is also "the assembly"): a day when it opens the sentence, set off
    by a comma; the sideline meetings told next are of that day."""
    text = ("قال المتحدث باسم الرئاسة الإندونيسية إن القمة حققت نتائج مهمة.\n"
            "والجمعة، شارك برابوو في قمة الدول الثماني النامية بالقاهرة.\n"
            "والتقى الرئيس الإندونيسي على هامش القمة، كل على حدة، الرئيس المصري عبد الفتاح السيسي، والرئيس التركي "
            "رجب طيب أردوغان.")
    meetings = sorted((str(e.date), tuple(sorted(labels(e)))) for e in events_of(text, dt.date(2024, 12, 21))
                      if e.type == "Meeting")
    assert meetings == [("2024-12-20", ("Abdel Fattah el-Sisi", "Prabowo Subianto")),
                        ("2024-12-20", ("Prabowo Subianto", "Recep Tayyip Erdoğan"))]


def test_a_meeting_told_without_a_place_during_the_articles_summit_is_where_the_summit_was():
    text = ("اختتمت اليوم الخميس في مدينة جوهانسبرغ أعمال قمة مجموعة العشرين.\n"
            "والتقى الرئيس البرازيلي لولا دا سيلفا مساء الثلاثاء الرئيس الفرنسي إيمانويل ماكرون.")
    found = {(e.type, str(e.date), e.place.label_en if e.place else None) for e in events_of(text, dt.date(2025, 11, 20))}
    assert ("Meeting", "2025-11-18", "Johannesburg") in found
    # a meeting a month before the summit is not at it
    earlier = text.replace("مساء الثلاثاء", "في 14 أكتوبر")
    found = {(e.type, str(e.date), e.place.label_en if e.place else None) for e in events_of(earlier, dt.date(2025, 11, 20))}
    assert ("Meeting", "2025-10-14", None) in found


def test_a_bare_title_before_and_and_another_title_is_the_one_the_article_named():
    """"بين جلالة الملك ورئيس الحكومة الإسبانية": "ورئيس" is "and" + a title, not the rest of an unknown king's name."""
    text = ("استقبل الملك محمد السادس مساء أمس بالقصر الملكي بالرباط رئيس الحكومة الإسبانية بيدرو سانشيز.\n"
            "وتأتي الزيارة عقب المكالمة الهاتفية التي جرت بين جلالة الملك ورئيس الحكومة الإسبانية يوم 31 مارس الماضي.")
    assert calls_of(text, dt.date(2022, 4, 8)) == [("2022-03-31", {"Mohammed VI of Morocco", "Pedro Sánchez"})]


def test_who_hosted_comes_from_the_tellings_that_name_both_and_him_in_a_reception_is_the_guest():
    headline = ("جلالة الملك يستقبل رئيس الحكومة الإسبانية\n"
                "استقبل الملك محمد السادس اليوم الخميس بالقصر الملكي بالرباط رئيس الحكومة الإسبانية بيدرو سانشيز.")
    [e] = events_of(headline, dt.date(2022, 4, 7))
    assert (e.roles.get("Q57553"), e.roles.get("Q6070218")) == ("host", "visitor")
    arrival = ("وصل صباح اليوم الرئيس الإندونيسي برابوو سوبيانتو إلى الرياض.\n"
               "وكان باستقباله في المطار ولي العهد السعودي الأمير محمد بن سلمان.")
    [e] = events_of(arrival, dt.date(2025, 4, 17))
    assert {p.label: e.roles.get(p.key) for p in e.participants} == {"Prabowo Subianto": "visitor", "Mohammed bin Salman": "host"}


def test_a_name_kg_does_not_know_ends_at_an_event_word():
    """"أول رئيس دولة عربية يستقبله الجانب الصيني": no person named "عربية يستقبله الجانب"."""
    text = ("أجرى الرئيس الصيني شي جين بينغ اليوم محادثات مع الرئيس الفلسطيني محمود عباس في بكين. "
            "وأشار شي إلى أن عباس هو أول رئيس دولة عربية يستقبله الجانب الصيني هذا العام.")
    people = {p.label for e in events_of(text, dt.date(2023, 6, 14)) for p in e.participants}
    assert people == {"Xi Jinping", "Mahmoud Abbas"}


def test_titles_told_right_after_a_name_are_that_persons():
    """"سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء": both titles are his, not the Iraqi prime minister the
    article named before."""
    text = ("والتقى جلالة الملك حمد بن عيسى آل خليفة رئيس الوزراء العراقي محمد شياع السوداني.\n"
            "كما التقى الأمير سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء، على هامش القمة، الرئيس المصري "
            "عبد الفتاح السيسي.")
    found = sorted(tuple(sorted(labels(e))) for e in events_of(text) if e.type == "Meeting")
    assert found == [("Abdel Fattah el-Sisi", "Salman bin Hamad Al Khalifa"), ("Hamad bin Isa Al Khalifa", "Mohammed Shia al-Sudani")]


def test_met_him_is_the_previous_hosts_meeting_with_the_previous_visitor():
    """"التقاه" is "التقى" + "him" (alif maqsura is alif before the pronoun): the one named before meeting the visitor."""
    text = ("زار الرئيس الفنزويلي نيكولاس مادورو روسيا في مارس حين استقبله الرئيس فلاديمير بوتين في موسكو، "
            "ثم في مايو حين التقاه في مدينة سوتشي.")
    assert ("Meeting", "2019-05", ("Nicolás Maduro", "Vladimir Putin")) in rows_of(text, dt.date(2019, 6, 1))


def test_those_who_attended_the_meeting_held_no_meeting_of_their_own():
    text = ("استقبل الشيخ محمد بن زايد آل نهيان اليوم ناريندرا مودي رئيس وزراء الهند.\n"
            "حضر اللقاء سمو الشيخ طحنون بن زايد آل نهيان، وسمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية.")
    told = [{p.label for p in m.participants} for m in extract_article(Article("t1", text, None))]
    assert told == [{"Mohamed bin Zayed Al Nahyan", "Narendra Modi"}]  # no telling of a meeting of those present


def test_a_meeting_held_during_it_has_the_day_of_the_event_told_before():
    """"زار X الهند الشهر الماضي، حيث شارك في قمة ... والتقى خلالها رئيس الوزراء": the meeting is of that visit."""
    text = ("وكان الرئيس الإندونيسي برابوو سوبيانتو قد زار الهند الشهر الماضي، حيث شارك في قمة مجموعة العشرين "
            "والتقى خلالها رئيس الوزراء الهندي ناريندرا مودي.")
    told = [(m.type, str(m.date)) for m in extract_article(Article("t1", text, dt.date(2025, 2, 20)))
            if m.type == "Meeting"]
    assert told == [("Meeting", "2025-01")]


def test_a_mosque_named_after_a_sheikh_is_no_person():
    text = ("وزار الرئيس الفرنسي إيمانويل ماكرون جامع الشيخ زايد الكبير في أبوظبي، بعدما استقبله رئيس الدولة "
            "الشيخ محمد بن زايد آل نهيان في قصر الوطن.")
    [e] = events_of(text, dt.date(2023, 5, 16))
    assert labels(e) == {"Emmanuel Macron", "Mohamed bin Zayed Al Nahyan"}
