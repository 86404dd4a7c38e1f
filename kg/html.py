"""Main text and metadata of a news page, without navigation and related-links blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
             "iframe", "svg", "button", "select", "figure > figcaption ~ *", "input", "object", "embed"]
CLUTTER = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|breadcrumbs?|related|read-?also|more-?news|most-?read|popular|share|sharing|"
    r"social|comments?|tags?|keywords|sidebar|widget|newsletter|subscribe|advert|ads?|promo|footer|header|"
    r"cookie|banner|recommend(ed|ations)?|outbrain|taboola|author-box|print|toolbar)($|[-_ ])",
    re.IGNORECASE,
)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
              "blockquote", "pre", "figcaption", "caption", "dd", "dt", "table", "ul", "ol", "br", "hr", "td"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MAIN_SELECTORS = ["[itemprop=articleBody]", "article", "main", "[role=main]", ".article-body", ".entry-content",
                  ".post-content", "#article-body", ".story-body"]


@dataclass
class Page:
    text: str
    meta: dict = field(default_factory=dict)


def _meta(tree: HTMLParser) -> dict:
    out: dict = {}

    def content(selector: str) -> str | None:
        node = tree.css_first(selector)
        if node is None:
            return None
        value = node.attributes.get("content") or node.attributes.get("datetime") or node.text(strip=True)
        return value.strip() if value else None

    out["published"] = (content('meta[property="article:published_time"]') or content('meta[name="pubdate"]')
                        or content('meta[name="date"]') or content('meta[itemprop="datePublished"]')
                        or content("time[datetime]"))
    out["title"] = content('meta[property="og:title"]') or content("title")
    canonical = tree.css_first('link[rel="canonical"]')
    out["url"] = (canonical.attributes.get("href") if canonical else None) or content('meta[property="og:url"]')
    html = tree.css_first("html")
    out["language"] = html.attributes.get("lang") if html is not None else None
    return {k: v for k, v in out.items() if v}


def _is_clutter(node: Node) -> bool:
    attrs = node.attributes
    label = " ".join(filter(None, [attrs.get("class"), attrs.get("id"), attrs.get("role")]))
    return bool(label and CLUTTER.search(label))


def _is_hidden(node: Node) -> bool:
    """Not shown to a reader: the hidden attribute, aria-hidden, or an inline display:none / visibility:hidden."""
    attrs = node.attributes
    return ("hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true"
            or bool(HIDDEN_STYLE.search(attrs.get("style") or "")))


def _text(node: Node) -> str:
    parts: list[str] = []

    def walk(n: Node):
        for child in n.iter(include_text=True):
            if child.tag == "-text":
                parts.append(child.text(deep=False))
                continue
            if child.tag in ("script", "style") or _is_clutter(child):
                continue
            block = child.tag in BLOCK_TAGS
            if block:
                parts.append("\n")
            walk(child)
            if block:
                parts.append("\n")

    walk(node)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif not blank and out:
            out.append("")
            blank = True
    return "\n".join(out).strip()


def html_to_text(html: str) -> Page:
    """The article text of a page (one paragraph a line) and its metadata."""
    tree = HTMLParser(html)
    meta = _meta(tree)
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[hidden], [aria-hidden], [style]"):  # text a reader never sees is not the article's
        if _is_hidden(node):
            node.decompose()
    root = None
    for sel in MAIN_SELECTORS:
        found = tree.css_first(sel)
        if found is not None and len(found.text(strip=True)) > 80:
            root = found
            break
    if root is None:
        root = tree.body or tree.root
    text = _text(root) if root is not None else ""
    return Page(text=text, meta=meta)
