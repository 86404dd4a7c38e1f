"""Scoring predicted events against a kg-gold/1 file.

A predicted event is correct when its type class (call, meeting, summit), its
participants (every required gold participant, nothing outside the gold's
participants and optional participants) and its date (equal at the gold's
precision, or more precise and starting with it; a null gold date takes any)
agree with one required gold event. Predictions matching only optional gold
events are ignored; a second prediction for a matched gold event is a
duplicate. The gold format is documented in the README ("Evaluating").
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .errors import DataError

TYPE_CLASS = {"call": "call", "phonecall": "call", "videocall": "call",
              "meeting": "meeting", "visit": "meeting", "summit": "summit"}
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def _norm(text: str) -> str:
    text = _MARKS.sub("", unicodedata.normalize("NFKC", text or ""))
    text = re.sub("[إأآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", text).strip().lower()


def _type_class(t) -> str:
    name = str(t or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    return TYPE_CLASS.get(name, "other")


def _article_id(source: str) -> str:
    name = re.split(r"[/#]", str(source).rstrip("/"))[-1]
    return re.sub(r"\.(txt|html?|json|jsonl)$", "", name)


def load_gold(path: Path) -> dict:
    """Read and check a kg-gold/1 file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not a readable gold file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise DataError(f'{path}: a gold file is {{"format": "kg-gold/1", "articles": [...], "entities": {{...}}, "events": [...]}}')
    for i, ev in enumerate(data["events"]):
        for key in ("id", "type"):
            if key not in ev:
                raise DataError(f"{path}: event #{i + 1} lacks {key!r}")
    return data


class _Resolver:
    """Maps a predicted participant to a gold entity key, by Wikidata id or by name."""

    def __init__(self, entities: dict):
        self.keys = set(entities)
        self.by_name: dict[str, str] = {}
        for key, ent in entities.items():
            for name in [ent.get("en", "")] + list(ent.get("ar", [])):
                if name:
                    self.by_name.setdefault(_norm(name), key)

    def key(self, ent) -> str:
        if ent is None:
            return ""
        if isinstance(ent, str):
            ent = {"label": ent}
        qid = str(ent.get("wikidata") or "").rsplit("/", 1)[-1]
        if qid in self.keys:
            return qid
        for field in ("label", "label_ar"):
            name = _norm(ent.get(field) or "")
            if name in self.by_name:
                return self.by_name[name]
        label = _norm(ent.get("label") or "")
        return f"unknown:{label or qid}"


def _date_ok(gold, pred) -> bool:
    return not gold or (bool(pred) and str(pred).startswith(str(gold)))


def _participants_ok(g: dict, keys: set) -> bool:
    required = set(g.get("participants", []))
    return required <= keys <= required | set(g.get("optional_participants", []))


def score(gold: dict, predicted: list[dict]) -> dict:
    """Precision, recall, F1, duplicates, misses, and date and place accuracy."""
    res = _Resolver(gold.get("entities", {}))
    articles = {a["id"] for a in gold.get("articles", [])}
    gold_events = gold["events"]
    required = [g for g in gold_events if g.get("required")]
    preds = []
    for p in predicted:
        srcs = {_article_id(s) for s in p.get("sources", [])}
        if articles and srcs and not srcs & articles:
            continue
        preds.append((p, {res.key(x) for x in p.get("participants", [])}))
    preds.sort(key=lambda t: t[0].get("date") is None)
    matched: dict[str, dict] = {}
    tp = fp = dup = ignored = 0
    false_positives, wrong_dates = [], []
    typed_matches = 0  # type and participants right, whatever the date
    for p, keys in preds:
        cands = [g for g in gold_events if _type_class(g["type"]) == _type_class(p.get("type")) and _participants_ok(g, keys)]
        full = [g for g in cands if _date_ok(g.get("date"), p.get("date"))]
        req_full = [g for g in full if g.get("required")]
        free = [g for g in req_full if g["id"] not in matched]
        if any(g.get("required") for g in cands):
            typed_matches += 1
        if free:
            matched[free[0]["id"]] = p
            tp += 1
        elif req_full or (p.get("date") is None and any(g["id"] in matched for g in cands if g.get("required"))):
            dup += 1
        elif any(not g.get("required") for g in cands):
            ignored += 1
        else:
            fp += 1
            false_positives.append({"type": p.get("type"), "date": p.get("date"),
                                    "participants": sorted(keys), "sources": p.get("sources", [])})
            if cands:
                wrong_dates.append({"predicted": p.get("date"), "gold": [f"{g['id']}:{g.get('date')}" for g in cands]})
    missed = [g["id"] for g in required if g["id"] not in matched]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    place_total = place_ok = merged_total = merged_ok = 0
    for gid, p in matched.items():
        g = next(x for x in gold_events if x["id"] == gid)
        if g.get("place"):
            place_total += 1
            place_ok += res.key(p.get("place")) in set(g["place"])
        if len(g.get("sources", [])) > 1:
            merged_total += 1
            merged_ok += set(g["sources"]) <= {_article_id(s) for s in p.get("sources", [])}
    return {
        "required": len(required), "predicted": len(preds), "tp": tp, "fp": fp,
        "duplicates": dup, "ignored_optional": ignored, "missed": missed,
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
        "date_accuracy": f"{tp}/{typed_matches}" if typed_matches else "0/0",
        "place_accuracy": f"{place_ok}/{place_total}",
        "cross_article_merged": f"{merged_ok}/{merged_total}",
        "wrong_dates": wrong_dates,
        "false_positives": false_positives,
    }


def render(r: dict) -> str:
    lines = [
        f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}",
        f"gold required {r['required']}  predicted {r['predicted']}  correct {r['tp']}  wrong {r['fp']}  "
        f"duplicates {r['duplicates']}  optional ignored {r['ignored_optional']}",
        f"dates right (of type+participant matches) {r['date_accuracy']}  places {r['place_accuracy']}  "
        f"cross-article merged {r['cross_article_merged']}",
    ]
    if r["missed"]:
        lines.append("missed: " + ", ".join(r["missed"]))
    for w in r["wrong_dates"]:
        lines.append(f"wrong date: predicted {w['predicted']} for {', '.join(w['gold'])}")
    for f in r["false_positives"]:
        lines.append(f"false positive: {f['type']} {f['date']} {', '.join(f['participants'])} from {', '.join(f['sources'])}")
    return "\n".join(lines)
