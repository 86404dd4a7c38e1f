from kg.extract.normalize import normalize, normalize_with_offsets


def test_hamza_alef_maksura_taa_marbuta_fold():
    assert normalize("أردوغان") == normalize("إردوغان") == normalize("اردوغان")
    assert normalize("مصطفى") == normalize("مصطفي")
    assert normalize("القاهرة") == normalize("القاهره")


def test_diacritics_tatweel_and_digits():
    assert normalize("الرَّئِيـــسُ") == "الرييس" or normalize("الرَّئِيـــسُ") == normalize("الرئيس")
    assert normalize("٢٠٢٥/٠١/٢١") == "2025/01/21"
    assert normalize("۱۴۰۳") == "1403"


def test_persian_letters_fold_to_arabic():
    assert normalize("الولایات") == normalize("الولايات")


def test_offsets_map_back_to_original_text():
    original = "التقى الرَّئيسُ  بوتين"
    n = normalize_with_offsets(original)
    start = n.text.index("بوتين")
    a, b = n.orig_span(start, start + len("بوتين"))
    assert original[a:b] == "بوتين"
    assert len(n.offsets) == len(n.text)


def test_invisible_format_characters_from_web_pages_do_not_hide_words():
    from kg.extract.dates import find_dates
    isolated = "يوم \u2067الاثنين\u2069"  # an isolate around the weekday, as some CMSs emit
    assert normalize(isolated) == normalize("يوم الاثنين")
    assert find_dates(normalize(isolated)) and find_dates(normalize("يوم\u200bالاثنين"))
    assert normalize("بو\u2060تين \u202bبوتين\u202c") == normalize("بوتين بوتين")
