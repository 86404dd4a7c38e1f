"""Reading articles: .txt, .html and .jsonl files and directories of them.

Metadata for .txt and .html files comes from a ``manifest.json`` in the same
directory (or one given with ``--manifest``), from the page's own meta tags
(HTML), or from a date line at the top of the text. Never from today's date.
Bad input is reported (file, line, reason) and skipped; reading goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import DataError, InputError
from .extract.dates import parse_published
from .models import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MANIFEST = "manifest.json"
MAX_ARTICLE_CHARS = 2_000_000
MAX_ARTICLES_PER_FILE = 1_000_000

DATE_LINE = re.compile(
    r"^\s*(?:date|published|publication date|تاريخ النشر|نشر في|نُشر في|نشر بتاريخ|بتاريخ|التاريخ)\s*[:：]?\s*(.*)$",
    re.IGNORECASE,
)


@dataclass
class Problem:
    """One skipped file or record, with the reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Limits:
    max_article_chars: int = MAX_ARTICLE_CHARS
    max_articles_per_file: int = MAX_ARTICLES_PER_FILE


@dataclass
class Reader:
    """Yields articles from paths; collects problems instead of stopping."""

    manifest: Path | None = None
    limits: Limits = field(default_factory=Limits)
    today: dt.date = field(default_factory=dt.date.today)  # only to reject future dates
    problems: list[Problem] = field(default_factory=list)
    inputs: list[tuple[str, str]] = field(default_factory=list)  # (path, sha256)

    def files(self, paths: list[Path]) -> list[Path]:
        out: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                                  and not f.name.startswith(".")))
            elif p.is_file():
                out.append(p)
            else:
                self.problems.append(Problem(str(p), "no such file or directory"))
        return out

    def read(self, paths: list[Path]) -> Iterator[Article]:
        manifests: dict[Path, dict[str, dict]] = {}
        explicit = load_manifest(self.manifest) if self.manifest else None
        seen_ids: dict[str, str] = {}
        for f in self.files(paths):
            suffix = f.suffix.lower()
            if suffix == ".jsonl":
                articles = self._jsonl(f)  # streamed: a corpus file may be far larger than memory
            elif suffix in (".txt", ".html", ".htm"):
                try:
                    raw = f.read_bytes()
                except OSError as exc:
                    self.problems.append(Problem(str(f), f"cannot be read ({exc.strerror})"))
                    continue
                self.inputs.append((str(f), hashlib.sha256(raw).hexdigest()))
                if explicit is not None:
                    meta_table = explicit
                else:
                    if f.parent not in manifests:
                        mpath = f.parent / MANIFEST
                        manifests[f.parent] = load_manifest(mpath) if mpath.is_file() else {}
                    meta_table = manifests[f.parent]
                articles = self._single(f, raw, meta_table)
            else:
                self.problems.append(Problem(str(f), f"unsupported file type {suffix!r} (use .txt, .html or .jsonl)"))
                continue
            for a in articles:
                if a.id in seen_ids:
                    self.problems.append(Problem(a.source, f"duplicate article id {a.id!r} (first in {seen_ids[a.id]}); skipped"))
                    continue
                seen_ids[a.id] = a.source
                yield a

    # ------------------------------------------------------------ .txt / .html
    def _single(self, f: Path, raw: bytes, meta_table: dict[str, dict]) -> Iterator[Article]:
        try:
            text = decode(raw)
        except InputError as exc:
            self.problems.append(Problem(str(f), exc.reason))
            return
        meta = dict(meta_table.get(f.name) or meta_table.get(f.stem) or {})
        if f.suffix.lower() in (".html", ".htm"):
            from .html import html_to_text
            page = html_to_text(text)
            text = page.text
            for k in ("title", "published", "url", "language"):
                if not meta.get(k) and page.meta.get(k):
                    meta[k] = page.meta[k]
        article = self._article(str(f), meta.get("id") or f.stem, text, meta, raw)
        if article is not None:
            yield article

    # ------------------------------------------------------------ .jsonl
    def _jsonl(self, f: Path) -> Iterator[Article]:
        """Records of a JSON Lines file, read a line at a time (memory does not grow with the file)."""
        digest = hashlib.sha256()
        try:
            with open(f, "rb") as fh:
                yield from self._jsonl_records(f, fh, digest)
        except OSError as exc:
            self.problems.append(Problem(str(f), f"cannot be read ({exc.strerror})"))
            return
        self.inputs.append((str(f), digest.hexdigest()))

    def _jsonl_lines(self, fh, digest) -> Iterator[tuple[int, str | None, str]]:
        """(line number, text or None, reason) for each non-blank line; UTF-16 files are decoded whole."""
        head = fh.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raw = head + fh.read()
            digest.update(raw)
            try:
                text = decode(raw)
            except InputError as exc:
                yield 0, None, exc.reason
                return
            for lineno, line in enumerate(text.split("\n"), 1):
                if line.strip():
                    yield lineno, line, ""
            return
        fh.seek(0)
        seen_text = False
        for lineno, bline in enumerate(fh, 1):
            digest.update(bline)
            if lineno == 1 and bline.startswith(b"\xef\xbb\xbf"):
                bline = bline[3:]
            bline = bline.rstrip(b"\r\n")
            if not bline.strip():
                continue
            seen_text = True
            try:
                yield lineno, bline.decode("utf-8"), ""
            except UnicodeDecodeError:  # the rare line in another encoding or damaged: as a whole file would be
                try:
                    yield lineno, decode(bline), ""
                except InputError as exc:
                    yield lineno, None, exc.reason
        if not seen_text:
            yield 0, None, "empty file"

    def _jsonl_records(self, f: Path, fh, digest) -> Iterator[Article]:
        count = 0
        for lineno, line, reason in self._jsonl_lines(fh, digest):
            if line is None:
                self.problems.append(Problem(f"{f}:{lineno}" if lineno else str(f), reason))
                continue
            src = f"{f}:{lineno}"
            count += 1
            if count > self.limits.max_articles_per_file:
                self.problems.append(Problem(str(f), f"more than {self.limits.max_articles_per_file} articles; the rest of the file is skipped (raise --max-articles-per-file)"))
                for rest in fh:  # the digest still covers the whole file
                    digest.update(rest)
                return
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                what = re.sub(r"( starting)? at$", "", exc.msg)  # "Unterminated string starting at" + position
                self.problems.append(Problem(src, f"malformed JSON ({what} at column {exc.colno})"))
                continue
            if not isinstance(rec, dict):
                self.problems.append(Problem(src, "a line must be a JSON object"))
                continue
            body = rec.get("text")
            if body is None and rec.get("html") is not None:
                if not isinstance(rec["html"], str):
                    self.problems.append(Problem(src, "field 'html' must be a string"))
                    continue
                from .html import html_to_text
                page = html_to_text(rec["html"])
                body = page.text
                for k, v in page.meta.items():
                    rec.setdefault(k, v)
            if body is None:
                self.problems.append(Problem(src, "no 'text' or 'html' field"))
                continue
            if not isinstance(body, str):
                self.problems.append(Problem(src, f"field 'text' must be a string, not {type(body).__name__}"))
                continue
            rid = rec.get("id")
            if rid is None or isinstance(rid, (dict, list, bool)) or str(rid).strip() == "":
                rid = f"{f.stem}-{lineno}"
            article = self._article(src, str(rid).strip(), body, rec, line.encode("utf-8"))
            if article is not None:
                yield article

    # ------------------------------------------------------------ common
    def _article(self, source: str, aid: str, text: str, meta: dict, raw: bytes) -> Article | None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            self.problems.append(Problem(source, "empty article (no text)"))
            return None
        if len(text) > self.limits.max_article_chars:
            self.problems.append(Problem(source, f"article is {len(text):,} characters, over the limit of {self.limits.max_article_chars:,} (raise --max-article-chars)"))
            return None
        published = None
        pub_raw = meta.get("published") or meta.get("date") or meta.get("published_at")
        if pub_raw not in (None, ""):
            if not isinstance(pub_raw, str):
                self.problems.append(Problem(source, f"'published' must be a date string, not {type(pub_raw).__name__}"))
                return None
            published = parse_published(pub_raw)
            if published is None:
                self.problems.append(Problem(source, f"'published' {pub_raw!r} is not a valid date"))
                return None
        else:
            published = date_from_text(text)
        if published is not None and published > self.today + dt.timedelta(days=1):
            self.problems.append(Problem(source, f"'published' {published.isoformat()} is in the future"))
            return None
        str_or_none = lambda v: v.strip() if isinstance(v, str) and v.strip() else None  # noqa: E731
        return Article(
            id=aid, text=text, published=published,
            language=str_or_none(meta.get("language") or meta.get("lang")) or "ar",
            url=str_or_none(meta.get("url")), title=str_or_none(meta.get("title")),
            outlet=str_or_none(meta.get("outlet") or meta.get("source")),
            source=source, sha256=hashlib.sha256(raw).hexdigest(),
        )


def date_from_text(text: str) -> dt.date | None:
    """A publication date stated on one of the first lines ("date 2026-02-04", "تاريخ النشر: ...")."""
    for line in text.splitlines()[:5]:
        m = DATE_LINE.match(line)
        if not m:
            continue
        iso = re.match(r"\s*(\d{4}-\d{2}-\d{2})", m.group(1))
        if iso:
            return parse_published(iso.group(1))
        words = m.group(1).split()[:5]
        for n in range(len(words), 0, -1):
            d = parse_published(" ".join(words[:n]))
            if d:
                return d
    return None


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16, or Windows-1256, detected.

    >>> decode("مرحبا".encode("cp1256"))
    'مرحبا'
    """
    if not raw.strip(b" \t\r\n\x00"):
        raise InputError("", "empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16")
    if b"\x00" in raw[:4096]:
        # UTF-16 without BOM: NULs (the high byte of ASCII characters) all on one side
        sample = raw[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if min(even, odd) == 0 and len(raw) % 2 == 0:
            try:
                text = raw.decode("utf-16-le" if odd else "utf-16-be")
            except UnicodeDecodeError:
                text = ""
            if text and not _binary_like(text):
                return text
        raise InputError("", "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _damaged_utf8(raw) or _legacy(raw)
        if text is None:
            raise InputError("", f"not valid UTF-8 (byte {exc.start}) and not Windows-1256 text") from None
    if _binary_like(text):
        raise InputError("", "binary file (mostly control characters), not text")
    return text


def _strict(raw: bytes, enc: str) -> str:
    try:
        return raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError("", f"not valid {enc.upper()} (byte {exc.start})") from None


def _damaged_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a file cut inside a character, a corrupted byte): the text, bad bytes dropped.

    Only when few characters are damaged (three, or one in a hundred); anything worse is another encoding.
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if c > "\x7f") - bad
    if bad <= max(3, wide // 100) and wide >= 10 * bad:
        return text.replace("\ufffd", "")
    return None


def _legacy(raw: bytes) -> str | None:
    """Windows-1256 when the bytes read as Arabic text in it."""
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    high = sum(1 for b in raw if b >= 0x80)
    if high and letters >= 0.7 * high:
        return text
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(raw).best()
    except Exception:  # noqa: BLE001 - detection is best effort
        return None
    return str(best) if best is not None else None


def _binary_like(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return ctrl > len(sample) * 0.1


def load_manifest(path: Path) -> dict[str, dict]:
    """Article metadata by file name from a manifest (``{"articles": [{"file", "id", "published", ...}]}``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not a readable manifest ({exc})") from exc
    items = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise DataError(f'{path}: a manifest is {{"articles": [{{"file": ..., "published": ...}}, ...]}}')
    table: dict[str, dict] = {}
    for item in items:
        name = item.get("file") or item.get("id")
        if not name:
            raise DataError(f"{path}: every manifest entry needs 'file' (or 'id')")
        table[Path(str(name)).name] = item
    return table
