"""A corpus of hostile input, written on demand (a 50 MB article is not kept in git).

``write(directory)`` writes every case and returns what ``kg build`` must do with
each: skip it with a reason (``SKIP``) or read it (``READ``, with the people the
extractor must find in it, if any).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

PUBLISHED = "2025-01-22"
CALL = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ يوم 21 يناير 2025."
VISIT = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم 20 يناير 2025 الرئيس الفرنسي إيمانويل ماكرون."
PUTIN, XI = "Q7747", "Q15031"
SISI, MACRON = "Q307871", "Q3052772"
CRAFTED = 'x"}) MATCH (n) DETACH DELETE n // `tick` {brace} $param \\ \' ; DROP GRAPH <urn:x> ; INSERT DATA { <a> <b> <c> } #\nline2'


@dataclass
class Case:
    source: str  # file name, or "file:line" for a JSONL record
    skip: str | None = None  # the reason's start when the input must be skipped
    people: set[str] = field(default_factory=set)  # Wikidata ids that must be found when read


def article(*sentences: str) -> str:
    return "\n".join(["date " + PUBLISHED, *sentences, "وبحث الجانبان العلاقات الثنائية."]) + "\n"


def write(d: Path, *, huge_mb: int = 50) -> list[Case]:
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    cases: list[Case] = []

    def put(name: str, data: bytes, case: Case) -> None:
        d.joinpath(name).write_bytes(data)
        cases.append(case)

    put("empty.txt", b"", Case("empty.txt", skip="empty file"))
    put("whitespace.txt", b" \n\t\r\n  \n", Case("whitespace.txt", skip="empty file"))
    put("binary.txt", bytes(rng.randrange(256) for _ in range(20_000)), Case("binary.txt", skip="binary file"))
    put("elf.html", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64, Case("elf.html", skip="binary file"))
    put("truncated-utf8.txt", article(CALL).encode("utf-8")[:-3] + "بو".encode("utf-8")[:3],
        Case("truncated-utf8.txt", people={PUTIN, XI}))
    put("windows-1256.txt", article(CALL).encode("cp1256"), Case("windows-1256.txt", people={PUTIN, XI}))
    put("utf16-bom.txt", article(CALL).encode("utf-16"), Case("utf16-bom.txt", people={PUTIN, XI}))
    put("utf16le-nobom.txt", article(VISIT).encode("utf-16-le"), Case("utf16le-nobom.txt", people={SISI, MACRON}))
    filler = ("وتناولت المباحثات قضايا المنطقة. " * 40 + "\n").encode("utf-8")
    with open(d / "huge.txt", "wb") as fh:
        fh.write(article(CALL).encode("utf-8"))
        for _ in range(huge_mb * 1_000_000 // len(filler) + 1):
            fh.write(filler)
    cases.append(Case("huge.txt", skip="article is"))

    records = [
        ({"id": "ok-1", "text": CALL, "published": PUBLISHED}, Case("feed.jsonl:1", people={PUTIN, XI})),
        ('{"id": "broken", "text": "نص', Case("feed.jsonl:2", skip="malformed JSON")),
        ({"id": "no-text", "published": PUBLISHED}, Case("feed.jsonl:3", skip="no 'text' or 'html' field")),
        ({"id": "int-text", "text": 42, "published": PUBLISHED}, Case("feed.jsonl:4", skip="field 'text' must be a string")),
        ({"id": "int-date", "text": CALL, "published": 20250122}, Case("feed.jsonl:5", skip="'published' must be a date string")),
        ({"id": "feb-30", "text": CALL, "published": "2025-02-30"}, Case("feed.jsonl:6", skip="'published' '2025-02-30' is not a valid date")),
        ({"id": "future", "text": CALL, "published": "2999-01-01"}, Case("feed.jsonl:7", skip="'published' 2999-01-01 is in the future")),
        ("[1, 2, 3]", Case("feed.jsonl:8", skip="a line must be a JSON object")),
        ({"id": ["a", "list"], "text": VISIT, "published": PUBLISHED, "url": 7, "title": {"x": 1}},
         Case("feed.jsonl:9", people={SISI, MACRON})),
        ({"id": CRAFTED, "text": "«" + CALL + "» `" + VISIT + "` {}", "published": PUBLISHED, "title": CRAFTED,
          "outlet": CRAFTED, "url": "https://example.org/a?q=" + CRAFTED},
         Case("feed.jsonl:10", people={PUTIN, XI, SISI, MACRON})),
        ({"id": "html-rec", "html": f"<html><body><script>var a='{CALL}';</script><p>{VISIT}</p></body></html>",
          "published": PUBLISHED}, Case("feed.jsonl:11", people={SISI, MACRON})),
        ({"id": "ok-last", "text": VISIT, "published": PUBLISHED}, Case("feed.jsonl:12", people={SISI, MACRON})),
    ]
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r, _ in records]
    d.joinpath("feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cases.extend(c for _, c in records)

    scripts = f"""<html><head><title>t</title><script>document.write("{CALL}")</script>
    <style>p {{ color: red }}</style></head>
    <table><tr><td><table><tr><td><table><tr><td>{VISIT}</td></tr></table></td></tr></table></td></tr></table>
    <noscript>{CALL}</noscript>"""  # no <body>, nested tables, scripts that name other leaders
    put("no-body.html", scripts.encode("utf-8"), Case("no-body.html", people={SISI, MACRON}))
    put("other-scripts.txt", ("date " + PUBLISHED + "\n普京与习近平通电话。Путин провёл телефонный разговор с Си "
                              "Цзиньпином. Πούτιν. 푸틴 대통령. पुतिन।\n").encode("utf-8"),
        Case("other-scripts.txt"))
    put("mixed-english.txt", article("Moscow (AP) — " + CALL + " The Kremlin said the call was 'warm'.").encode("utf-8"),
        Case("mixed-english.txt", people={PUTIN, XI}))
    diacritics = ("أَجْرَى الرَّئِيسُ الرُّوسِيُّ فْلَادِيمِيرْ بُوتِينْ اتِّصَالًا هَاتِفِيًّا مَعَ الرَّئِيسِ الصِّينِيِّ "
                  "شِي جِينْ بِينْغْ يَوْمَ 21 يَنَايِرَ 2025.")
    put("diacritics-tatweel.txt", article(diacritics.replace("الرَّئِيسُ", "الـرَّئِـــيسُ")).encode("utf-8"),
        Case("diacritics-tatweel.txt", people={PUTIN, XI}))
    return cases
