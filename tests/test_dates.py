"""Date forms across regions, resolved against a publication date."""

import datetime as dt

import pytest

from kg.extract.dates import find_dates, parse_published
from kg.extract.normalize import normalize

WED = dt.date(2026, 2, 4)  # a Wednesday


def resolve(text, pub=WED, future=False):
    return [str(d.resolve(pub, future)) for d in find_dates(normalize(text))]


@pytest.mark.parametrize("text,expected", [
    ("في 3 يوليو 2024", "2024-07-03"),
    ("الخميس 8 مايو 2025", "2025-05-08"),
    ("في 3 من كانون الأول 2023", "2023-12-03"),
    ("يوم 21 جانفي 2025", "2025-01-21"),
    ("في ١٥ يناير ٢٠٢٥", "2025-01-15"),
    ("21/01/2025", "2025-01-21"),
    ("2025-01-21", "2025-01-21"),
    ("في فبراير/شباط 2022", "2022-02"),
    ("في أيلول 2023", "2023-09"),
    ("جويلية 2024", "2024-07"),
    ("في ربيع عام 2023", "2023"),
    ("21 janvier 2025", "2025-01-21"),
])
def test_absolute_dates(text, expected):
    assert resolve(text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("اليوم الأربعاء", "2026-02-04"),
    ("أمس الثلاثاء", "2026-02-03"),
    ("يوم الثلاثاء", "2026-02-03"),
    ("مساء الاثنين", "2026-02-02"),
    ("غدا الخميس", "2026-02-05"),
    # a weekday one off the marker's day: the publication date is a day from the writer's, the weekday
    # decides (what happened is still not after publication)
    ("صباح اليوم الثلاثاء", "2026-02-03"),
    ("أمس الأربعاء", "2026-02-04"),
    ("اليوم الخميس", "2026-02-04"),
    ("أمس الأحد", "2026-02-03"),  # further off: the marker
    ("الثلاثاء الماضي", "2026-02-03"),
    ("الأربعاء الماضي", "2026-01-28"),
    ("أمس", "2026-02-03"),
    ("أول أمس", "2026-02-02"),
    ("اليوم", "2026-02-04"),
    ("في سبتمبر/أيلول", "2025-09"),
    ("أواخر نوفمبر/تشرين الثاني", "2025-11"),
    ("في شهر آب", "2025-08"),
    ("12 أيلول", "2025-09-12"),
    ("العام الماضي", "2025"),
    ("هذا العام", "2026"),
    ("الشهر الماضي", "2026-01"),
])
def test_relative_dates(text, expected):
    assert resolve(text) == [expected]


def test_a_planned_day_one_off_its_marker_takes_the_weekday():
    assert resolve("اليوم الخميس", future=True) == ["2026-02-05"]
    assert resolve("غدا الجمعة", future=True) == ["2026-02-06"]
    assert resolve("غدا الخميس", future=True) == ["2026-02-05"]


def test_month_alone_in_future_sentence_is_the_next_one():
    assert resolve("في سبتمبر", future=True) == ["2026-09"]
    assert resolve("يوم الخميس", future=True) == ["2026-02-05"]


def test_hijri_date_gives_its_gregorian_equivalent():
    assert resolve("في ١٥ رجب ١٤٤٦ هـ الموافق ١٥ يناير ٢٠٢٥") == ["2025-01-15"]


def test_ambiguous_words_are_not_dates():
    # آب is also "father", مارس "practised", الاثنين "the two"
    assert resolve("قال الاب إن ابنه مارس الرياضة") == []
    assert resolve("اتفق الاثنين على") == []
    # "نوفمبر الماضي" told in November is last year's November; "نوفمبر" alone this one
    nov = dt.date(2022, 11, 14)
    assert [str(d.resolve(nov)) for d in find_dates(normalize("في نوفمبر الماضي"))] == ["2021-11"]
    assert [str(d.resolve(nov)) for d in find_dates(normalize("في نوفمبر"))] == ["2022-11"]
    # "في الشهر نفسه" is the month told last, as "من العام نفسه" is the year: only the reader of the article knows
    assert [d.kind for d in find_dates(normalize("وتلقى في الشهر نفسه اتصالا"))] == ["same_month"]
    [same] = find_dates(normalize("في يونيو/حزيران من العام نفسه"))
    assert (same.kind, same.month, same.resolve(WED)) == ("same_year", 6, None)
    # "اليوم الأول من الزيارة" is the visit's first day, not today ("اليوم" alone still is)
    assert resolve("في اليوم الأول من زيارة الدولة") == []
    assert resolve("في اليوم الثالث والأخير من القمة") == []
    assert resolve("التقى اليوم الرئيس") != []


def test_the_evening_of_the_day_before_yesterday_is_two_days_back():
    assert resolve("مساء أمس الأول") == resolve("أول أمس") == [str(WED - dt.timedelta(days=2))]
    assert resolve("مساء أمس") == [str(WED - dt.timedelta(days=1))]


def test_a_month_that_is_also_a_word_is_a_month_after_in_or_before_last():
    assert resolve("التقيا في مارس الماضي") == ["2025-03"]
    assert resolve("منذ مارس الماضي") == ["2025-03"]
    assert resolve("التقيا في مارس") == ["2025-03"]
    assert resolve("وقد مارس الرئيس ضغوطا") == []


def test_without_publication_date_relative_dates_stay_unresolved():
    assert resolve("يوم الثلاثاء", pub=None) == ["None"]
    assert resolve("في 3 يوليو 2024", pub=None) == ["2024-07-03"]


def test_published_metadata_parsing():
    assert parse_published("2025-01-21T10:00:00+03:00") == dt.date(2025, 1, 21)
    assert parse_published("2025-02-30") is None
    assert parse_published("Tue, 21 Jan 2025 08:00:00 GMT") == dt.date(2025, 1, 21)


def test_last_week_and_early_this_month_give_a_month_never_a_day():
    pub = dt.date(2024, 3, 5)
    cases = {"بحثا هاتفيا الأسبوع الماضي": "2024-02", "التقيا مطلع الشهر": "2024-03",
             "التقيا في أواخر الشهر الماضي": "2024-02", "سيلتقيان الأسبوع المقبل": "2024-03"}
    for text, month in cases.items():
        [d] = find_dates(normalize(text))
        assert str(d.resolve(pub)) == month, text


def test_a_form_is_found_wherever_its_words_are_even_spread_over_two_spaces():
    """Each pattern runs only over the stretches of text holding a word it needs: a month name
    written with a double space, next to digits, is still a month."""
    assert resolve("وصل 3 وفود في كانون  الثاني الماضي") == ["2026-01"]
    assert resolve("التقيا في 12 تشرين  الأول 2023") == ["2023-10-12"]
    assert resolve("حضر 40 مندوبا الاجتماع") == []


@pytest.mark.parametrize("text,expected", [
    ("في الثالث من يناير", ["2026-01-03"]),
    ("في الخامس عشر من كانون الثاني", ["2026-01-15"]),
    ("الحادي والعشرين من مايو 2024", ["2024-05-21"]),
    ("الأسبوع الأول من يناير", ["2026-01"]),  # a week, not the first day
    ("في 2 من الشهر الجاري", ["2026-02-02"]),
    ("في 30 من الشهر الماضي", ["2026-01-30"]),
    ("قبل يومين", ["2026-02-02"]),
    ("منذ ثلاثة أيام", ["2026-02-01"]),
    ("قبل يومين من القمة", []),  # an offset from another event, not from the report
    ("في العاشر من الشهر الجاري", ["2026-02-10"]),
    ("الثاني من الشهر الماضي", ["2026-01-02"]),
    ("في الأسبوع الأول من الشهر الجاري", ["2026-02"]),  # a week, not the first day
    ("منتصف الشهر المقبل", ["2026-03"]),
    ("أواخر الشهر القادم", ["2026-03"]),
    ("بداية الشهر الجاري", ["2026-02"]),
])
def test_ordinal_days_days_and_parts_of_a_month_told_from_publication_and_days_ago(text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2025/05/15", ["2025-05-15"]),
    ("15-5-2025", ["2025-05-15"]),
    ("يوم الخميس الموافق 15 يناير", ["2026-01-15"]),  # the weekday is told with the date, not as another day
    ("السبت 7 كانون الثاني/يناير", ["2026-01-07"]),
])
def test_numeric_dates_either_way_and_a_weekday_told_with_its_date(text, expected):
    assert resolve(text) == expected



@pytest.mark.parametrize("text,expected", [
    ("في أيار من العام الماضي", ["2025-05"]),
    ("في شهر مارس من العام الماضي", ["2025-03"]),
    ("مطلع تشرين الثاني العام الماضي", ["2025-11"]),
    ("في 9 أكتوبر من العام الجاري", ["2026-10-09"]),
    ("في يناير من العام المقبل", ["2027-01"]),
])
def test_a_month_of_a_year_told_from_publication_is_of_that_year(text, expected):
    """Not the last such month before publication: "May of last year", said in February, is two Mays back."""
    assert resolve(text) == expected
