"""Reading every input format and encoding; bad input is reported and skipped."""

import hashlib
import json
from pathlib import Path

from kg.corpus import Reader, decode

TEXT = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ يوم الثلاثاء."


def read(paths, **kw):
    r = Reader(**kw)
    return list(r.read([Path(p) for p in paths])), r.problems


def write_manifest(d: Path, **entries):
    d.joinpath("manifest.json").write_text(json.dumps(
        {"articles": [{"file": f, "published": p} for f, p in entries.items()]}), encoding="utf-8")


def test_txt_encodings_are_detected(tmp_path):
    for name, data in {
        "utf8.txt": TEXT.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        "utf16.txt": TEXT.encode("utf-16"),
        "utf16le.txt": TEXT.encode("utf-16-le"),
        "cp1256.txt": TEXT.encode("cp1256"),
    }.items():
        tmp_path.joinpath(name).write_bytes(data)
    articles, problems = read([tmp_path])
    assert problems == []
    assert sorted(a.id for a in articles) == ["bom", "cp1256", "utf16", "utf16le", "utf8"]
    assert all(a.text.strip() == TEXT for a in articles)


def test_manifest_gives_publication_date_and_outlet(tmp_path):
    tmp_path.joinpath("a.txt").write_text(TEXT, encoding="utf-8")
    tmp_path.joinpath("manifest.json").write_text(json.dumps({"articles": [
        {"file": "a.txt", "id": "art-1", "published": "2025-01-21", "outlet": "Example", "language": "ar"}]}),
        encoding="utf-8")
    (a,), problems = read([tmp_path / "a.txt"])
    assert (a.id, a.published.isoformat(), a.outlet) == ("art-1", "2025-01-21", "Example")


def test_date_line_in_text_is_the_publication_date(tmp_path):
    tmp_path.joinpath("a.txt").write_text(" date 2026-02-04 " + TEXT, encoding="utf-8")
    tmp_path.joinpath("b.txt").write_text("تاريخ النشر: 2024-03-12\n" + TEXT, encoding="utf-8")
    tmp_path.joinpath("c.txt").write_text(TEXT, encoding="utf-8")
    articles, _ = read([tmp_path])
    got = {a.id: a.published.isoformat() if a.published else None for a in articles}
    assert got == {"a": "2026-02-04", "b": "2024-03-12", "c": None}  # never today's date


def test_bad_files_are_skipped_with_a_reason(tmp_path):
    tmp_path.joinpath("empty.txt").write_bytes(b"")
    tmp_path.joinpath("blank.txt").write_text("   \n\t \n", encoding="utf-8")
    tmp_path.joinpath("binary.txt").write_bytes(bytes(range(256)) * 8)
    tmp_path.joinpath("good.txt").write_text(TEXT, encoding="utf-8")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]


def test_truncated_utf8_falls_back_or_is_rejected(tmp_path):
    data = TEXT.encode("utf-8")[:-1]  # cut inside the last character
    assert decode(data)  # still read (as Windows-1256 it is not Arabic, charset detection decides)


def test_jsonl_records_and_their_errors(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": TEXT, "published": "2025-01-21", "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a2", "published": "2025-01-21"}),
        json.dumps({"id": "a3", "text": 42, "published": "2025-01-21"}),
        json.dumps({"id": "a4", "text": TEXT, "published": "2025-02-30"}),
        json.dumps({"id": "a5", "text": TEXT, "published": "2999-01-01"}),
        json.dumps({"id": "a6", "html": f"<html><body><article><p>{TEXT}</p></article></body></html>", "published": "2025-01-21"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a7", "text": "", "published": "2025-01-21"}),
    ]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read([f])
    assert [a.id for a in articles] == ["a1", "a6"]
    assert articles[0].url == "https://example.org/a1"
    by_line = {p.source.rsplit(":", 1)[1]: p.reason for p in problems}
    assert by_line["2"].startswith("malformed JSON")
    assert by_line["3"] == "no 'text' or 'html' field"
    assert by_line["4"] == "field 'text' must be a string, not int"
    assert by_line["5"] == "'published' '2025-02-30' is not a valid date"
    assert by_line["6"] == "'published' 2999-01-01 is in the future"
    assert by_line["8"] == "a line must be a JSON object"
    assert by_line["9"] == "empty article (no text)"


def test_html_main_text_without_navigation_or_related_links(tmp_path):
    html = f"""<html lang="ar"><head><title>t</title>
    <meta property="article:published_time" content="2025-01-21T09:00:00Z"></head>
    <body><nav>الرئيسية أخبار رياضة</nav>
    <article><h1>عنوان</h1><p>{TEXT}</p>
      <div class="related-news"><a>اقرأ أيضا: ترامب يلتقي ماكرون</a></div></article>
    <script>var x = "بوتين";</script><footer>حقوق النشر</footer></body></html>"""
    tmp_path.joinpath("page.html").write_text(html, encoding="utf-8")
    (a,), problems = read([tmp_path])
    assert problems == []
    assert TEXT in a.text
    assert "ماكرون" not in a.text and "الرئيسية" not in a.text and "var x" not in a.text
    assert a.published.isoformat() == "2025-01-21"


def test_limits_on_article_size(tmp_path):
    from kg.corpus import Limits
    tmp_path.joinpath("big.txt").write_text(TEXT * 100, encoding="utf-8")
    articles, problems = read([tmp_path], limits=Limits(max_article_chars=1000))
    assert articles == []
    assert "over the limit" in problems[0].reason


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    articles, problems = read([tmp_path / "nope"])
    assert articles == [] and problems[0].reason == "no such file or directory"


def test_jsonl_is_read_as_a_stream(tmp_path):
    """Reading a 19 MB JSONL file never holds more than a few records in memory."""
    import tracemalloc
    f = tmp_path / "big.jsonl"
    body = TEXT * 60  # about 10 KB of text per record
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"id": f"r{i}", "text": body, "published": "2025-01-21"}, ensure_ascii=False) + "\n")
    assert f.stat().st_size > 19_000_000
    reader = Reader()
    tracemalloc.start()
    n = 0
    for a in reader.read([f]):
        a.text = ""  # what the pipeline does once an article is extracted
        n += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert n == 2000 and reader.problems == []
    assert peak < 3_000_000, f"peak {peak:,} bytes while reading a {f.stat().st_size:,}-byte file"
    assert reader.inputs == [(str(f), hashlib.sha256(f.read_bytes()).hexdigest())]


def test_jsonl_lines_split_only_on_newlines_and_decode_per_line(tmp_path):
    f = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "u", "text": TEXT + "\u2028" + TEXT, "published": "2025-01-21"}, ensure_ascii=False)
    legacy = json.dumps({"id": "w", "text": TEXT, "published": "2025-01-21"}, ensure_ascii=False).encode("cp1256")
    f.write_bytes(b"\xef\xbb\xbf" + good.encode("utf-8") + b"\r\n" + legacy + b"\n")
    articles, problems = read([f])
    assert [a.id for a in articles] == ["u", "w"]
    assert "\u2028" in articles[0].text and articles[1].text == TEXT
    assert problems == []


def test_utf16_jsonl_and_binary_jsonl(tmp_path):
    rec = json.dumps({"id": "a", "text": TEXT, "published": "2025-01-21"}, ensure_ascii=False)
    tmp_path.joinpath("wide.jsonl").write_bytes((rec + "\n").encode("utf-16"))
    tmp_path.joinpath("blob.jsonl").write_bytes(bytes(range(256)) * 4)
    tmp_path.joinpath("blank.jsonl").write_bytes(b"\n  \n")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert {(Path(p.source).name, p.reason) for p in problems} == {
        ("blob.jsonl", "binary file (contains NUL bytes), not text"), ("blank.jsonl", "empty file")}
