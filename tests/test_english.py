"""English news: each behaviour of the English extractor on sentences written for these tests."""

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from kg.cli import app
from kg.corpus import Reader
from kg.extract.events import extract_article
from kg.extract.english import is_english
from kg.extract.merge import merge
from kg.models import Article
from kg.pipeline import run_local

PUB = dt.date(2024, 3, 14)  # a Thursday


def mentions(text, published=PUB, language="en"):
    return extract_article(Article("t", text, published, language))


def one(text, **kw):
    ms = [m for m in mentions(text, **kw) if m.type != "Summit"]
    assert len(ms) == 1, ms
    return ms[0]


def keys(m):
    return sorted(p.label for p in m.participants)


def told_as(kind, text, published=PUB):
    """The mentions of one kind of event, as (date, participants)."""
    return [(str(m.date), keys(m)) for m in mentions(text, published=published) if m.type == kind]


def merged(text, published=PUB, summits=True):
    """The article's events after the merge, as sorted (type, date, participants)."""
    return sorted((m.type, str(m.date), tuple(keys(m))) for m in merge(mentions(text, published=published)).events
                  if summits or m.type != "Summit")


def test_phone_call_with_titles_and_weekday():
    m = one("Chinese President Xi Jinping held a phone call with Russian President Vladimir Putin on Tuesday.")
    assert m.type == "PhoneCall" and keys(m) == ["Vladimir Putin", "Xi Jinping"]
    assert str(m.date) == "2024-03-12" and m.status == "occurred"


def test_spoke_by_telephone_and_video_link():
    m = one("Emmanuel Macron spoke by telephone with Olaf Scholz yesterday.")
    assert m.type == "PhoneCall" and str(m.date) == "2024-03-13"
    m = one("Narendra Modi held talks via video link with Joe Biden today.")
    assert m.type == "VideoCall" and str(m.date) == "2024-03-14"


def test_a_title_alone_is_the_office_holder_of_the_country_on_the_date():
    m = one("The Saudi crown prince met the French president in Riyadh on Monday.")
    assert keys(m) == ["Emmanuel Macron", "Mohammed bin Salman"]
    assert m.place.label == "Riyadh"


def test_possessive_country_and_counterpart():
    m = one("Egypt's President Abdel Fattah el-Sisi received his Jordanian counterpart in Cairo on Sunday.")
    assert "Abdel Fattah el-Sisi" in keys(m) and len(m.participants) == 2
    assert str(m.date) == "2024-03-10"


def test_a_list_after_the_verb_is_one_meeting_per_pair():
    ms = [m for m in mentions("On the sidelines of the summit, Narendra Modi met Emmanuel Macron, "
                              "Olaf Scholz and Recep Tayyip Erdogan on Wednesday.") if m.type == "Meeting"]
    assert sorted(tuple(keys(m)) for m in ms) == [("Emmanuel Macron", "Narendra Modi"), ("Narendra Modi", "Olaf Scholz"),
                                                  ("Narendra Modi", "Recep Tayyip Erdoğan")]


def test_planned_negated_and_hypothetical():
    assert one("Vladimir Putin will visit Beijing next month, where he is expected to meet Xi Jinping.").status == "planned"
    assert mentions("A phone call between Joe Biden and Xi Jinping is not planned.") == []
    assert mentions("Joe Biden did not meet Xi Jinping.") == []


def test_dates_without_a_year_and_month_precision():
    assert str(one("Joe Biden met Emmanuel Macron on March 3.").date) == "2024-03-03"
    assert str(one("Joe Biden met Emmanuel Macron on 3 November 2023 in Paris.").date) == "2023-11-03"
    assert str(one("Joe Biden met Emmanuel Macron last November.").date) == "2023-11"
    assert one("Joe Biden met Emmanuel Macron on Tuesday.", published=None).date is None  # never a guessed day


def test_visit_has_a_visitor_and_a_host():
    m = one("French President Emmanuel Macron arrived in Beijing on Wednesday for a state visit.")
    assert m.type == "Visit" and m.roles[m.participants[0].key] == "visitor"
    assert "Xi Jinping" in keys(m) and m.place.label == "Beijing"


def test_dateline_and_venue_city():
    m = one("MOSCOW (Reuters) - Vladimir Putin met Recep Tayyip Erdogan on Thursday.")
    assert m.place.label == "Moscow"
    m = one("Joe Biden met Emmanuel Macron at the White House on Thursday.")
    assert m.place.label == "Washington, D.C."


def test_an_unknown_name_after_a_title_is_a_person():
    m = one("President Joe Biden spoke with Prime Minister Arvid Holmqvist on Tuesday.")
    assert "Arvid Holmqvist" in keys(m)


def test_clutter_lines_tell_no_event():
    assert mentions("Read more: Joe Biden met Emmanuel Macron on Tuesday") == []


def test_language_by_script_when_not_given():
    assert is_english("Joe Biden met Emmanuel Macron.") and not is_english("التقى الرئيس نظيره")
    arabic_rules_on_english = extract_article(Article("t", "Vladimir Putin met Xi Jinping on Tuesday.", PUB, None))
    assert [m.type for m in arabic_rules_on_english] == ["Meeting"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x800) | st.sampled_from("ab\u0600\u06ff\u0700\u05ff"),
               max_size=80), st.integers(0, 5100))
def test_language_is_the_script_with_more_letters_in_the_first_5000_characters(text, pad):
    """Latin letters against letters of the Arabic block (U+0600..U+06FF), counted in the first 5,000 characters."""
    text = " " * pad + text
    latin, arabic = (len(re.findall(r, text[:5000])) for r in (r"[A-Za-z]", r"[\u0600-\u06ff]"))
    assert is_english(text) == (latin > arabic)


MIXED = [
    {"id": "ar1", "language": "ar", "published": "2024-03-14",
     "text": "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون يوم الثلاثاء، بحثا خلاله الأوضاع الإقليمية."},
    {"id": "en1", "language": "en", "published": "2024-03-14",
     "text": "Russian President Vladimir Putin held a phone call with French President Emmanuel Macron on Tuesday, the Kremlin said."},
]


def test_mixed_corpus_merges_across_languages(tmp_path, runner):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in MIXED) + "\n", encoding="utf-8")
    _, events, *_ = run_local(Reader().read([path]))
    calls = [e for e in events if e.family == "call"]
    assert len(calls) == 1
    assert calls[0].sources == ["ar1", "en1"] and str(calls[0].date) == "2024-03-12"
    out = tmp_path / "mixed.ttl"
    result = runner.invoke(app, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
    page = tmp_path / "mixed.html"
    assert runner.invoke(app, ["report", str(out), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '<blockquote class="evidence" lang="en" dir="ltr">Russian President' in html
    assert '<blockquote class="evidence" lang="ar" dir="rtl">أجرى' in html


def test_an_invitation_or_an_undated_plan_is_no_event():
    assert mentions("Xi Jinping invited Emmanuel Macron, who leads France, to visit China in June.") == []
    assert mentions("Reports say Joe Biden and Xi Jinping are planning to hold a phone call.") == []


def test_a_date_of_another_verb_is_not_the_event_date():
    m = one("Meeting with his Kenyan counterpart William Ruto, Olaf Scholz praised the accord signed on March 2.")
    assert m.date is None


def test_the_day_of_the_previous_sentence_carries_and_sideline_summit():
    ms = mentions("Narendra Modi on Wednesday arrived for the summit in Johannesburg.\n"
                  "Narendra Modi met Cyril Ramaphosa on the sidelines of the BRICS summit.")
    meeting = next(m for m in ms if m.type == "Meeting")
    summit = next(m for m in ms if m.type == "Summit" and m.trigger.lower() == "summit" and "sidelines" in m.evidence)
    assert str(meeting.date) == "2024-03-13" and str(summit.date) == "2024-03-13"


def test_title_with_an_abbreviation_in_parentheses():
    m = one("Prime Minister (PM) Shehbaz Sharif met Recep Tayyip Erdogan in Astana on Thursday.")
    assert "Shehbaz Sharif" in keys(m) and m.place.label == "Astana"


def test_the_meeting_refers_back():
    ms = mentions("Joe Biden met Emmanuel Macron in Paris on Monday.\nThe meeting lasted an hour, Joe Biden and Emmanuel Macron said.")
    assert [m.partial for m in ms] == [False, True]


def test_a_day_without_a_year_later_than_publication_is_last_year():
    assert str(one("Chinese Premier Li Qiang met Australian Prime Minister Anthony Albanese on June 17.").date) == "2023-06-17"


def test_headline_subjects_and_present_tense():
    m = one("Xi, Putin hold talks in Moscow")
    assert keys(m) == ["Vladimir Putin", "Xi Jinping"] and str(m.date) == "2024-03-14" and m.place.label == "Moscow"


def test_habitual_is_no_event_and_travel_is_a_visit():
    assert mentions("Vladimir Putin has met Xi Jinping more than 40 times.") == []
    m = one("Indian Prime Minister Narendra Modi will travel to Washington next week for talks with Joe Biden.")
    assert m.type == "Visit" and m.status == "planned" and str(m.date) == "2024-03"


def test_received_at_a_venue():
    m = one("Vladimir Putin received Hungarian Prime Minister Viktor Orban at the Kremlin on Friday.")
    assert m.roles == {m.participants[0].key: "host", m.participants[1].key: "visitor"}
    assert m.place.label == "Moscow" and str(m.date) == "2024-03-08"


def test_a_summit_between_leaders_of_countries_takes_the_day_told_before():
    ms = mentions("Recep Tayyip Erdogan met Hassan Rouhani in Tehran on Friday.\n"
                  "The talks came before the start of the summit between leaders of Turkey, Russia and Iran.",
                  published=dt.date(2018, 9, 7))
    summit = next(m for m in ms if m.type == "Summit")
    assert str(summit.date) == "2018-09-07" and summit.place.label == "Tehran"
    assert [p.label for p in summit.participants] == ["Recep Tayyip Erdoğan"]


def test_a_wrong_language_tag_does_not_hide_the_text():
    arabic = "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في موسكو يوم الثلاثاء."
    assert [m.type for m in extract_article(Article("t", arabic, PUB, "en"))] == ["Meeting"]
    assert extract_article(Article("t", "Vladimir Putin met Xi Jinping on Tuesday.", PUB, "fr")) == []


def test_short_forms_of_royal_names():
    m = one("Jordan's King Abdullah II and Sheikh Mohamed bin Zayed met in Abu Dhabi on Sunday.")
    assert keys(m) == ["Abdullah II of Jordan", "Mohamed bin Zayed Al Nahyan"]


def test_a_planned_visit_to_a_country_in_a_later_month():
    m = one("Russian President Vladimir Putin is expected to visit Turkey in April, his spokesman said.")
    assert m.status == "planned" and str(m.date) == "2024-04" and m.place.label == "Turkey"
    assert keys(m) == ["Recep Tayyip Erdoğan", "Vladimir Putin"]
    assert str(one("Vladimir Putin visited Turkey in April.").date) == "2023-04"


def test_calls_with_a_list_are_one_call_each():
    ms = mentions("Joe Biden also spoke with Abdel Fattah al-Sisi and Qatar's Emir Sheikh Tamim bin Hamad Al Thani on Sunday.")
    assert sorted(tuple(keys(m)) for m in ms) == [("Abdel Fattah el-Sisi", "Joe Biden"), ("Joe Biden", "Tamim bin Hamad Al Thani")]


def test_a_headline_in_the_present_yields_to_the_day_the_text_tells():
    ms = mentions("Saudi crown prince receives Egyptian president\n"
                  "Saudi Crown Prince Mohammed bin Salman received Egyptian President Abdel Fattah al-Sisi on Tuesday.",
                  published=dt.date(2024, 3, 13))
    assert [str(m.date) for m in ms] == ["None", "2024-03-12"]
    assert str(one("Xi meets Putin in Beijing").date) == "2024-03-14"  # nothing else told: the day of the news


def test_an_aide_named_again_is_still_no_participant():
    ms = mentions("White House spokesman Judd Deere said the call went well.\n"
                  "Joe Biden spoke with Emmanuel Macron on Monday, Deere said.")
    assert [keys(m) for m in ms] == [["Emmanuel Macron", "Joe Biden"]]


def test_by_phone_alone_and_talks_with_a_visiting_leader():
    m = one("Narendra Modi and Vladimir Putin exchanged views by phone on Tuesday.")
    assert m.type == "PhoneCall" and str(m.date) == "2024-03-12"
    m = one("Xi Jinping held talks with visiting Brazilian President Lula in Beijing on Friday.")
    assert m.type == "Meeting" and keys(m) == ["Luiz Inácio Lula da Silva", "Xi Jinping"]
    assert mentions("Vice President Kamala Harris met Egyptian President Abdel Fattah al-Sisi in Dubai.") == []


def test_an_undated_article_reads_titles_in_the_era_of_its_names():
    m = one("Barack Obama met the German chancellor in Berlin.", published=None)
    assert keys(m) == ["Angela Merkel", "Barack Obama"] and m.date is None


def test_call_verbs_that_are_no_calls_and_a_call_told_after_both_names():
    assert mentions("Joe Biden called Vladimir Putin a killer on Tuesday.") == []
    assert mentions("Donald Trump called off the summit with Kim Jong Un on Thursday.") == []
    m = one("Xi Jinping told Vladimir Putin in a phone call on Tuesday that ties were strong.")
    assert m.type == "PhoneCall" and keys(m) == ["Vladimir Putin", "Xi Jinping"]


def test_joined_subjects_far_before_the_trigger():
    m = one("Turkish President Recep Tayyip Erdogan and his Russian counterpart Vladimir Putin discussed bilateral ties "
            "and the situation in Syria in a phone call on Wednesday, according to his office.")
    assert m.type == "PhoneCall" and keys(m) == ["Recep Tayyip Erdoğan", "Vladimir Putin"] and str(m.date) == "2024-03-13"


def test_months_with_this_year_or_last_year_and_may_the_verb():
    assert str(one("Narendra Modi and Fumio Kishida had met in Hiroshima in May last year.").date) == "2023-05"
    assert str(one("Narendra Modi and Fumio Kishida met in February this year.").date) == "2024-02"
    assert mentions("Narendra Modi said he may meet Fumio Kishida.") == []


def test_a_city_after_the_country_makes_the_place_precise():
    ms = mentions("BEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping on Thursday held talks with Russian President "
                  "Vladimir Putin, who is on a state visit to China, at the Great Hall of the People in Beijing.",
                  published=dt.date(2024, 5, 16))
    m = next(m for m in ms if m.type == "Meeting")
    assert m.place.label == "Beijing" and str(m.date) == "2024-05-16"


def test_a_year_alone_and_a_vice_president_left_out():
    assert str(one("Vladimir Putin's meeting with Donald Trump in Helsinki in 2018 was widely criticized.").date) == "2018"
    m = one("Volodymyr Zelensky met with Joe Biden and Kamala Harris at the White House on Thursday.")
    assert keys(m) == ["Joe Biden", "Volodymyr Zelenskyy"]


def test_two_subjects_with_an_object_are_one_contact_of_three():
    m = one("President Emmanuel Macron and German Chancellor Olaf Scholz held a video conference with Chinese President "
            "Xi Jinping on Monday.")
    assert m.type == "VideoCall" and keys(m) == ["Emmanuel Macron", "Olaf Scholz", "Xi Jinping"]


def test_a_summit_of_two_leaders_is_their_meeting():
    evs = merge(mentions("Donald Trump and Vladimir Putin met in Anchorage on Friday for a summit.",
                         dt.date(2025, 8, 16))).events
    assert [(e.type, {p.key for p in e.participants}) for e in evs] == [("Meeting", {"Q22686", "Q7747"})]
    [e] = merge(mentions("Trump and Kim Jong Un held their second summit in Hanoi in February 2019.",
                         dt.date(2019, 3, 1))).events
    assert (e.type, str(e.date), {p.key for p in e.participants}) == ("Meeting", "2019-02", {"Q22686", "Q56226"})


def test_a_named_summit_stays_a_summit_beside_the_meeting():
    evs = merge(mentions("Trump met Putin at the G20 summit in Osaka on Friday.", dt.date(2019, 6, 30))).events
    assert sorted(e.type for e in evs) == ["Meeting", "Summit"]


def test_a_summit_held_on_a_day_in_a_place_needs_no_named_leader():
    evs = merge(mentions("The Arab League summit was held in Manama on Thursday.", dt.date(2024, 5, 18))).events
    assert [(e.type, str(e.date), e.place.label, e.participants) for e in evs] == [("Summit", "2024-05-16", "Manama", ())]
    assert merge(mentions("Analysts said the summit in Manama was historic.", dt.date(2024, 5, 18))).events == []


def test_a_resort_of_a_city_places_the_event_there():
    [e] = merge(mentions("Erdogan met Putin in Russia's Black Sea resort of Sochi on Monday.", dt.date(2024, 5, 18))).events
    assert e.place.label == "Sochi"


def test_the_dateline_day_is_the_reports_not_the_events():
    text = ("ROME, May 7 (Reuters) - Italian Prime Minister Giorgia Meloni met Egyptian President "
            "Abdel Fattah el-Sisi in Cairo on Monday.")
    assert [str(m.date) for m in mentions(text, dt.date(2024, 5, 7))] == ["2024-05-06"]


def test_the_presidents_of_two_named_countries_are_their_office_holders():
    for text in ("The presidents of Egypt and France held talks in Cairo on Tuesday.",
                 "The Egyptian and French presidents held talks in Cairo on Tuesday."):
        assert [keys(m) for m in mentions(text)] == [["Abdel Fattah el-Sisi", "Emmanuel Macron"]], text


def test_the_medium_told_after_the_names_makes_the_call_a_phone_call():
    m = one("Emmanuel Macron spoke with German Chancellor Olaf Scholz by telephone on Tuesday.")
    assert m.type == "PhoneCall" and keys(m) == ["Emmanuel Macron", "Olaf Scholz"] and str(m.date) == "2024-03-12"


def test_a_summit_the_meeting_came_ahead_of_does_not_take_the_meetings_day():
    ms = mentions("Emmanuel Macron and Olaf Scholz met in Paris on Tuesday ahead of the European Union summit.")
    assert [(m.type, str(m.date)) for m in ms] == [("Meeting", "2024-03-12")]


def test_a_supreme_or_paramount_leader_is_the_leader_not_the_president():
    m = one("Russian President Vladimir Putin held a phone call with the Iranian Supreme Leader on Tuesday.",
            published=dt.date(2025, 11, 20))
    assert keys(m) == ["Ali Khamenei", "Vladimir Putin"]
    m = one("Russian President Vladimir Putin met the North Korean leader in Pyongyang on Tuesday.",
            published=dt.date(2025, 11, 20))
    assert keys(m) == ["Kim Jong Un", "Vladimir Putin"]


def test_the_head_of_a_body_that_governs_a_country_is_that_countrys_office_holder():
    m = one("Russian President Vladimir Putin held a phone call with Palestinian Authority President on Tuesday.",
            published=dt.date(2025, 11, 20))
    assert keys(m) == ["Mahmoud Abbas", "Vladimir Putin"]


def test_a_call_held_is_the_noun_and_a_call_on_a_day_is_no_call_on_someone():
    for text in ("Emmanuel Macron and Olaf Scholz held a two-hour call on Tuesday.",
                 "Emmanuel Macron and Olaf Scholz had a call on Tuesday."):
        m = one(text)
        assert m.type == "PhoneCall" and keys(m) == ["Emmanuel Macron", "Olaf Scholz"] and str(m.date) == "2024-03-12"
    assert mentions("Emmanuel Macron called on Olaf Scholz on Tuesday to send more weapons.") == []


def test_the_subject_is_not_a_name_inside_a_who_clause_and_may_the_month_is_no_maybe():
    ms = [m for m in mentions("Vladimir Putin, who last met Xi Jinping in Beijing in May, is expected to visit "
                              "India in September.", published=dt.date(2025, 4, 30)) if m.type == "Visit"]
    assert [(keys(m)[-1], m.roles.get("Q7747"), m.status, str(m.date)) for m in ms] == \
        [("Vladimir Putin", "visitor", "planned", "2025-09")]


def test_a_second_verb_and_his_visit_have_the_sentences_subject():
    ms = mentions("Recep Tayyip Erdogan hosted Vladimir Putin in Ankara in 2017 and visited Sochi in 2018.",
                  published=dt.date(2025, 4, 30))
    visit = next(m for m in ms if str(m.date) == "2018")
    assert visit.roles.get("Q39259") == "visitor"
    ms = mentions("Narendra Modi will meet Vladimir Putin during his two-day visit to Moscow starting Monday.",
                  published=dt.date(2025, 4, 30))
    [visit] = [m for m in ms if m.type == "Visit"]
    assert visit.roles.get("Q1058") == "visitor" and visit.status == "planned" and str(visit.date) == "2025-05-05"


def test_a_title_and_first_name_of_a_country_are_its_office_holder():
    m = one("King Abdullah of Jordan met U.S. President Donald Trump at the White House on Tuesday.",
            published=dt.date(2025, 2, 14))
    assert keys(m) == ["Abdullah II of Jordan", "Donald Trump"]
    assert mentions("King Faisal of Jordan met U.S. President Donald Trump on Tuesday.",
                    published=dt.date(2025, 2, 14)) == []  # not the king Jordan has


def test_a_courtesy_call_is_a_meeting_not_a_phone_call():
    m = one("Indian Prime Minister Narendra Modi paid a courtesy call on Chinese President Xi Jinping in Beijing on Tuesday.")
    assert m.type == "Meeting" and keys(m) == ["Narendra Modi", "Xi Jinping"] and m.place.label == "Beijing"


def test_more_english_date_forms():
    def date_of(when):
        return str(one(f"Emmanuel Macron held a phone call with Olaf Scholz {when}.").date)
    assert date_of("on March 12th") == "2024-03-12"  # PUB is Thursday 14 March 2024
    assert date_of("on the 12th of March") == "2024-03-12"
    assert date_of("on 2024-03-12") == "2024-03-12"
    assert date_of("two days ago") == "2024-03-12"
    assert date_of("earlier this week") == "2024-03"  # a week, so its month
    assert date_of("over the weekend") == "2024-03"


def test_king_charles_is_the_king_without_his_numeral():
    m = one("King Charles met Donald Trump at Windsor Castle on Tuesday.", published=dt.date(2025, 9, 18))
    assert keys(m) == ["Charles III", "Donald Trump"]


def test_spoken_and_will_speak_with_a_leader_are_calls():
    """Reported and planned talk verbs ("had spoken to", "will speak with") are calls of unknown medium."""
    m = one("Donald Trump said he had spoken to Vladimir Putin on Tuesday.")
    assert m.type == "Call" and keys(m) == ["Donald Trump", "Vladimir Putin"] and str(m.date) == "2024-03-12"
    m = one("Donald Trump will speak with Vladimir Putin on Tuesday, the White House said.")
    assert m.type == "Call" and m.status == "planned" and str(m.date) == "2024-03-19"
    assert mentions("Donald Trump will speak to reporters on Tuesday.") == []


def test_an_event_placed_weeks_before_the_reported_one_is_counted_back_from_its_day():
    """"The visit comes two weeks after X met Y": two weeks before the visit's Wednesday, not the month of
    the call the sentence before recalled."""
    text = ("Russian President Vladimir Putin hosted Syrian President Ahmed al-Sharaa in the Kremlin on Wednesday. "
            "The two leaders had spoken by phone in February. "
            "The visit comes two weeks after Sharaa met French President Emmanuel Macron in Paris.")
    dated = {(m.type, str(m.date)) for m in mentions(text) if "Emmanuel Macron" in keys(m)}
    assert dated == {("Meeting", "2024-02-28")}


def test_would_in_reported_speech_is_a_plan_not_a_condition():
    m = one("Donald Trump said he would meet Xi Jinping in South Korea later this month.")
    assert m.type == "Meeting" and m.status == "planned" and str(m.date) == "2024-03"
    assert mentions("Donald Trump would meet Xi Jinping if the talks succeed.") == []
    assert mentions("Shinzo Abe said he would like to meet Xi Jinping.") == []


def test_a_list_of_three_subjects_or_countries_is_one_contact_of_all():
    m = one("Xi Jinping, Vladimir Putin and Narendra Modi held talks in Kazan on Tuesday.")
    assert keys(m) == ["Narendra Modi", "Vladimir Putin", "Xi Jinping"]
    m = one("The leaders of China, Russia and India held talks in Kazan on Tuesday.")
    assert keys(m) == ["Narendra Modi", "Vladimir Putin", "Xi Jinping"]
    # an object of a fronted phrase is not one of the subjects
    m = one("After his meeting with Narendra Modi, Xi Jinping and Vladimir Putin held talks on Tuesday.")
    assert keys(m) == ["Vladimir Putin", "Xi Jinping"]


def test_a_day_after_another_event_of_the_sentence_is_counted_back():
    ms = mentions("Vladimir Putin and Xi Jinping held a video call on Friday, a day after Putin spoke by phone "
                  "with Donald Trump.")
    assert {(m.type, str(m.date)) for m in ms} == {("VideoCall", "2024-03-08"), ("PhoneCall", "2024-03-07")}


def test_the_report_opens_with_its_days_event_when_the_day_is_not_told():
    lead = "Kenyan President William Ruto phoned Brazilian President Lula da Silva to discuss climate finance."
    [m] = mentions(lead)
    assert (m.type, str(m.date)) == ("PhoneCall", str(PUB))
    # only the opening: the same call told later in the report, with no day, is not dated by the report
    later = "Kenya and Brazil signed a trade deal. Officials in both capitals praised the deal as a first step. "
    assert [m.date for m in mentions(later + lead)] == [None]


def test_a_refused_call_is_no_call():
    assert mentions("Egyptian President Abdel Fattah el-Sisi refuses to receive a phone call from Benjamin Netanyahu.") == []


def test_a_time_after_since_is_a_reference_point_not_the_events_day():
    [m] = mentions("For the first time since 2019, Chinese President Xi Jinping and Indian Prime Minister "
                   "Narendra Modi held formal talks.")
    assert str(m.date) == str(PUB)  # the report's opening event, not 2019


def test_two_leaders_joined_by_a_hyphen_are_the_pair_of_the_event():
    [m] = mentions("The Modi-Lula meeting in Brasilia lasted two hours on Tuesday.")
    assert (m.type, keys(m)) == ("Meeting", ["Luiz Inácio Lula da Silva", "Narendra Modi"])
    [m] = mentions("The first Trump-Putin summit was held in Helsinki on July 16, 2018.")
    assert (m.type, str(m.date), len(m.participants)) == ("Meeting", "2018-07-16", 2)


def test_a_verb_in_the_past_is_held_whatever_to_comes_before_it():
    """"agreed to resume flights as they met": the "to" is the other verb's; "to be received" is no past."""
    [m] = mentions("Narendra Modi and Luiz Inacio Lula da Silva agreed to resume flights as they met in Brasilia "
                   "on Tuesday.")
    assert (m.status, str(m.date)) == ("occurred", "2024-03-12")
    [m] = mentions("Narendra Modi is scheduled to be received by Lula in Brasilia on Tuesday.")
    assert (m.status, str(m.date)) == ("planned", "2024-03-19")


def test_the_two_leaders_are_the_pair_their_own_sentence_named_first():
    """The first sentence of a report, its names far from the verb: no pair before it, the one it joined
    with "and" is meant."""
    [m] = mentions("Narendra Modi and Luiz Inacio Lula da Silva agreed Tuesday to resume direct flights and to "
                   "expand the trade in ethanol and sugar between their countries, as the two leaders met for "
                   "three hours in Brasilia.")
    assert (keys(m), str(m.date)) == (["Luiz Inácio Lula da Silva", "Narendra Modi"], "2024-03-12")


def test_what_a_visits_where_clause_tells_dates_the_visit():
    """"a visit to Israel, where he met X on Wednesday": the day in the "where" clause is the visit's."""
    [m] = mentions("Japanese Prime Minister Fumio Kishida has ended a short visit to Egypt, where he met President "
                   "Abdel Fattah el-Sisi in Cairo on Tuesday and discussed the war in Gaza.")
    assert (m.type, str(m.date), m.place.label) == ("Visit", "2024-03-12", "Cairo")


def test_the_two_leaders_after_an_event_are_its_two_not_an_earlier_pair():
    text = ("Modi met Lula in Brasilia on Tuesday. On Wednesday, Modi spoke by phone with the Egyptian president, "
            "and the two leaders agreed to expand trade.")
    calls = [m for m in mentions(text) if m.type == "PhoneCall"]
    assert [keys(m) for m in calls] == [["Abdel Fattah el-Sisi", "Narendra Modi"]]


def test_both_men_before_any_event_are_the_last_two_named_and_each_spoke():
    """"X and Y declined ... Both men did speak to Z": two calls, one each; "the crown prince of Abu Dhabi" is a
    title of a place kg holds no office of, not the Saudi crown prince named before."""
    text = ("Mohammed bin Salman, the Saudi crown prince, and Sheikh Mohamed bin Zayed, the crown prince of Abu "
            "Dhabi, both turned down requests for a conversation. Both men did, however, speak to Vladimir Putin "
            "by telephone last week.")
    assert sorted(keys(m) for m in mentions(text)) == [["Mohamed bin Zayed Al Nahyan", "Vladimir Putin"],
                                                       ["Mohammed bin Salman", "Vladimir Putin"]]


def test_has_yet_to_meet_and_declined_to_take_a_call_are_no_events():
    assert mentions("The president has yet to meet Saudi Crown Prince Mohammed bin Salman.") == []
    assert mentions("Saudi Crown Prince Mohammed bin Salman declined to take a phone call from Joe Biden.") == []


def test_the_leaders_of_a_list_ending_in_the_country_are_each_met():
    """"bilateral talks with the leaders of Egypt, Iran and the United Arab Emirates": three meetings, each with
    the president who travels (Iran's, not its Supreme Leader: the gazetteer's `executive`)."""
    text = ("Russian President Vladimir Putin on Wednesday held bilateral talks with the leaders of Egypt, Iran "
            "and the United Arab Emirates in Kazan.")
    met = sorted(keys(m) for m in mentions(text, published=dt.date(2024, 10, 23)) if m.type == "Meeting")
    assert met == [["Abdel Fattah el-Sisi", "Vladimir Putin"], ["Masoud Pezeshkian", "Vladimir Putin"],
                   ["Mohamed bin Zayed Al Nahyan", "Vladimir Putin"]]


def test_a_meeting_and_a_later_call_joined_by_and_are_two_events():
    """"met in Beijing in February, ..., and held a video call in late December": the call is no medium of
    the meeting; its subjects are the meeting's."""
    text = ("Xi and Putin last met in person in Beijing in February last year, hours before the opening ceremony "
            "of the Winter Olympics, and held a video call in late December.")
    found = sorted((m.type, str(m.date), tuple(keys(m))) for m in mentions(text, published=dt.date(2023, 3, 21)))
    assert found == [("Meeting", "2022-02", ("Vladimir Putin", "Xi Jinping")),
                     ("VideoCall", "2022-12", ("Vladimir Putin", "Xi Jinping"))]


def test_a_summit_of_two_countries_joined_by_a_hyphen_is_their_leaders_meeting():
    """"The Russian-US summit held yesterday in Geneva": Putin and Biden met there that day ("held" right after
    the event word is its own verb, not another one that takes the date)."""
    [m] = mentions("The Russian-US summit held yesterday in Geneva was constructive, Russian President Vladimir "
                   "Putin told reporters.", published=dt.date(2021, 6, 17))
    assert (m.type, str(m.date), keys(m), m.place.label) == ("Meeting", "2021-06-16", ["Joe Biden", "Vladimir Putin"],
                                                            "Geneva")


def test_the_leader_of_a_movement_is_not_the_leader_of_its_country():
    """Hezbollah's or HTS's leader held no office of Lebanon or Syria: "the leaders of Lebanon and Syria" in 2023
    are the prime minister of a Lebanon without a president, and Assad."""
    [m] = mentions("The leaders of Lebanon and Syria met in Damascus on Tuesday.", published=dt.date(2023, 6, 15))
    assert keys(m) == ["Bashar al-Assad", "Najib Mikati"]


def test_calls_received_from_a_list_of_titles_are_one_call_each():
    """"received calls from the King of Bahrain, the Emir of Qatar and the UAE president": "calls" is the noun
    after "received", not the verb "X calls Y"."""
    ms = mentions("Saudi Crown Prince Mohammed bin Salman received calls from the King of Bahrain, the Emir of Qatar "
                  "and the UAE president on Sunday to exchange Eid greetings.", published=dt.date(2024, 6, 17))
    assert sorted((m.type, keys(m)[0] if keys(m)[1] == "Mohammed bin Salman" else keys(m)[1]) for m in ms) == [
        ("PhoneCall", "Hamad bin Isa Al Khalifa"), ("PhoneCall", "Mohamed bin Zayed Al Nahyan"),
        ("PhoneCall", "Tamim bin Hamad Al Thani")]


def test_earlier_in_the_day_is_the_day_told_last_however_far_back():
    text = ("Vladimir Putin had a telephone conversation with President of Tajikistan Emomali Rahmon on Sunday. "
            "Rahmon expressed condolences. The two leaders agreed to step up cooperation. They discussed the region. "
            "Earlier in the day, Vladimir Putin received condolence calls from President of Uzbekistan Shavkat "
            "Mirziyoyev and President of Kazakhstan Kassym-Jomart Tokayev.")
    assert {str(m.date) for m in mentions(text, published=dt.date(2024, 3, 25))} == {"2024-03-24"}


def test_sheikh_and_a_rulers_first_name_is_that_ruler():
    [m] = mentions("On the sidelines, Sheikh Mishal met Sheikh Tamim at Bayan Palace on Sunday.",
                   published=dt.date(2024, 12, 2))
    assert keys(m) == ["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Tamim bin Hamad Al Thani"]


def test_a_countrys_leader_without_a_paramount_one_is_its_head_of_state():
    """"The Indonesian leader visited Canberra in August last year": Prabowo (Indonesia has no paramount leader)."""
    ms = mentions("Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto in Jakarta on Thursday. "
                  "The Indonesian leader visited Canberra in August last year for talks with Mr Albanese.",
                  published=dt.date(2025, 5, 15))
    assert sorted((m.type, str(m.date)) for m in ms) == [("Meeting", "2025-05-15"), ("Visit", "2024-08")]
    assert all(keys(m) == ["Anthony Albanese", "Prabowo Subianto"] for m in ms)


def test_a_leader_going_home_is_on_no_visit():
    """"The trip is his first tour of the year, and he is set to return to Tokyo on Monday": not a visit to Japan."""
    text = ("Japanese Prime Minister Shigeru Ishiba met Indonesian President Prabowo Subianto in Bogor on Sunday. "
            "The Southeast Asia trip is Ishiba's first overseas tour of the new year, and he is set to return to "
            "Tokyo on Monday.")
    assert [m.type for m in mentions(text, published=dt.date(2025, 1, 12))] == ["Meeting"]


def test_the_crown_prince_among_two_is_the_datelines_countrys():
    """A Jeddah report names the Saudi and the Kuwaiti crown princes; "the crown prince met ..." is the Saudi one."""
    text = ("JEDDAH: The summit, chaired by Saudi Crown Prince Mohammed bin Salman, was attended by Kuwait's Crown "
            "Prince Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah. On Thursday evening, the crown prince met Tunisian "
            "President Kais Saied at Al-Salam Palace.")
    met = [keys(m) for m in mentions(text, published=dt.date(2023, 5, 20)) if m.type == "Meeting"]
    assert met == [["Kais Saied", "Mohammed bin Salman"]]


def test_the_leaders_of_two_countries_are_no_pair_told_before():
    """"the leaders of Qatar and Bahrain" after a call of two others: the two countries' leaders, not that pair."""
    text = ("The emir received a phone call from Saudi Crown Prince Mohammed bin Salman on Saturday. On Sunday, "
            "Sheikh Mishal met the leaders of Qatar and Bahrain at Bayan Palace.")
    met = sorted(keys(m) for m in mentions(text, published=dt.date(2024, 12, 2)) if m.type == "Meeting")
    assert met == [["Hamad bin Isa Al Khalifa", "Mishal Al-Ahmad Al-Jaber Al-Sabah"],
                   ["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Tamim bin Hamad Al Thani"]]


def test_an_undated_page_whose_dateline_gives_the_full_day_is_of_that_day():
    text = ("ISLAMABAD, May 14, 2025 (APP) - Prime Minister Shehbaz Sharif held a telephone conversation with the "
            "Emir of Qatar on Tuesday.")
    [m] = mentions(text, published=None)
    assert (str(m.date), keys(m)) == ("2025-05-13", ["Shehbaz Sharif", "Tamim bin Hamad Al Thani"])


def test_the_day_before_is_a_day_before_the_day_told_last():
    text = ("Prime Minister Shehbaz Sharif on Tuesday thanked the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, "
            "during a telephone conversation. The day before, Shehbaz Sharif had spoken with Turkish President "
            "Recep Tayyip Erdogan.")
    found = sorted((str(m.date), keys(m)[0]) for m in mentions(text, published=dt.date(2025, 5, 14)))
    assert found == [("2025-05-12", "Recep Tayyip Erdoğan"), ("2025-05-13", "Shehbaz Sharif")]


def test_a_title_of_a_states_long_name_and_honorifics_before_the_name():
    """A readout's "the President of the Republic of Uzbekistan H.E. Mr. Shavkat Mirziyoyev", joined by "and the"."""
    [m] = mentions("Prime Minister Shri Narendra Modi and the President of the Republic of Uzbekistan H.E. Mr. Shavkat "
                   "Mirziyoyev held a Virtual Summit today.", published=dt.date(2020, 12, 11))
    assert (m.type, str(m.date), keys(m)) == ("VideoCall", "2020-12-11", ["Narendra Modi", "Shavkat Mirziyoyev"])
    [m] = mentions("Modi held talks with the President of the Republic of Uzbekistan on Friday.",
                   published=dt.date(2020, 12, 11))
    assert keys(m) == ["Narendra Modi", "Shavkat Mirziyoyev"]


def test_a_past_visit_of_a_month_is_hosted_by_that_months_office_holder_in_english():
    """"Macron visited Lagos in July 2018": hosted by the president of then, not by the one the article names today."""
    text = ("French President Emmanuel Macron received his Nigerian counterpart Bola Tinubu at the Elysee Palace on "
            "Thursday. Macron visited Lagos in July 2018, when he was hosted by then-president Muhammadu Buhari.")
    past = [m for m in mentions(text, published=dt.date(2024, 11, 28)) if str(m.date) == "2018-07"]
    assert [keys(m) for m in past] == [["Emmanuel Macron", "Muhammadu Buhari"]]


def test_a_style_and_first_name_after_the_full_name_is_that_person():
    """"President Sheikh Mohamed bin Zayed Al Nahyan ...", then "Sheikh Mohamed ... last visited Pakistan"."""
    text = ("President Sheikh Mohamed bin Zayed Al Nahyan on Saturday received a phone call from King Abdullah II of "
            "Jordan. Sheikh Mohamed, then Crown Prince of Abu Dhabi, last visited Pakistan in January 2020, when he "
            "held talks with then prime minister Imran Khan in Islamabad.")
    assert told_as("Visit", text, dt.date(2022, 5, 15)) == [("2020-01", ["Imran Khan", "Mohamed bin Zayed Al Nahyan"])]


def test_the_ap_spelling_of_sisi():
    [m] = mentions("Egyptian President Abdel Fattah el-Sissi arrived in Ankara on Wednesday and was welcomed by Turkish "
                   "President Recep Tayyip Erdogan.", published=dt.date(2024, 9, 5))
    assert keys(m) == ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]


def test_a_video_conference_with_several_leaders_is_a_virtual_summit():
    """"held a video conference with X, Y and Z": one conference of all four, not three video calls."""
    ms = mentions("Chinese President Xi Jinping held a video conference on Monday with German Chancellor Angela Merkel, "
                  "European Council President Charles Michel and Commission President Ursula von der Leyen.",
                  published=dt.date(2020, 9, 15))
    assert [(m.type, str(m.date), len(m.participants)) for m in ms] == [("Summit", "2020-09-14", 4)]
    [m] = mentions("Xi Jinping held a video call with Vladimir Putin on Monday.", published=dt.date(2020, 9, 15))
    assert m.type == "VideoCall"


def test_a_surname_two_known_leaders_share_is_the_one_the_article_named():
    """"Lawrence Wong" (the surname of two people kg knows), then "Wong, who arrived ...": the one named."""
    text = ("Prime Minister Anwar Ibrahim and his Singaporean counterpart Lawrence Wong today witnessed the signing of "
            "an agreement. Wong, who arrived in Putrajaya this morning, was welcomed before the two leaders held talks.")
    visits = [m for m in mentions(text, published=dt.date(2025, 1, 7)) if m.type == "Visit"]
    assert [keys(m) for m in visits] == [["Anwar Ibrahim", "Lawrence Wong"]]


def test_the_place_in_a_rulers_name_is_no_name_of_his():
    """"Ibrahim Iskandar of Johor" is no reason to read the state in "the Johor-Singapore zone" as the king."""
    text = ("Prime Minister Anwar Ibrahim met Singapore's Prime Minister Lawrence Wong in Putrajaya on Tuesday to "
            "sign the Johor-Singapore Special Economic Zone agreement.")
    assert [keys(m) for m in mentions(text, published=dt.date(2025, 1, 8))] == [["Anwar Ibrahim", "Lawrence Wong"]]


def test_a_house_name_after_one_ruler_is_not_his_alone():
    """"Sheikh Khalifa bin Zayed Al Nahyan", then "Sheikh Mohamed bin Zayed Al Nahyan received a call": "Al
    Nahyan" names the house, so a later "Al Nahyan" is not taken for the first one."""
    text = ("The UAE mourned President Sheikh Khalifa bin Zayed Al Nahyan. Sheikh Mohamed bin Zayed Al Nahyan "
            "received a phone call from Egyptian President Abdel Fattah el-Sisi on Saturday.")
    calls = [m for m in mentions(text, published=dt.date(2022, 5, 15)) if m.type == "PhoneCall"]
    assert [keys(m) for m in calls] == [["Abdel Fattah el-Sisi", "Mohamed bin Zayed Al Nahyan"]]


def test_a_president_elect_is_the_one_named_not_the_president_in_office():
    text = ("Argentine President Javier Milei travelled to Florida on Thursday, where he met US President-elect "
            "Donald Trump at Mar-a-Lago.")
    [m] = [m for m in mentions(text, published=dt.date(2024, 11, 19)) if m.type != "Summit"]
    assert keys(m) == ["Donald Trump", "Javier Milei"]


def test_a_sideline_meeting_days_after_a_visit_elsewhere_is_not_placed_there():
    """A visitor's visit to Florida on Thursday does not place his meeting of the next Tuesday in Rio."""
    text = ("Argentine President Javier Milei travelled to Mar-a-Lago in Florida on Thursday to meet Donald Trump. "
            "On Tuesday, Milei held a bilateral meeting with Chinese President Xi Jinping.")
    events = merge(mentions(text, published=dt.date(2024, 11, 20))).events
    [met] = [e for e in events if e.type == "Meeting" and {p.label for p in e.participants} >= {"Xi Jinping"}]
    assert met.place is None


def test_a_place_named_after_a_king_and_a_fathers_name_are_no_one_at_the_event():
    """"received at King Salman Air Base by ... Mohammed bin Salman bin Abdulaziz Al Saud": neither the king the
    base is named after, nor a brother whose name also ends "bin Abdulaziz", is at the reception; and "the Amir"
    after it is still the emir the article introduced."""
    text = ("His Highness the Amir Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah arrived in Riyadh on Tuesday. His "
            "Highness the Amir was received upon arrival at King Salman Air Base by Crown Prince Mohammed bin Salman "
            "bin Abdulaziz Al Saud. His Highness the Amir and the Saudi Crown Prince later held official talks.")
    met = [sorted(p.label for p in m.participants) for m in mentions(text, published=dt.date(2024, 1, 30))
           if m.type == "Meeting"]
    assert met == [["Mishal Al-Ahmad Al-Jaber Al-Sabah", "Mohammed bin Salman"]] * 2


def test_a_received_message_is_no_reception_and_the_amir_is_the_one_so_titled():
    """A news agency page: talks with "the Syrian President", then "HH the Amir Receives Phone Call from US
    President" (the emir introduced as "the Amir", not the president named last), then a written message."""
    text = ("HH the Amir Sheikh Tamim bin Hamad Al-Thani and HE President of the Syrian Arab Republic Ahmed Al Sharaa "
            "held official talks at the Amiri Diwan this morning.\n\n"
            "HH the Amir Receives Phone Call from US President\n\n"
            "HH the Amir Sheikh Tamim bin Hamad Al-Thani received a written message from HE President of the "
            "Republic of Kazakhstan Kassym-Jomart Tokayev pertaining to bilateral relations.")
    found = sorted((m.type, tuple(keys(m))) for m in mentions(text, published=dt.date(2025, 4, 16)))
    assert found == [("Meeting", ("Ahmed al-Sharaa", "Tamim bin Hamad Al Thani")),
                     ("PhoneCall", ("Donald Trump", "Tamim bin Hamad Al Thani"))]


def test_a_styled_name_goes_on_with_the_rest_of_the_full_name():
    text = "Sheikh Tamim bin Hamad Al Thani and Syrian President Ahmed al-Sharaa held talks in Doha on Tuesday."
    [m] = mentions(text, published=dt.date(2025, 4, 16))
    assert (m.type, keys(m)) == ("Meeting", ["Ahmed al-Sharaa", "Tamim bin Hamad Al Thani"])


def test_a_comma_ends_an_unknown_name_after_a_title():
    """A headline "PM Shehbaz, President Erdogan reaffirm ..." is two people, so a later "PM Shehbaz" is not
    the Turkish president."""
    text = ("PM Shehbaz, President Erdogan reaffirm resolve to enhance ties\n\n"
            "Prime Minister Muhammad Shehbaz Sharif met President of Turkiye Recep Tayyip Erdogan in New York. "
            "Earlier, PM Shehbaz held a meeting with Iranian President Masoud Pezeshkian.")
    met = sorted(tuple(keys(m)) for m in mentions(text, published=dt.date(2024, 9, 26)))
    assert ("Masoud Pezeshkian", "Recep Tayyip Erdoğan") not in met
    assert ("Masoud Pezeshkian", "Shehbaz Sharif") in met


def test_headlines_listed_under_also_read_are_other_stories():
    text = ("Prime Minister Narendra Modi received US President Barack Obama in New Delhi on Sunday.\n\n"
            "ALSO READ\nObama meets Saudi king in Riyadh\nModi to visit Japan next month")
    assert [(m.type, keys(m)) for m in mentions(text, published=dt.date(2015, 1, 26))] == [
        ("Meeting", ["Barack Obama", "Narendra Modi"])]


def test_who_joined_the_subject_in_an_aside_is_not_the_subject():
    text = ("The tour began in Paris, where President Emmanuel Macron, joined by European Commission chief Ursula "
            "von der Leyen, held talks with Xi at the Elysee Palace on Monday.")
    [m] = mentions(text, published=dt.date(2024, 5, 10))
    assert (m.type, str(m.date), keys(m)) == ("Meeting", "2024-05-06", ["Emmanuel Macron", "Xi Jinping"])


def test_a_tour_on_an_undated_page_follows_its_traveller_in_the_years_of_all_its_leaders():
    """An undated page: Modi received by Ghana's Mahama (president twice), "the two leaders" held talks; "He then
    flew ..." and "The Prime Minister then travelled ..." are still Modi, and Brazil's host is the president of
    the years when all the leaders named held office (Lula in his second spell, not Dilma Rousseff)."""
    text = ("In Accra, Mr. Modi was received at the airport by Ghana's President John Dramani Mahama, and the two "
            "leaders held talks at Jubilee House. He then flew to Port of Spain, where he held talks with Trinidad "
            "and Tobago Prime Minister Kamla Persad-Bissessar. The Prime Minister then travelled to Brasilia for a "
            "state visit, where Brazil's President accorded him a ceremonial welcome. In the final leg, Mr. Modi "
            "visited Windhoek, where he held talks with Namibian President Netumbo Nandi-Ndaitwah.")
    pairs = {tuple(keys(e)) for e in merge(mentions(text, published=None)).events}
    assert ("Kamla Persad-Bissessar", "Narendra Modi") in pairs
    assert ("Luiz Inácio Lula da Silva", "Narendra Modi") in pairs
    assert not any("John Mahama" in p and "Kamla Persad-Bissessar" in p for p in pairs)


def test_a_family_name_told_first_and_the_day_of_each_joined_call():
    """"President Lee Jae-myung ..." then "Lee held phone talks with X on Friday and talked over the phone with Y
    on Monday": Lee is the family name, each call is Lee's, each of its own day."""
    text = ("President Lee Jae-myung held his first phone conversation with Chinese President Xi Jinping on Tuesday. "
            "Lee held his first phone talks with U.S. President Donald Trump on Friday and talked over the phone "
            "with Japanese Prime Minister Shigeru Ishiba on Monday.")
    calls = sorted((str(m.date), tuple(keys(m))) for m in mentions(text, published=dt.date(2025, 6, 10)))
    assert calls == [("2025-06-06", ("Donald Trump", "Lee Jae-myung")),
                     ("2025-06-09", ("Lee Jae-myung", "Shigeru Ishiba")),
                     ("2025-06-10", ("Lee Jae-myung", "Xi Jinping"))]


def test_a_list_of_past_contacts_each_with_its_own_month_is_one_event_each():
    text = ("Chinese President Xi Jinping met with U.S. President Joe Biden in Bali on Monday. The two presidents "
            "held a virtual meeting in November last year, had a video call in March and spoke over the phone in July.")
    found = sorted((m.type, str(m.date)) for m in merge(mentions(text, published=dt.date(2022, 11, 14))).events)
    assert found == [("Meeting", "2022-11-14"), ("PhoneCall", "2022-07"), ("VideoCall", "2021-11"),
                     ("VideoCall", "2022-03")]


def test_received_him_is_the_one_the_sentence_is_about_and_a_day_of_the_month_told_is_of_its_year():
    """"When MBS set out in December 2021 on a tour ..., he began in Muscat on December 6, where Sultan Haitham
    received him": the crown prince is received, on 6 December 2021 (not the last 6 December before publication)."""
    text = ("When Saudi Crown Prince Mohammed bin Salman set out in December 2021 on a tour of the Gulf states, he "
            "began in Muscat on December 6, where Sultan Haitham bin Tariq received him.")
    found = {(str(e.date), tuple(keys(e))) for e in merge(mentions(text, published=dt.date(2024, 10, 14))).events}
    assert ("2021-12-06", ("Haitham bin Tariq", "Mohammed bin Salman")) in found


@pytest.mark.parametrize("url, prime_minister", [
    ("https://www.gov.uk/government/news/pm-call", "Rishi Sunak"),  # the United Kingdom's own web
    ("https://www.pmindia.gov.in/en/news_updates/readout/", "Narendra Modi"),
    ("https://news.example.com/readout", None),  # no country in the address
    ("https://readouts.example.tv/pm", None),  # ".tv" is sold to anyone
])
def test_a_bare_title_on_a_countrys_own_web_is_that_countrys_office_holder(url, prime_minister):
    """A Downing Street readout says "The Prime Minister" and never names him: on a page of a country's web,
    a title no one in the article was given is that country's office holder on the day."""
    text = "The Prime Minister spoke to President Emmanuel Macron this afternoon about energy prices."
    events = merge(extract_article(Article("t", text, dt.date(2023, 5, 2), "en", url=url))).events
    found = [sorted(p.label for p in e.participants) for e in events]
    assert found == ([sorted(["Emmanuel Macron", prime_minister])] if prime_minister else [])


def test_the_two_presidents_are_the_last_pair_of_presidents_not_the_last_pair():
    """"The two presidents" after a president met a prime minister are the pair of presidents told before, and
    "They" then goes on about that pair."""
    text = ("Indonesian President Joko Widodo met Philippine President Ferdinand Marcos Jr. in Jakarta on Monday. "
            "On Tuesday, Widodo also met Malaysian Prime Minister Anwar Ibrahim. The two presidents have kept in "
            "close touch. They last spoke by phone in March.")
    assert told_as("PhoneCall", text, dt.date(2023, 9, 6)) == [("2023-03", ["Bongbong Marcos", "Joko Widodo"])]


def test_an_offer_to_host_a_meeting_is_no_meeting_and_the_two_leaders_stay_the_pair_that_spoke():
    text = ("President Cyril Ramaphosa spoke with Kenyan President William Ruto by phone on Tuesday. Ramaphosa "
            "repeated his offer to host a meeting between Ruto and Ethiopian Prime Minister Abiy Ahmed in Pretoria. "
            "The two leaders last met in Nairobi in February.")
    assert merged(text, dt.date(2024, 5, 8)) == [("Meeting", "2024-02", ("Cyril Ramaphosa", "William Ruto")),
                                                 ("PhoneCall", "2024-05-07", ("Cyril Ramaphosa", "William Ruto"))]


def test_the_two_countries_are_no_pair_and_a_sideline_meeting_takes_the_summits_day():
    """"The foreign ministers of the two countries ... met in Beijing in April" is not the two leaders' meeting,
    and gives no day to "X also met Y on the sidelines of the gathering", which is the summit's."""
    text = ("Egyptian President Abdel Fattah el-Sisi held talks with Turkish President Recep Tayyip Erdogan in Jeddah "
            "on the sidelines of an Arab League summit on Friday. The foreign ministers of the two countries, Sameh "
            "Shoukry and Mevlut Cavusoglu, met in Ankara in April. Sisi also met Tunisian President Kais Saied on the "
            "sidelines of the gathering.")
    assert merged(text, dt.date(2023, 5, 20), summits=False) == [
        ("Meeting", "2023-05-19", ("Abdel Fattah el-Sisi", "Kais Saied")),
        ("Meeting", "2023-05-19", ("Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"))]


def test_the_two_leaders_annual_summit_is_their_meeting():
    text = ("Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in New Delhi on Monday. "
            "On Sunday, the two leaders held the 14th Annual Summit at Hyderabad House.")
    found = {(m.type, tuple(keys(m))) for m in mentions(text, published=dt.date(2022, 3, 21))}
    assert found == {("Meeting", ("Fumio Kishida", "Narendra Modi"))}  # no summit of its own


def test_leaders_who_shook_hands_met():
    text = ("Argentine President Javier Milei welcomed Brazilian President Luiz Inacio Lula da Silva in Buenos Aires "
            "on Monday. The two leaders first shook hands in Rio de Janeiro in November 2024.")
    found = sorted((m.type, str(m.date)) for m in merge(mentions(text, published=dt.date(2025, 6, 3))).events)
    assert ("Meeting", "2024-11") in found


def test_a_counterpart_named_is_the_host_of_a_visit_to_his_country():
    """"his Malaysian counterpart Anwar Ibrahim", then "He made a visit to Malaysia in June": Anwar hosted it,
    not the king (the head of state is the host only when the article names no leader of the country)."""
    text = ("Prime Minister Lawrence Wong met his Malaysian counterpart Anwar Ibrahim in Putrajaya on Tuesday. "
            "He made an introductory visit to Malaysia in June 2024.")
    assert told_as("Visit", text, dt.date(2025, 1, 8)) == [("2024-06", ["Anwar Ibrahim", "Lawrence Wong"])]


def test_the_day_of_a_lead_that_tells_no_event_goes_on_to_the_arrival_told_next():
    """A lead dated "on Jan 7" that tells no event word ("witnessed the signing"), then "Mr X arrived at ..., where
    he was received": the reception is of that day, not joined to the pair's meeting recalled after it."""
    text = ("Jan 7, 2025\n[Share]\nPUTRAJAYA - Prime Minister Lawrence Wong and his Malaysian counterpart Anwar Ibrahim "
            "witnessed the signing of an agreement at the Leaders' Retreat on Jan 7.\nMr Wong arrived at Seri Perdana "
            "at about 9am, where he was received with an official welcome ceremony.\nThe two leaders last met at the "
            "Apec summit in Lima in November.")
    assert [row[:2] for row in merged(text, dt.date(2025, 1, 7), summits=False)] == [("Meeting", "2024-11"),
                                                                                     ("Visit", "2025-01-07")]


def test_a_leader_who_greeted_a_guest_received_him():
    text = "On March 3, 2025, Emir Sheikh Tamim bin Hamad Al Thani greeted President Prabowo Subianto at Hamad International Airport."
    [m] = mentions(text, published=None)
    assert (str(m.date), keys(m)) == ("2025-03-03", ["Prabowo Subianto", "Tamim bin Hamad Al Thani"])


def test_a_timeline_heading_dates_the_events_of_its_paragraph():
    text = ("Here is a timeline of the key moments.\n"
            "June 3 - Lula in Rome\n"
            "On his first trip of the year, Brazilian President Luiz Inacio Lula da Silva visited Italian Prime "
            "Minister Giorgia Meloni in Rome, at one point joking about football.\n"
            "June 5 - Berlin\n"
            "Lula met German Chancellor Olaf Scholz at the Chancellery.")
    assert sorted(row[1:] for row in merged(text, dt.date(2023, 6, 10))) == [
        ("2023-06-03", ("Giorgia Meloni", "Luiz Inácio Lula da Silva")),
        ("2023-06-05", ("Luiz Inácio Lula da Silva", "Olaf Scholz"))]


def test_the_pair_are_the_two_leaders():
    text = ("Prime Minister Anthony Albanese met New Zealand Prime Minister Christopher Luxon in Sydney on Friday. "
            "The pair first met at the Apec summit in San Francisco in November.")
    assert [row[:2] for row in merged(text, dt.date(2024, 8, 16), summits=False)] == [("Meeting", "2023-11"),
                                                                                      ("Meeting", "2024-08-16")]


def test_a_habit_told_of_the_guest_in_a_relative_clause_keeps_the_meeting():
    met = "On Friday, Prime Minister Shinzo Abe met U.S. President Donald Trump, who has repeatedly criticised the treaty."
    assert [(str(m.date), keys(m)) for m in mentions(met, published=dt.date(2019, 6, 29))] == [
        ("2019-06-28", ["Donald Trump", "Shinzo Abe"])]
    habit = "Prime Minister Shinzo Abe has repeatedly met U.S. President Donald Trump."
    assert mentions(habit, published=dt.date(2019, 6, 29)) == []


def test_talks_after_a_summit_word_and_a_visit_agreed_to_are_told_apart():
    """"X, the host of the summit, held talks with Y on Thursday, with Y agreeing to make a state visit next spring":
    the talks are Thursday's; the visit is a plan, not a visit held on Thursday."""
    text = ("Prime Minister Shinzo Abe, the host of the summit, held talks with Chinese President Xi Jinping on "
            "Thursday evening, with Xi agreeing to make a state visit to Japan next spring.")
    found = [(m.type, m.status, str(m.date)) for m in mentions(text, published=dt.date(2019, 6, 29)) if m.type != "Summit"]
    assert found == [("Meeting", "occurred", "2019-06-27")]


def test_a_title_with_a_style_and_a_first_name_is_the_one_holder_so_named():
    """"President Sheikh Mohamed": of the presidents of the day named Mohamed, the one styled Sheikh."""
    text = "President Sheikh Mohamed received Prime Minister Narendra Modi in Abu Dhabi on Tuesday."
    [m] = mentions(text, published=dt.date(2024, 2, 14))
    assert (str(m.date), keys(m)) == ("2024-02-13", ["Mohamed bin Zayed Al Nahyan", "Narendra Modi"])


def test_a_conversation_with_a_leader_is_a_call():
    text = "President Ramaphosa said he had a long conversation with President William Ruto on Friday."
    [m] = mentions(text, published=dt.date(2024, 5, 13))
    assert (m.type, str(m.date), keys(m)) == ("Call", "2024-05-10", ["Cyril Ramaphosa", "William Ruto"])


def test_leaders_who_welcomed_progress_received_no_one():
    text = ("On Friday, Prime Minister Narendra Modi hosted President Joe Biden at his residence for talks. "
            "The two leaders welcomed progress on the jet engine deal.")
    told = [(m.type, str(m.date), m.evidence[:12]) for m in mentions(text, published=dt.date(2023, 9, 9))]
    assert told == [("Meeting", "2023-09-08", "On Friday, P")]  # no telling of a reception in the second sentence
