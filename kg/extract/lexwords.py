"""Word lists of the lexicon as the stages compare them: normalized, built once per matcher.

The lexicon (``kg/data/ar/lexicon.json``) is written as people spell; the stages compare
normalized text, so each list is normalized on first use and kept on the matcher.
"""

from __future__ import annotations

from .entities import Matcher
from .normalize import light, normalize


def _cache(m: Matcher) -> dict:
    return m.__dict__.setdefault("_words", {})


def word_list(m: Matcher, key: str) -> set[str]:
    """A lexicon list, normalized (cached on the matcher)."""
    cache = _cache(m)
    if key not in cache:
        cache[key] = {" ".join(normalize(w).split()) for w in m.lex.get(key, [])}
    return cache[key]


def word_map(m: Matcher, key: str) -> dict:
    """A lexicon table of words or phrases, its keys normalized (cached on the matcher)."""
    cache = _cache(m)
    name = "_map:" + key
    if name not in cache:
        cache[name] = {" ".join(normalize(k).split()): v for k, v in m.lex.get(key, {}).items()}
    return cache[name]


def cached(m: Matcher, name: str, build):
    """``build()`` once per matcher (a pattern made from lexicon words)."""
    cache = _cache(m)
    if name not in cache:
        cache[name] = build()
    return cache[name]


def without_conjunction(word: str) -> str:
    """"وشهد" -> "شهد", "فشارك" -> "شارك": a word without the "و" or "ف" it is joined with ("في" stays)."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def recalled(m: Matcher, text: str) -> bool:
    """"وكان الرئيسان قد التقيا": ``text`` (normalized) tells an earlier event recalled ("كان"، "قد"، "سبق أن")."""
    markers = word_list(m, "background_markers")
    return any(w in markers or (w[:1] in ("و", "ف") and w[1:] in markers) for w in text.split())  # not "عقد"


def light_stopwords(m: Matcher) -> set[str]:
    """Stop words as written (with alef maksura), to tell "على" from the name "علي"."""
    cache = _cache(m)
    if "_light_stop" not in cache:
        found = {light(w) for w in m.lex["name_stopwords"] + m.lex["reporting_verbs"]
                 + m.lex["complementizers"] + m.lex["title_modifiers"]}
        for t in m.lex["triggers"]:
            found.update(light(f) for f in t["forms"])
        cache["_light_stop"] = found
    return cache["_light_stop"]


def known_word(m: Matcher, word: str) -> bool:
    """A word kg knows as something other than a bare first name."""
    found = m.auto.get(word, None)
    return found is not None and any(kind not in ("short",) for kind, _ in found[1])


def known_as(m: Matcher, word: str, kinds: tuple[str, ...]) -> bool:
    """A word kg knows as one of these kinds of hit ("entity", "title", "demonym", ...)."""
    found = m.auto.get(word, None)
    return found is not None and any(kind in kinds for kind, _ in found[1])


def known_demonym(m: Matcher, word: str) -> bool:
    """"رئيس لبناني": a country's adjective without its article (a Lebanese president, nobody named)."""
    return known_as(m, "ال" + word, ("demonym",))


def name_stopwords(m: Matcher) -> set[str]:
    """Words that end a name: stop words, trigger words, reporting verbs, title modifiers."""
    cache = _cache(m)
    if "_stop" not in cache:
        found = set(word_list(m, "name_stopwords"))
        for t in m.lex["triggers"]:
            found.update(w for f in t["forms"] for w in normalize(f).split())
        found |= word_list(m, "reporting_verbs") | word_list(m, "complementizers")
        found |= word_list(m, "title_modifiers")
        cache["_stop"] = found
    return cache["_stop"]
