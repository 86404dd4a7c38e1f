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
