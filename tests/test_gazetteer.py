"""The gazetteer's integrity and coverage."""

import datetime as dt
import json

import pytest

from kg.errors import DataError
from kg.extract.resources import check_gazetteer, load_gazetteer, read_gazetteer_file


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_no_integrity_problems(gaz):
    assert check_gazetteer(gaz) == []


def test_coverage(gaz):
    kinds = {}
    for e in gaz.entries.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    assert kinds["Country"] >= 193
    assert kinds["Organization"] >= 20
    assert kinds["Person"] >= 250
    capitals = [e for e in gaz.entries.values() if e.kind == "Country" and e.capital]
    assert len(capitals) >= 190


def test_known_ids_and_variants(gaz):
    assert gaz.entries["Q7747"].en == "Vladimir Putin"
    assert gaz.entries["Q15031"].en == "Xi Jinping"
    assert gaz.entries["Q148"].en == "China"


def test_role_holders_over_time(gaz):
    assert gaz.holder("head_of_state", "Q30", dt.date(2022, 6, 1)) != gaz.holder("head_of_state", "Q30", dt.date(2025, 6, 1))
    assert gaz.holder("head_of_state", "Q30", dt.date(2025, 6, 1)) == "Q22686"
    assert gaz.holder("head_of_state", "Q148", dt.date(2025, 1, 21)) == "Q15031"


def test_malformed_gazetteer_file_is_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kg-gazetteer/1", "kind": "Person", "entries": [{"id": "Q1"}]}', encoding="utf-8")
    with pytest.raises(DataError, match="bad.json.*lacks en, ar"):
        read_gazetteer_file(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="bad.json: not a readable gazetteer file"):
        read_gazetteer_file(bad)


def test_check_finds_planted_problems(tmp_path):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"format": "kg-gazetteer/1", "kind": "Person", "entries": [
        {"id": "Q12x", "wikidata": "Q12x", "en": "Bad Id", "ar": ["اسم"]},
        {"id": "name:Twin", "wikidata": None, "en": "Twin", "ar": ["فلاديمير بوتين"]},
        {"id": "name:Roleless", "wikidata": None, "en": "Roleless", "ar": ["مجهول"],
         "roles": [{"role": "king", "country": "Q999999999", "from": "2020", "to": "2019"}]},
    ]}, ensure_ascii=False), encoding="utf-8")
    problems = "\n".join(check_gazetteer(load_gazetteer((tmp_path,))))
    assert "wikidata 'Q12x' is not a Q-id" in problems
    assert "belongs to" in problems and "name:Twin" in problems
    assert "unknown role 'king'" in problems
    assert "role country 'Q999999999' is not in the gazetteer" in problems
