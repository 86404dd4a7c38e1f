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
        label = _norm(ent.get("label") or "")  # the label only, as the reference scorer reads it
        return self.by_name.get(label, f"unknown:{label or qid}")


def _date_ok(gold, pred) -> bool:
    return not gold or (bool(pred) and str(pred).startswith(str(gold)))


def _participants_ok(g: dict, keys: set) -> bool:
    required = set(g.get("participants", []))
    return required <= keys <= required | set(g.get("optional_participants", []))


def score(gold: dict, predicted: list[dict], same_article: bool = False) -> dict:
    """Precision, recall, F1, duplicates, misses, date and place accuracy, per-type scores, and an
    error report: each gold event's outcome and each spurious prediction, with its evidence.

    With ``same_article`` a prediction is matched only to gold events of an article it comes from
    (the reference scorer matches across articles, so that a summit of one article may take the
    undated gold summit of another)."""
    res = _Resolver(gold.get("entities", {}))
    articles = {a["id"] for a in gold.get("articles", [])}
    gold_events = gold["events"]
    required = [g for g in gold_events if g.get("required")]
    preds = []
    for p in predicted:
        srcs = {_article_id(s) for s in p.get("sources", [])}
        if articles and srcs and not srcs & articles:
            continue
        preds.append((p, {res.key(x) for x in p.get("participants", [])}, srcs))
    preds.sort(key=lambda t: t[0].get("date") is None)
    matched: dict[str, dict] = {}
    tp = fp = dup = ignored = 0
    false_positives, wrong_dates, duplicates = [], [], []
    pred_outcome: list[tuple[dict, str]] = []
    for p, keys, srcs in preds:
        cands = [g for g in gold_events if _type_class(g["type"]) == _type_class(p.get("type")) and _participants_ok(g, keys)
                 and (not same_article or not srcs or srcs & set(g.get("sources", [])))]
        full = [g for g in cands if _date_ok(g.get("date"), p.get("date"))]
        req_full = [g for g in full if g.get("required")]
        free = [g for g in req_full if g["id"] not in matched]
        if free:
            matched[free[0]["id"]] = p
            tp += 1
            pred_outcome.append((p, "correct"))
        elif req_full or (p.get("date") is None and any(g["id"] in matched for g in cands if g.get("required"))):
            dup += 1
            pred_outcome.append((p, "duplicate"))
            duplicates.append({"type": p.get("type"), "date": p.get("date"), "participants": sorted(keys),
                               "sources": p.get("sources", []), "of": [g["id"] for g in req_full or cands],
                               "evidence": _evidence(p)})
        elif any(not g.get("required") for g in cands):
            ignored += 1
            pred_outcome.append((p, "optional"))
        else:
            fp += 1
            pred_outcome.append((p, "spurious"))
            false_positives.append({"type": p.get("type"), "date": p.get("date"), "participants": sorted(keys),
                                    "sources": p.get("sources", []), "evidence": _evidence(p)})
            if cands:
                wrong_dates.append({"predicted": p.get("date"), "gold": [f"{g['id']}:{g.get('date')}" for g in cands]})
    missed = [g["id"] for g in required if g["id"] not in matched]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(required) if required else 0.0
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
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": _f1(precision, recall),
        "date_accuracy": f"{tp}/{tp + len(wrong_dates)}",  # right against wrong by their date alone
        "place_accuracy": f"{place_ok}/{place_total}",
        "cross_article_merged": f"{merged_ok}/{merged_total}",
        "wrong_dates": wrong_dates,
        "false_positives": false_positives,
        "duplicate_predictions": duplicates,
        "by_type": _by_type(required, matched, pred_outcome),
        "gold_events": [_gold_outcome(g, matched, preds, res) for g in required],
    }


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def _evidence(p: dict) -> list[dict]:
    return [{"source": e.get("source"), "text": e.get("text")} for e in p.get("evidence", []) or []]


def _type_name(t) -> str:
    return str(t or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _by_type(required: list[dict], matched: dict, outcomes: list[tuple[dict, str]]) -> dict:
    """Recall per gold type, precision per predicted type (PhoneCall, Visit, Meeting, Summit, ...)."""
    out = {}
    for t in sorted({_type_name(g["type"]) for g in required} | {_type_name(p.get("type")) for p, _ in outcomes}):
        gold_t = [g for g in required if _type_name(g["type"]) == t]
        found = sum(g["id"] in matched for g in gold_t)
        right = sum(o == "correct" for p, o in outcomes if _type_name(p.get("type")) == t)
        wrong = sum(o == "spurious" for p, o in outcomes if _type_name(p.get("type")) == t)
        precision = right / (right + wrong) if right + wrong else 0.0
        recall = found / len(gold_t) if gold_t else 0.0
        out[t] = {"gold": len(gold_t), "found": found, "predicted_right": right, "predicted_wrong": wrong,
                  "precision": round(precision, 3), "recall": round(recall, 3), "f1": _f1(precision, recall)}
    return out


def _gold_outcome(g: dict, matched: dict[str, dict], preds: list, res: _Resolver) -> dict:
    """What became of one required gold event: matched (place right or wrong), or why it was missed,
    judged by the closest prediction from the same article: one that fits it whole but was matched to
    another gold event first ("taken": two gold events told as one, or a summit of another article)."""
    match = matched.get(g["id"])
    row = {"id": g["id"], "type": g["type"], "date": g.get("date"), "participants": g.get("participants", []),
           "sources": g.get("sources", []), "note": g.get("note", "")}
    if match is not None:
        place_right = not g.get("place") or res.key(match.get("place")) in set(g["place"])
        row["outcome"] = "matched" if place_right else "wrong place"
        if not place_right:
            row["predicted_place"] = (match.get("place") or {}).get("label")
        row["evidence"] = _evidence(match)
        return row
    near = [(p, keys) for p, keys, srcs in preds if srcs & set(g.get("sources", []))]
    same_type = [(p, k) for p, k in near if _type_class(p.get("type")) == _type_class(g["type"])]
    fits = [(p, k) for p, k in same_type if _participants_ok(g, k)]
    people = set(g.get("participants", []))
    whole = [(p, k) for p, k in fits if _date_ok(g.get("date"), p.get("date"))]
    if whole:
        row["outcome"], (p, keys) = "taken", whole[0]
        row["taken_by"] = sorted(gid for gid, m in matched.items() if m is p)
    elif fits:
        row["outcome"], (p, keys) = "wrong date", fits[0]
    elif any(_participants_ok(g, k) for _, k in near):
        row["outcome"], (p, keys) = "wrong type", next((p, k) for p, k in near if _participants_ok(g, k))
    elif any(k & people for _, k in same_type):
        row["outcome"], (p, keys) = "wrong participants", max(same_type, key=lambda pk: len(pk[1] & people))
    else:
        row["outcome"] = "missed"
        return row
    row["predicted"] = {"type": p.get("type"), "date": p.get("date"), "participants": sorted(keys),
                        "evidence": _evidence(p)}
    return row


def render(r: dict, details: bool = True) -> str:
    lines = [
        f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}",
        f"gold required {r['required']}  predicted {r['predicted']}  correct {r['tp']}  wrong {r['fp']}  "
        f"duplicates {r['duplicates']}  optional ignored {r['ignored_optional']}",
        f"dates right (of type+participant matches) {r['date_accuracy']}  places {r['place_accuracy']}  "
        f"cross-article merged {r['cross_article_merged']}",
    ]
    for t, v in r.get("by_type", {}).items():
        lines.append(f"  {t:<10} gold {v['gold']:>3}  found {v['found']:>3}  predicted right {v['predicted_right']:>3}"
                     f"  wrong {v['predicted_wrong']:>3}  P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    if not details:
        return "\n".join(lines)
    for g in r.get("gold_events", []):
        if g["outcome"] == "matched":
            continue
        lines.append(f"{g['outcome']}: {g['id']} {g['type']} {g['date']} {', '.join(g['participants'])}"
                     + (f" (its prediction matched {', '.join(g['taken_by'])})" if g.get("taken_by") else ""))
        if "predicted_place" in g:
            lines.append(f"    predicted place: {g['predicted_place']}")
        if "predicted" in g:
            p = g["predicted"]
            lines.append(f"    predicted: {p['type']} {p['date']} {', '.join(p['participants'])}")
        for e in (g.get("predicted") or {}).get("evidence", []) or g.get("evidence", []):
            lines.append(f"    [{e['source']}] {e['text']}")
    for f in r["false_positives"]:
        lines.append(f"spurious: {f['type']} {f['date']} {', '.join(f['participants'])} from {', '.join(f['sources'])}")
        for e in f.get("evidence", []):
            lines.append(f"    [{e['source']}] {e['text']}")
    for d in r.get("duplicate_predictions", []):
        lines.append(f"duplicate of {', '.join(d['of'])}: {d['type']} {d['date']} {', '.join(d['participants'])} "
                     f"from {', '.join(d['sources'])}")
        for e in d.get("evidence", []):
            lines.append(f"    [{e['source']}] {e['text']}")
    return "\n".join(lines)
