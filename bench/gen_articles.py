"""Deterministic synthetic Arabic news articles for benchmarks (not for accuracy claims).

Each article is about 5 KB: clutter lines, a dateline, a lead paragraph
reporting one contact between two leaders who held office on that date (from
the gazetteer's roles), follow-up paragraphs that mention the same event again,
a background paragraph with an older dated meeting, a planned visit, quotes and
distractor paragraphs, and a "read also" block with unrelated headlines. Dates
use every form the extractor reads: weekdays with markers, explicit dates in
Egyptian, Levantine and Maghreb month names, paired names, Eastern Arabic
digits, Hijri datelines with the Gregorian date.

    python bench/gen_articles.py N OUT.jsonl [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.extract.resources import load_gazetteer  # noqa: E402

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS = {
    "egypt": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "maghreb": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
OUTLETS = ["وكالة الأنباء", "الشرق الأوسط", "سكاي نيوز عربية", "الجزيرة نت", "الأهرام", "النهار", "هسبريس", "الأناضول"]
TOPICS = ["العلاقات الثنائية وسبل تعزيزها", "التطورات الإقليمية والدولية", "التعاون في مجالات الطاقة والاستثمار",
          "الأوضاع في المنطقة", "جهود التهدئة وخفض التصعيد", "التبادل التجاري والاستثمارات المشتركة"]
DISTRACTORS = [
    "وأكد البيان أن الجانبين يتطلعان إلى مرحلة جديدة من التعاون تقوم على الاحترام المتبادل والمصالح المشتركة.",
    "ويرى محللون أن هذه التحركات تعكس رغبة متزايدة في تنويع الشراكات الاقتصادية في ظل المتغيرات الدولية المتسارعة.",
    "وارتفع حجم التبادل التجاري بين البلدين خلال العام الماضي بنسبة ملحوظة وفق بيانات رسمية نشرت مؤخرا.",
    "وتشهد المنطقة منذ أشهر توترات متصاعدة ألقت بظلالها على أسواق الطاقة وحركة الملاحة الدولية.",
    "وقال خبراء في الشؤون الاقتصادية إن الاستثمارات المعلنة قد تسهم في خلق آلاف فرص العمل خلال السنوات المقبلة.",
    "وكانت لجنة مشتركة قد عقدت دورتها الأخيرة لبحث آليات تنفيذ الاتفاقيات الموقعة بين الجانبين.",
    "وأشارت تقارير صحفية إلى أن ملفات الأمن الغذائي والتغير المناخي ستكون حاضرة على جدول الأعمال.",
]
HEADLINES = ["ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية", "منتخب الشباب يتأهل إلى نهائي البطولة القارية",
             "افتتاح معرض دولي للكتاب بمشاركة أكثر من 500 دار نشر", "الأرصاد تتوقع أمطارا غزيرة على المناطق الساحلية"]


def leaders(gaz):
    """(person key, role, country, from, to) for heads of state and government with a demonym."""
    out = []
    for e in gaz.entries.values():
        if e.kind != "Person" or not e.ar:
            continue
        for r in e.roles:
            if r["role"] not in ("head_of_state", "head_of_government"):
                continue
            c = gaz.entries.get(r["country"])
            if c is None or not c.demonym_ar:
                continue
            start = _date(r.get("from"), False) or dt.date(2015, 1, 1)
            stop = _date(r.get("to"), True) or dt.date(2026, 11, 1)
            out.append((e.key, r["role"], c.key, start, stop))
    return sorted(out)


def _date(text, end):
    if not text:
        return None
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 28 if end else 1)
    return dt.date(*parts)


def phrase(gaz, key, role, country, rnd):
    person, c = gaz.entries[key], gaz.entries[country]
    title = "الرئيس" if role == "head_of_state" else "رئيس الوزراء"
    return f"{title} {c.demonym_ar[0]} {rnd.choice(person.ar)}"


def date_phrase(day: dt.date, pub: dt.date, rnd) -> str:
    style = rnd.choice(list(MONTHS))
    delta = (pub - day).days
    options = []
    if delta == 0:
        options += [f"اليوم {WEEKDAYS[day.weekday()]}", "اليوم"]
    if delta == 1:
        options += [f"أمس {WEEKDAYS[day.weekday()]}", "أمس"]
    if 0 <= delta < 7:
        options += [f"يوم {WEEKDAYS[day.weekday()]}", f"مساء {WEEKDAYS[day.weekday()]}"]
    m = MONTHS[style][day.month - 1]
    full = f"في {day.day} {m} {day.year}"
    options += [full, full.translate(EASTERN)]
    if style == "egypt":
        options.append(f"في {day.day} {m}/{MONTHS['levant'][day.month - 1]} {day.year}")
    return rnd.choice(options)


def article(i: int, gaz, pool, rnd) -> dict:
    pub = dt.date(2016, 1, 1) + dt.timedelta(days=rnd.randrange(3900))
    active = [p for p in pool if p[3] <= pub <= p[4]]
    a, b = rnd.sample(active, 2)
    while a[2] == b[2] or a[0] == b[0]:
        a, b = rnd.sample(active, 2)
    day = pub - dt.timedelta(days=rnd.choice([0, 0, 1, 2, 3]))
    pa, pb = phrase(gaz, *a[:3], rnd), phrase(gaz, *b[:3], rnd)
    when = date_phrase(day, pub, rnd)
    kind = rnd.choice(["call", "call", "video", "meeting", "visit"])
    capital = gaz.entries.get(gaz.entries[b[2]].capital or "")
    city = capital.ar[0] if capital else gaz.entries[b[2]].ar[0]
    topic = rnd.choice(TOPICS)
    if kind == "call":
        lead = f"أجرى {pa}، {when}، اتصالا هاتفيا مع {pb}، بحثا خلاله {topic}."
        again = "وتناول الاتصال كذلك سبل تنسيق المواقف إزاء القضايا ذات الاهتمام المشترك."
    elif kind == "video":
        lead = f"عقد {pa} و{pb}، {when}، محادثات عبر تقنية الفيديو تناولت {topic}."
        again = "وأكد الزعيمان خلال المحادثات أهمية مواصلة التشاور الثنائي."
    elif kind == "meeting":
        lead = f"التقى {pa} {pb}، {when}، في {city}، وبحث الجانبان {topic}."
        again = "وجرى خلال اللقاء استعراض فرص التعاون في عدد من المجالات."
    else:
        lead = f"وصل {pa} إلى {city}، {when}، في زيارة رسمية، وكان في استقباله {pb}."
        again = "وعقد الجانبان جلسة مباحثات رسمية تناولت " + topic + "."
    hijri = rnd.random() < 0.2
    dateline = f"{city} - {pub.day} {MONTHS['egypt'][pub.month - 1]} {pub.year}" + (" الموافق لـ ١٤ رجب ١٤٤٦ هـ" if hijri else "")
    old = pub - dt.timedelta(days=rnd.randrange(60, 700))
    background = (f"وكان الزعيمان قد التقيا في {MONTHS[rnd.choice(list(MONTHS))][old.month - 1]} {old.year} "
                  f"على هامش قمة إقليمية.")
    planned = f"ومن المقرر أن يزور {pb} العاصمة {city} خلال الأشهر المقبلة تلبية لدعوة رسمية."
    parts = [
        rnd.choice(OUTLETS), "الرئيسية > أخبار > سياسة", dateline, "",
        f"مباحثات بين {pa.split()[-1]} و{pb.split()[-1]}", "",
        lead, "", again, "",
        f"وقال {pa} إن بلاده حريصة على تطوير العلاقات، مؤكدا أن المرحلة المقبلة ستشهد خطوات عملية.", "",
        background, "", planned, "",
    ]
    body = []
    while sum(len(p) for p in parts + body) < 2300:
        body.append(rnd.choice(DISTRACTORS))
    parts += [" ".join(body), "", "اقرأ أيضا:"] + rnd.sample(HEADLINES, 2)
    parts += ["", "كلمات مفتاحية: سياسة، علاقات دولية، " + pa.split()[-1], "شارك الخبر: فيسبوك تويتر واتساب"]
    return {"id": f"syn-{i:07d}", "text": "\n".join(parts), "published": pub.isoformat(),
            "url": f"https://news.example/{i}", "language": "ar", "title": parts[4]}


def generate(n: int, out: Path, seed: int = 7) -> Path:
    gaz = load_gazetteer()
    pool = leaders(gaz)
    rnd = random.Random(seed)
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(i, gaz, pool, rnd), ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    generate(a.n, a.out, a.seed)
