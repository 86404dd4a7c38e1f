"""One Aho-Corasick pass finds every name, title, trigger and cue in a text.

The automaton is built once from the gazetteer and the lexicon. A hit is kept
only at word boundaries, allowing the clitics Arabic attaches to a word
(و ف ب ل ك, the article, the future prefix on verbs) before it and, for event
triggers, pronoun suffixes after it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import bisect
import re

import ahocorasick

from .normalize import normalize
from .resources import Gazetteer, load_gazetteer, load_lexicon

# Prefixes allowed before a name or title ("وبوتين", "لشي", "بالرئيس" is handled
# by the article forms of titles).
NAME_CLITICS = frozenset(["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"])
WORD_CLITICS = NAME_CLITICS | frozenset(["ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل"])
VERB_CLITICS = NAME_CLITICS | frozenset(["س", "وس", "فس"])
TRIGGER_CLITICS = WORD_CLITICS | VERB_CLITICS
SHORT_VERB_CLITICS = frozenset(["", "و", "س", "وس"])
THIRD_PERSON_SUFFIXES = frozenset(["ه", "ها", "هما", "هم"])  # "زيارته", "قمتهما"
CUE_CLITICS = frozenset(["", "و", "ف"])  # "وكان" is not "ك" + "ان"
COMPLEMENTIZER_CLITICS = CUE_CLITICS | frozenset(["ب", "وب"])


class Hit(NamedTuple):
    """One lexical hit: a span of the normalized text, what it is, and the clitics around it.

    A named tuple, not a dataclass: an article makes a few hundred, and a tuple is built
    several times faster."""

    start: int
    end: int
    kind: str
    value: object
    prefix: str = ""
    suffix: str = ""


WORDS = re.compile(r"\w+")
# kinds whose hits compete for the same characters (longest wins)
NAME_LAYER = ("entity", "short", "demonym", "title", "epithet", "honorific", "counterpart", "guest", "dual", "plural_title",
              "capital_word",
              "honorific_ref")
CUE_KINDS = (
    "modifier", "negator", "cancel", "future", "future_after", "future_period", "hypothetical", "habitual", "demonstrative",
    "reporting", "complementizer", "attribution", "temporal", "continuation",
    "same_subject", "summit_context", "talks_verb", "mod_trigger", "denial", "non_participant", "contrast",
)


class Matcher:
    """Finds lexical hits of every kind in normalized text."""

    def __init__(self, gaz: Gazetteer, lex: dict):
        self.gaz = gaz
        self.lex = lex
        self.auto = ahocorasick.Automaton()
        table: dict[str, list[tuple]] = {}

        def add(form: str, kind: str, value, article_variant: bool = False):
            norm = " ".join(normalize(form).split())
            if not norm:
                return
            table.setdefault(norm, []).append((kind, value))
            if article_variant and norm.startswith("ال") and len(norm) > 3:
                # ل + ال + word is written لل + word: "للرئيس", "للسيسي"
                table.setdefault("لل" + norm[2:], []).append((kind, value))

        stop = {" ".join(normalize(w).split()) for w in lex["name_stopwords"]}
        for key, e in gaz.entries.items():
            for name in e.ar:
                add(name, "entity", key, article_variant=True)
            for name in e.ar_short:
                if " ".join(normalize(name).split()) not in stop:  # "علي" is also "على" (on)
                    add(name, "short", key, article_variant=True)
            for dem in e.demonym_ar:
                add(dem, "demonym", key, article_variant=True)
        for t in lex["titles"]:
            for f in t["forms"]:
                add(f, "title", t["role"], article_variant=True)
        for ep in lex["epithets"]:
            for f in ep["forms"]:
                add(f, "epithet", (ep["role"], ep["country"]))
        for f in lex["honorifics"]:
            add(f, "honorific", None)
        for f in lex["honorifics_after_name"]:  # "المعظم", "حفظه الله": they close a name, never open one
            add(f, "honorific", "after")
        for f in lex["counterpart"]:
            add(f, "counterpart", None)
        for f in lex["guest_refs"]:
            add(f, "guest", None)
        for f in lex["modifier_triggers"]["forms"]:
            add(f, "mod_trigger", "VideoCall")
        for f, titles in lex.get("honorific_refs", {}).items():  # "سموه": the one the article titled emir
            add(f, "honorific_ref", tuple(sorted(role + ":" + normalize(w) for role, w in (t.split(":") for t in titles))))
        for f in lex["dual_references"]:
            add(f, "dual", None, article_variant=True)
        for f, role in lex["plural_roles"].items():  # "رؤساء تركيا وروسيا وإيران"
            add(f, "plural_title", role)
        for f in ("العاصمة", "عاصمة"):
            add(f, "capital_word", None, article_variant=True)
        maqsura_stems: set[str] = set()
        for t in lex["triggers"]:
            for f in t["forms"]:
                add(f, "trigger", t["type"])
                nf = normalize(f)
                if nf.endswith("اء") and " " not in nf:
                    # "لقاء" + "ه" is written "لقائه": the hamza changes seat before a suffix
                    table.setdefault(nf[:-1] + "ي", []).append(("trigger_stem", t["type"]))
                if f.endswith("ى") and " " not in nf and f in lex["verb_triggers"]:
                    # "التقى" + "ه" is written "التقاه": alif maqsura is alif before an object pronoun
                    table.setdefault(nf[:-1] + "ا", []).append(("trigger_t_stem", t["type"]))
                    maqsura_stems.add(nf[:-1] + "ا")
                if f.endswith("ة") and " " not in nf:
                    # "زيارة" + "ه" is written "زيارته", "قمة" + "هما" "قمتهما": ta marbuta is t before a suffix
                    # (third person only: "هذه زيارتي الأولى" in a quote is the speaker's visit, told already)
                    table.setdefault(nf[:-1] + "ت", []).append(("trigger_t_stem", t["type"]))
        for f in lex["talks_verbs"]["forms"]:
            add(f, "talks_verb", "Talks")
        for typ, forms in lex["modifiers"].items():
            for f in forms:
                add(f, "modifier", typ)
        simple = {
            "negators": "negator", "cancel_verbs": "cancel", "future_markers": "future", "future_after": "future_after",
            "future_periods": "future_period",
            "hypothetical_markers": "hypothetical", "habitual_markers": "habitual",
            "demonstratives": "demonstrative", "reporting_verbs": "reporting",
            "complementizers": "complementizer", "attribution_markers": "attribution",
            "temporal_clause": "temporal",
            "continuation_openers": "continuation", "same_subject": "same_subject",
            "summit_context": "summit_context", "denials": "denial",
            "non_participant_cues": "non_participant", "contrast_connectives": "contrast",
            "presence_cues": "presence",
        }
        for field, kind in simple.items():
            for f in lex[field]:
                add(f, kind, None)
        # very short keys ("في", "ان", "شي") occur inside countless words: look them up per word instead
        self.short_keys: dict[str, tuple] = {}
        for norm, payloads in table.items():
            if len(norm) <= 2:
                self.short_keys[norm] = tuple(payloads)
            else:
                self.auto.add_word(norm, (len(norm), tuple(payloads)))
        self.auto.make_automaton()
        # two-letter keys are looked for where they end a word, by one regex pass over the text
        keys = sorted(k for k in self.short_keys if len(k) == 2 and WORDS.fullmatch(k))
        self.short_ends = re.compile("(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)") if keys else None
        self.suffixes = {normalize(s) for s in lex["trigger_suffixes"]}
        self.verb_suffixes = {normalize(s) for s in lex["verb_suffixes"]}
        self.verbs = {normalize(f) for f in lex["verb_triggers"]}
        self.verbs |= maqsura_stems  # "التقا(ه)"
        self.exclusions = {normalize(f) for f in lex["trigger_exclusions"]}
        self.host_triggers = {normalize(f) for f in lex["visit_host_triggers"]}
        self.guest_nouns = {normalize(f) for f in lex["visit_guest_nouns"]}
        self.reception_nouns = {normalize(f) for f in lex["reception_nouns"]}  # "استقبال": its suffix is the guest
        self.dual_suffixes = {normalize(f) for f in lex["dual_suffixes"]}
        self.place_blockers = {normalize(f) for f in lex["place_blocking_heads"]}

    def hits(self, text: str) -> list[Hit]:
        """All boundary-respecting hits in ``text`` (normalized), in text order."""
        out: list[Hit] = []
        n = len(text)
        for end_idx, (length, payloads) in self.auto.iter(text):
            start, end = end_idx - length + 1, end_idx + 1
            # where the word containing the match starts, and what precedes the match in it
            ts = start
            while ts > 0 and text[ts - 1].isalnum():
                ts -= 1
                if start - ts > 4:
                    break
            if start - ts > 4:
                continue
            te = end
            while te < n and text[te].isalnum():
                te += 1
            self._accept(out, text, start, end, ts, te, payloads)
        short = self.short_keys
        for m in self.short_ends.finditer(text) if self.short_ends is not None else ():
            # a short key ends a word of at most six characters (no short key takes a suffix), after a clitic
            te = m.end()
            ts = te - 2
            while ts > 0 and (text[ts - 1].isalnum() or text[ts - 1] == "_") and te - ts <= 6:
                ts -= 1
            if te - ts <= 6:
                self._accept(out, text, te - 2, te, ts, te, short[text[te - 2:te]])
        out.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return out

    def _accept(self, out: list, text: str, start: int, end: int, ts: int, te: int, payloads) -> None:
        prefix = text[ts:start]
        suffix = text[end:te]
        for kind, value in payloads:
            if kind == "trigger_stem":
                if prefix not in WORD_CLITICS or not suffix or suffix not in self.suffixes:
                    continue
                kind = "trigger"
            elif kind == "trigger_t_stem":
                if prefix not in WORD_CLITICS or suffix not in THIRD_PERSON_SUFFIXES:
                    continue
                kind = "trigger"
            if kind == "trigger":
                form = text[start:end]
                if text[ts:te] in self.exclusions:
                    continue
                if form in self.verbs:
                    clitics = VERB_CLITICS if len(form) > 4 else SHORT_VERB_CLITICS  # "فيصل" is no "ف + يصل"
                    if prefix not in clitics or suffix not in self.verb_suffixes:
                        continue
                elif prefix not in WORD_CLITICS or suffix not in self.suffixes:
                    continue
            elif kind == "mod_trigger":
                if prefix not in WORD_CLITICS or suffix not in self.suffixes:
                    continue
            elif kind == "talks_verb":
                if prefix not in VERB_CLITICS or suffix not in self.verb_suffixes:
                    continue
            elif kind in ("entity", "short"):
                if suffix or prefix not in NAME_CLITICS:
                    continue
            elif kind in ("demonym", "title", "epithet", "dual", "plural_title", "capital_word", "counterpart", "guest", "honorific_ref",
                          "modifier", "future_after", "habitual"):
                if suffix or prefix not in WORD_CLITICS:
                    continue
            elif kind == "complementizer":
                if suffix or prefix not in COMPLEMENTIZER_CLITICS:
                    continue
            elif kind == "honorific":
                if suffix or prefix not in NAME_CLITICS:
                    continue
            elif suffix or prefix not in CUE_CLITICS:
                continue
            out.append(Hit(start, end, kind, value, prefix, suffix))


def longest_non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest selection among hits that compete for the same characters."""
    chosen: list[Hit] = []
    starts: list[int] = []  # sorted starts of chosen hits, to test overlap by bisection
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        k = bisect.bisect_left(starts, h.start)
        if (k < len(starts) and chosen[k].start < h.end) or (k > 0 and chosen[k - 1].end > h.start):
            continue
        starts.insert(k, h.start)
        chosen.insert(k, h)
    return chosen


@lru_cache(maxsize=4)
def matcher_for(extra_dirs: tuple = ()) -> Matcher:
    """The matcher for the shipped data (plus user gazetteer directories), built once."""
    return Matcher(load_gazetteer(extra_dirs), load_lexicon())
