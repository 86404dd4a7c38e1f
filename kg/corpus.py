"""Reading articles: .txt, .html and .jsonl files and directories of them.

Metadata for .txt and .html files comes from a ``manifest.json`` in the same
directory (or one given with ``--manifest``), from the page's own meta tags
(HTML), or from a date line at the top of the text. Never from today's date.
Bad input is reported (file, line, reason) and skipped; reading goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from .extract.english import is_english

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
    notes: list[Problem] = field(default_factory=list)  # read, with something the user should know
    inputs: list[tuple[str, str]] = field(default_factory=list)  # (path, sha256)

    def files(self, paths: list[Path]) -> list[Path]:
        out: list[Path] = []
        seen_dirs: set[Path] = set()
        for p in map(Path, paths):
            if p.is_dir():
                out.extend(self._walk(p, seen_dirs))
            elif p.is_file():
                out.append(p)
            else:
                self.problems.append(Problem(str(p), "no such file or directory"))
        return out

    def _walk(self, folder: Path, seen: set[Path]) -> list[Path]:
        """Article files under ``folder``, sorted; linked folders are followed, each real folder once."""
        real = folder.resolve()
        if real in seen:
            self.notes.append(Problem(str(folder), f"folder already read (it is {real}); not read again"))
            return []
        seen.add(real)
        files, dirs = [], []
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            self.problems.append(Problem(str(folder), f"folder cannot be read ({exc.strerror})"))
            return []
        for f in entries:
            if f.is_dir():
                dirs.append(f)
            elif f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                files.append(f)
        for d in dirs:
            files.extend(self._walk(d, seen))
        return sorted(files)

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
        notes: list[str] = []
        try:
            text = decode(raw, notes)
        except InputError as exc:
            self.problems.append(Problem(str(f), exc.reason))
            return
        self.notes.extend(Problem(str(f), n) for n in notes)
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
        """(line number, text or None, reason) for each non-blank line, read a line at a time.

        Each line is judged alone: a NUL byte or an undecodable line loses that line, not the file.
        """
        head = fh.read(4096)
        encoding = _utf16_encoding(head)
        fh.seek(0)
        if not encoding and _binary_head(head):
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
            yield 0, None, "binary file (contains NUL bytes), not text" if b"\x00" in head else "binary file, not text"
            return
        if encoding:
            lines = self._utf16_lines(fh, digest, encoding)
        else:
            lines = self._utf8_lines(fh, digest)
        seen_text = False
        for lineno, line in lines:
            if isinstance(line, bytes):
                if not line.strip():
                    continue
                seen_text = True
                if b"\x00" in line:
                    yield lineno, None, "line contains NUL bytes (binary data), not text"
                    continue
                try:
                    yield lineno, line.decode("utf-8"), ""
                except UnicodeDecodeError:  # the rare line in another encoding or damaged: as a whole file would be
                    notes: list[str] = []
                    try:
                        yield lineno, decode(line, notes), "; ".join(notes)
                    except InputError as exc:
                        yield lineno, None, exc.reason
            elif line.strip():
                seen_text = True
                bad = line.count("\ufffd")
                yield lineno, line, f"damaged text: {bad} character(s) replaced by \ufffd" if bad else ""
        if not seen_text:
            yield 0, None, "empty file"

    def _utf8_lines(self, fh, digest) -> Iterator[tuple[int, bytes]]:
        for lineno, bline in enumerate(fh, 1):
            digest.update(bline)
            if lineno == 1 and bline.startswith(b"\xef\xbb\xbf"):
                bline = bline[3:]
            yield lineno, bline.rstrip(b"\r\n")

    @staticmethod
    def _utf16_lines(fh, digest, encoding: str) -> Iterator[tuple[int, str]]:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="\n")
        for lineno, line in enumerate(text, 1):
            yield lineno, line.rstrip("\r\n")
        text.detach()

    def _jsonl_records(self, f: Path, fh, digest) -> Iterator[Article]:
        count = 0
        for lineno, line, reason in self._jsonl_lines(fh, digest):
            if line is None:
                self.problems.append(Problem(f"{f}:{lineno}" if lineno else str(f), reason))
                continue
            src = f"{f}:{lineno}"
            if reason:
                self.notes.append(Problem(src, reason))
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
        language = "en" if is_english(text) else "ar"  # no tag given: the script tells
        lang_raw = meta.get("language") or meta.get("lang")
        if lang_raw not in (None, ""):
            language = language_tag(lang_raw) if isinstance(lang_raw, str) else None
            if language is None:
                self.problems.append(Problem(source, f"'language' {lang_raw!r} is not a language tag or name "
                                                     "(use a BCP 47 tag such as ar or ar-EG)"))
                return None
        return Article(
            id=aid, text=text, published=published,
            language=language,
            url=str_or_none(meta.get("url")), title=str_or_none(meta.get("title")),
            outlet=str_or_none(meta.get("outlet") or meta.get("source")),
            source=source, sha256=hashlib.sha256(raw).hexdigest(),
        )


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    data = json.loads(Path(__file__).with_name("data").joinpath("languages.json").read_text(encoding="utf-8"))
    return data["names"]


def language_tag(value: str) -> str | None:
    """A BCP 47 tag for what metadata says the language is (``ar_EG``, ``AR-eg``, ``العربية``), or None.

    >>> [language_tag(v) for v in ("ar", "ar_EG", "AR-eg", "ar_EG.UTF-8", "zh-hant-tw", "العربية", "ar EG")]
    ['ar', 'ar-EG', 'ar-EG', 'ar-EG', 'zh-Hant-TW', 'ar', None]
    """
    text = " ".join(value.split()).lower()
    if text in _language_names():
        return _language_names()[text]
    tag = text.split(".", 1)[0].replace("_", "-")  # a locale name: ar_EG.UTF-8
    if not LANGUAGE_TAG.fullmatch(tag):
        return None
    first, *rest = tag.split("-")
    return "-".join([first] + [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest])


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


def _utf16_encoding(head: bytes) -> str | None:
    """The UTF-16 codec a file's first bytes show (a BOM, or the NUL high bytes of ASCII all on one side)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[: len(head) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # text with a stray NUL is not UTF-16: a real UTF-16 file has many (every ASCII character has one)
    if min(even, odd) == 0 and max(even, odd) >= max(2, len(sample) // 16):
        enc = "utf-16-le" if odd else "utf-16-be"
        try:
            sample.decode(enc)
        except UnicodeDecodeError:
            if len(sample) < len(head) or not sample[-2:]:
                return None
            try:  # the sample may end inside a surrogate pair
                sample[:-2].decode(enc)
            except UnicodeDecodeError:
                return None
        return enc
    return None


def _binary_head(head: bytes) -> bool:
    """A JSONL file's first bytes are binary data: mostly control bytes, and no line starts a JSON object."""
    ctrl = sum(1 for b in head if b < 32 and b not in b"\n\r\t\f")
    return ctrl > len(head) * 0.1 and not head.lstrip().startswith(b"{") and b"\n{" not in head


def decode(raw: bytes, notes: list[str] | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16, or Windows-1256, detected.

    UTF-8 with a few damaged bytes is read with U+FFFD in their place and a line added to ``notes``.

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
        encoding = _utf16_encoding(raw[:4096])  # UTF-16 without BOM
        if encoding and len(raw) % 2 == 0:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                text = ""
            if text and not _binary_like(text):
                return text
        raise InputError("", "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _damaged_utf8(raw)
        if text is not None and notes is not None:
            bad = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
            notes.append(f"not valid UTF-8: read with {bad} damaged character(s) shown as \ufffd (first at byte {exc.start})")
        text = text or _legacy(raw)
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
    """UTF-8 with a few bad bytes (a file cut inside a character, a corrupted byte): the text, bad bytes as U+FFFD.

    Only when few places are damaged (eight, or one in twenty characters beyond ASCII) and the
    rest holds at least twice as many real UTF-8 characters; text in another encoding (Windows-1256)
    gives almost nothing but bad sequences.
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if c > "\x7f") - bad
    if bad <= max(8, wide // 20) and wide >= 2 * bad:
        return text
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
