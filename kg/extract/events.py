"""From one article's text to event mentions: who, what kind, when, where.

The steps, per sentence: find names, titles and cues (one automaton pass over
the article); resolve titles to persons (by name, or by the role a country's
office holder had on the date); split the sentence into one scope per event
trigger; take the scope's participants (leaving out speakers, attributions,
senders of messages and temporal clauses), type (modifiers: by phone, by
video), status (planned; negated, denied, hypothetical and habitual mentions
are dropped), date (resolved against the publication date), place and
duration. All words and phrases come from ``kg/data/ar/lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import FAMILY, OCCURRED, PLANNED, Article, DateValue, Entity, Mention, dates_near
from .dates import DateMention, find_dates
from .english import extract_english, is_english
from .entities import NAME_LAYER, Hit, Matcher, matcher_for
from .lexwords import word_list
from .names import guest_of, sentence_names
from .dates_places import DATE_REACH, find_dateline, pick_date, pick_place
from .reading import Reading
from .triggers import find_triggers, trigger_scopes

ORDINALS = {"اول", "ثاني", "ثالث", "رابع", "اخر", "اولى", "الاولى"}
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "crown_prince", "secretary_general")
INVITATION = re.compile(r"دعوه\s+(?:\S+\s+){0,1}(?:من\s+)?(?:\S+\s+){0,3}$")
NEEDS_TWO = ("Call", "PhoneCall", "VideoCall", "Meeting", "Talks")


class ArticleExtractor(Reading):
    """Extracts mentions from one article; one instance per article."""

    # ------------------------------------------------------------ main
    def run(self) -> list[Mention]:
        hits = self.m.hits(self.text)
        # a short form ("شي") counts once the full name appears anywhere in the article itself
        self.state.seen = {h.value for h in hits if h.kind == "entity" and self.t.in_kept(h.start)}
        self.dateline = find_dateline(self, hits)
        kinds = {h.value for h in hits if h.kind == "trigger"}
        self.phone_only = "PhoneCall" in kinds and not kinds & {"Meeting", "Visit", "Summit", "VideoCall"}
        # an undated article's office holders are looked up on the day its named people held office together
        self.era = None if self.article.published else self.gaz.era(
            k for k in self.state.seen if self.gaz.entries[k].kind == "Person")
        dates = find_dates(self.text)
        hi = di = 0
        for idx, (s0, s1) in enumerate(self.t.sentences()):
            while hi < len(hits) and hits[hi].start < s0:
                hi += 1
            hj = hi
            while hj < len(hits) and hits[hj].start < s1:
                hj += 1
            while di < len(dates) and dates[di].start < s0:
                di += 1
            dj = di
            while dj < len(dates) and dates[dj].start < s1:
                dj += 1
            self.sentence(idx, s0, s1, [h for h in hits[hi:hj] if h.end <= s1],
                          [d for d in dates[di:dj] if d.end <= s1])
        return self.mentions

    # ------------------------------------------------------------ a sentence
    def sentence(self, idx: int, s0: int, s1: int, hits: list[Hit], dates: list[DateMention]):
        names = sentence_names(self, hits, dates, s0, s1)
        self.name_tokens = names.name_tokens
        persons, places, orgs, duals = names.persons, names.places, names.orgs, names.duals
        cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]

        found = find_triggers(self, hits, cues, s1)
        scopes = trigger_scopes(self, found.triggers, cues, dates, s0, s1)
        prev: Mention | None = None
        dated_in_sentence: DateValue | None = None
        first = len(self.mentions)
        for scope in scopes:
            for mention in self.mentions_for(scope.trigger, scope.start, scope.end, s0, s1, persons, places, orgs, duals,
                                             cues, dates, single=len(scopes) == 1, prev=prev, sentence_idx=idx):
                self.mentions.append(mention)
                prev = mention
                if mention.date is not None:
                    dated_in_sentence = mention.date
                if mention.type == "Visit":
                    self.state.last_visit = mention
                pair = tuple(p for p in mention.participants if p.kind == "Person")
                if len(pair) == 2:  # "the two leaders" refers back to a pair, not to a group
                    keys = {p.key for p in pair}
                    self.state.pairs = [q for q in self.state.pairs if {p.key for p in q} != keys][-5:] + [pair]
        self.mentions.extend(self.sideline_summits(found.sideline, self.mentions[first:], s0, s1))
        if len(self.mentions) > first:
            self.last_sentence = idx
        # "the same day" later on refers to the last event's date, else to the sentence's first date
        sentence_date = dated_in_sentence
        if sentence_date is None:
            for d in dates:
                if d.kind != "same_day":
                    sentence_date = d.resolve(self.article.published)
                    if sentence_date:
                        break
        if sentence_date is not None:
            self.state.last_date = sentence_date
            self.state.last_date_sentence = idx

    def sideline_summits(self, sideline: list[Hit], mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
        """"التقى X وY على هامش قمة ..." also tells the summit. Its participants are left open: the
        text places two leaders there, not who took part; a summit lasts days, so the meeting's day
        gives it a month."""
        met = [m for m in mentions if m.family in ("meeting", "talks") and m.status == OCCURRED and not m.partial]
        if not met or not sideline:
            return []
        people: list[Entity] = []
        date = next((m.date for m in met if m.date is not None), None)
        if date is not None and date.precision == "day":
            date = DateValue(date.value[:7])
        place = next((m.place for m in met if m.place is not None and not m.weak_place), None)
        t = sideline[0]
        return [self.build(t, "Summit", people, date, place, False, {}, None, t.start, s1, s0, s1)]

    # ------------------------------------------------------------ one event mention
    def mentions_for(self, t: Hit, a, b, s0, s1, persons, places, orgs, duals, cues, dates,
                     single: bool, prev: Mention | None, sentence_idx: int) -> list[Mention]:
        before = [c for c in cues if a <= c.start < t.start]
        after = [c for c in cues if t.end <= c.start < b]

        def near_before(kind, n):
            return any(c.kind == kind and self.t.tokens_between(c.end, t.start) <= n for c in before)

        # a reference to an event already told ("this visit", "that call", "هذه أول زيارة")
        for c in before:
            if c.kind == "demonstrative":
                gap = self.text[c.end:t.start].split()
                if not gap or (len(gap) == 1 and gap[0] in ORDINALS):
                    return []
        if any(c.kind == "demonstrative" and self.t.tokens_between(t.end, c.start) <= 0 for c in after):
            return []
        if near_before("negator", 3) or near_before("hypothetical", self.lex.get("hypothetical_window", 6)):
            return []
        if any(c.kind == "habitual" for c in before + after):
            return []
        denied = any(c.kind == "denial" and s0 <= c.start < t.start for c in cues)

        zones, date_zones = self.excluded_zones(t, a, b, cues, dates)
        inside = lambda x: a <= x.start < b and not any(z0 <= x.start < z1 for z0, z1 in zones)  # noqa: E731
        people: list[Entity] = []
        for p in persons:
            if inside(p) and p.entity.key not in {e.key for e in people}:
                people.append(p.entity)

        # "اطلع X Y على نتائج اتصاله مع Z": "his call with Z" is X's and Z's, not Y's
        if t.suffix in ("ه", "ها") and re.match(r"\s*(?:\S+\s+)?مع\s", self.text[t.end + len(t.suffix):t.end + 30]):
            before_t = [p.entity for p in persons if inside(p) and p.start < t.start]
            after_t = [p.entity for p in persons if inside(p) and p.start > t.end]
            if len(before_t) >= 2 and after_t:
                people = [before_t[0]] + [e for e in after_t if e.key != before_t[0].key]
        # "... and another call with Trump", "عقب محادثاته مع بوتين": the previous event's topic carries over
        if len(people) == 1 and prev is not None and prev.participants:
            if any(c.kind == "same_subject" for c in after if self.t.tokens_between(t.end, c.start) <= 1) \
                    or t.suffix in ("ه", "ها"):
                visitor = next((k for k, r in prev.roles.items() if r == "visitor"), None)
                lead = next((p for p in prev.participants if p.key == visitor), prev.participants[0])
                if lead.key != people[0].key:
                    people.insert(0, lead)
        # "تلقى X اتصالا من Y، كما تلقى اتصالا من Z": a verb whose subject is left out shares the
        # subject of the sentence's previous event
        is_verb = self.text[t.start:t.end] in self.m.verbs or (t.value == "Talks" and self.text[t.start:t.start + 1] in "يتأ") \
            or self.t.word_before(t.start - len(t.prefix)) in word_list(self.m, "purpose_verbs") \
            or any(w.strip("،,").lstrip("و") in word_list(self.m, "call_receiving_verbs")
                   for w in self.text[max(s0, t.start - len(t.prefix) - 30):t.start - len(t.prefix)].split()[-3:])
        # ^ "وصل X لعقد اجتماع مع Y", "كما تلقى اتصالا من Z": the event word is the verb's object
        # the previous sentence's event too, when this sentence names nobody before its verb
        before_in_sentence = any(s0 <= p.start < t.start for p in persons)
        last = self.mentions[-1] if self.mentions else None
        # "وصل X إلى طوكيو. ومن المقرر أن يتباحث اليوم مع Y": the visitor's agenda goes on
        told = prev if prev is not None else (
            last if last is not None and last.type == "Visit" and "visitor" in last.roles.values()
            and self.last_sentence == sentence_idx - 1 and not before_in_sentence else None)
        if len(people) == 1 and told is not None and told.participants and is_verb \
                and not any(inside(p) and p.start < t.start for p in persons):
            visitor = next((k for k, r in told.roles.items() if r == "visitor"), None)
            subject = next((p for p in told.participants if p.key == visitor), told.participants[0])
            if subject.key != people[0].key:
                people.insert(0, subject)
        # "معلنا أنه سيزور الصين": a verb without its own subject continues the sentence's last person
        if not people and self.text[t.start:t.end] in self.m.verbs:
            last = [p for p in persons if s0 <= p.start < a and not any(z0 <= p.start < z1 for z0, z1 in zones)]
            if last:
                people.append(last[-1].entity)
        # "the two leaders", "their call": the pair of a recent event, one that includes who is named
        dual = t.suffix in self.m.dual_suffixes or self.text[t.start - len(t.prefix):t.end].lstrip("وف") in word_list(self.m, "dual_verbs") or any(
            (d.start >= t.end and self.t.tokens_between(t.end, d.start) <= 4)
            or (d.end <= t.start and self.t.tokens_between(d.end, t.start) <= 3) for d in duals)
        if dual and len(people) < 2 and self.state.pairs:
            named = {e.key for e in people} or {p.entity.key for p in persons if s0 <= p.start < t.start}
            pair = next((q for q in reversed(self.state.pairs) if named <= {p.key for p in q}), None)
            people = list(pair if pair is not None else self.state.pairs[-1])
        elif dual and not people and not self.state.pairs and len(self.state.recent_persons) >= 2:
            # "وتصافح الرئيسان" before any event: the two leaders named last
            people = list(self.state.recent_persons[-2:])

        # type
        etype = t.value
        if etype == "Talks" and self.phone_only:
            etype = "PhoneCall"  # "تحدث إلى X" in an article whose only events are phone calls
        mods = [c for c in cues if c.kind == "modifier" and a <= c.start < b
                and (-2 <= self.t.tok(c.start) - self.t.tok(t.end - 1) <= 8)]
        if mods and etype in ("Call", "Talks", "Meeting"):
            etype = min(mods, key=lambda c: abs(c.start - t.end)).value

        # status
        future = "س" in t.prefix
        # "من المقرر أن يتباحث ... قبل أن يستقبله": what comes before or after a plan is planned too
        if prev is not None and prev.status == PLANNED and re.search(r"(?:قبل|بعد)\s+(?:ان|أن)\s*$", self.text[max(s0, t.start - len(t.prefix) - 12):t.start - len(t.prefix)]):
            future = True
        window = self.lex.get("future_window", 10)
        if any(c.kind == "future" and self.t.tokens_between(c.end, t.start) <= window for c in before):
            future = True
        if any(c.kind == "future_after" and self.t.tokens_between(t.end, c.start) <= 3 for c in after):
            future = True

        # "يزور X غدا", "الثلاثاء المقبل": a day ahead of the text's own day is planned, dated or not
        if any(a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in date_zones)
               and abs(self.t.tokens_between(t.end, d.start) if d.start >= t.end else self.t.tokens_between(d.end, t.start)) <= DATE_REACH
               and ((d.kind in ("rel_day", "rel_week", "rel_month", "rel_year", "weekday") and d.offset > 0) or d.direction == "next")
               for d in dates):
            future = True
        if future:  # "أفادت الرئاسة، اليوم الثلاثاء، بأن X ستزور ...": the day is the announcement's
            date_zones = date_zones + self.announcement_zones(t, s0, cues)
        date = pick_date(self, t, a, b, date_zones, dates, future, single, sentence_idx, s0, persons)
        pub = self.article.published
        if date is not None and pub is not None and date.start() > pub:
            future = True

        sideline = any(c.kind == "summit_context" and self.text[c.start:c.end].endswith("هامش") for c in cues
                       if a <= c.start < b)
        place = pick_place(self, t, places, inside, persons, a, sideline)
        organizer = next((o.entity for o in orgs if inside(o) and o.start >= t.end
                          and self.t.tokens_between(t.end, o.start) <= 3), None)

        family = FAMILY.get(etype, "talks")
        if denied:
            self.state.denied.append((family, frozenset(p.key for p in people)))
            return []
        if any(f in (family, "talks") and keys == frozenset(p.key for p in people) for f, keys in self.state.denied):
            return []  # the article denies this very event

        # "اتصالين هاتفيين منفصلين مع X و Y", "تلقى اتصالات هاتفية من X وY وZ", "التقى X كلا من Y وZ،
        # كل على حدة": one call or meeting of the subject with each
        if len(people) >= 3 and etype != "Summit" and self.distributive(t, a, b, s0, s1):
            subject = [p for p in persons if inside(p) and p.start < t.start]
            lead = subject[0].entity if subject else people[0]
            return [self.build(t, etype, [lead, other], date, place, future, {}, organizer, a, b, s0, s1)
                    for other in people if other.key != lead.key]

        if etype == "Summit":  # a summit's participants are the leaders at it, not ministers or aides
            people = [p for p in people if self.is_leader(p, date)]
        if etype == "Summit" and len(people) == 2 and organizer is None and "ال" not in t.prefix and not any(
                w in word_list(self.m, "multilateral_cues") for w in self.text[a:b].split()):
            etype = "Meeting"  # "قمة" of two leaders is a meeting (CAMEO 044), not a multilateral summit
        roles: dict[str, str] = {}
        if etype == "Visit" and len(people) == 1 and place is not None and self.domestic(people[0], place, date):
            return []  # a leader touring their own country is no diplomatic visit
        word = self.text[t.start:t.end]
        receiving = word in self.m.host_triggers or word in word_list(self.m, "reception_nouns")
        if etype == "Visit" and receiving and t.suffix in ("ه", "ها") and self.state.last_visit:
            # "يستقبله الإمبراطور": the host is named after the verb, the guest is the visitor told before
            guest = guest_of(self, None, None)
            hosts = [p.entity for p in persons if inside(p) and p.start >= t.end]
            if guest is not None and hosts and hosts[0].key != guest.key:
                people = [hosts[0], guest]
        if etype == "Visit" and people:
            people, roles = self.visit_roles(t, people, before, future, place, date)
            if place is None:  # a visit without a named place is in its host's country
                place = self.host_country(roles, date)
        weak_place = False
        if place is None and etype in ("Visit", "Meeting", "Summit") and self.dateline is not None and not future:
            place, weak_place = self.dateline, True  # "موسكو - (وكالات)": where the news was filed
        if etype in NEEDS_TWO and not people:
            return []
        if etype == "Visit" and not people:
            return []
        if etype == "Summit" and not people and organizer is None:
            return []
        mention = self.build(t, etype, people, date, place, future, roles, organizer, a, b, s0, s1)
        # "تلبية لدعوة من Y": Y invited; Y is the host only if nobody else is said to receive the visitor
        invited = frozenset(p.entity.key for p in persons if p.entity.key in roles and inside(p)
                            and INVITATION.search(self.text[max(a, p.start - 40):p.start]))
        if weak_place or invited:
            mention = replace(mention, weak_place=weak_place, invited=invited)
        return [mention]

    def is_leader(self, person: Entity, date: DateValue | None) -> bool:
        on = self.office_day(date)
        return any(r in LEADER_ROLES for r, _ in self.gaz.roles_of(person.key, on))

    def host_country(self, roles: dict[str, str], date: DateValue | None) -> Entity | None:
        host = next((k for k, r in roles.items() if r == "host"), None)
        if host is None:
            return None
        on = self.office_day(date)
        countries = {c for r, c in self.gaz.roles_of(host, on) if r in ("head_of_state", "head_of_government", "leader", "crown_prince")}
        return self.gaz.entity(countries.pop()) if len(countries) == 1 else None

    def distributive(self, t: Hit, a: int, b: int, s0: int, s1: int) -> bool:
        """A plural or dual event word, "كل على حدة" in the scope, or a meeting verb with a list of
        those its subject met ("التقى X كلا من Y وZ", "سيلتقي X نظيريه Y وZ"): one event per pair,
        unless the scope says the meeting was joint (ثلاثي، مشترك)."""
        if self.text[t.start:t.end] in word_list(self.m, "distributive_triggers"):
            return True
        scope = " " + " ".join(re.sub(r"[^\w\s]", " ", self.text[a:b]).split()) + " "
        if any(f" {c} " in scope for c in word_list(self.m, "distributive_cues")):
            return True
        sentence = " " + " ".join(re.sub(r"[^\w\s]", " ", self.text[s0:s1]).split()) + " "
        joint = any(f" {c} " in sentence or f" ال{c} " in sentence for c in word_list(self.m, "joint_cues"))
        return t.value == "Meeting" and self.text[t.start:t.end] in self.m.verbs and not joint

    def build(self, t, etype, people, date, place, future, roles, organizer, a, b, s0, s1) -> Mention:
        oa, ob = self.nt.orig_span(s0, s1)
        raw = self.article.text[oa:ob]
        evidence = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        return Mention(
            article_id=self.article.id, type=etype, participants=tuple(people),
            evidence=evidence, start=oa + lead, end=oa + lead + len(evidence),
            trigger=self.t.original(t.start, t.end), date=date, place=place,
            status=PLANNED if future else OCCURRED, roles=roles, organizer=organizer,
            duration_minutes=parse_duration(self.text[a:b]), published=self.article.published,
            # "the call", "the visit" with no date of its own refers back: it only joins an event
            partial=(etype in NEEDS_TWO and len(people) < 2) or ("ال" in t.prefix and date is None),
            place_country=self.gaz.country_key(place.key) if place is not None else None,
        )

    def visit_roles(self, t: Hit, people: list[Entity], before: list[Hit], future: bool,
                    place: Entity | None, date: DateValue | None) -> tuple[list[Entity], dict[str, str]]:
        """Who visits and who hosts."""
        word = self.text[t.start:t.end]
        roles: dict[str, str] = {}
        if word in self.m.host_triggers:  # "X received Y": host first
            order = people
            arrived = guest_of(self, None, None)
            # "وصل X ... واستقبل X وليُّ العهد": whoever the article had arrive is the guest, whatever the order
            if len(people) > 1 and arrived is not None and arrived.key == people[0].key:
                order = [people[1], people[0]] + people[2:]
            roles[order[0].key] = "host"
            if len(order) > 1:
                roles[order[1].key] = "visitor"
        else:
            invited = any(c.kind == "future" and self.text[c.start:c.end].lstrip("و").startswith(("دع", "يدع", "تدع"))
                          for c in before)
            visitor = people[1] if (invited and len(people) > 1 and word not in self.m.guest_nouns) else people[0]
            roles[visitor.key] = "visitor"
            if len(people) == 2:
                roles[(people[0] if visitor is people[1] else people[1]).key] = "host"
        visitor_key = next((k for k, r in roles.items() if r == "visitor"), None)
        if future and word not in self.m.host_triggers:
            # a planned visit is the visitor's and its host's: the inviter may never meet them
            keep = visitor_key or people[0].key
            visitor_entity = next(p for p in people if p.key == keep)
            host = self.host_of(place, date, exclude=keep, anywhere=True) if place is not None else None
            if host is not None:
                return [visitor_entity, host], {keep: "visitor", host.key: "host"}
            return [visitor_entity], {keep: "visitor"}
        if len(people) == 1 and visitor_key and place is not None:
            host = self.earlier_host(visitor_key, date, place) or self.host_of(place, date, exclude=visitor_key)
            if host is not None:  # "وصل كيم إلى روسيا": hosted by Russia's leader, when the article names them
                roles[host.key] = "host"
                people = people + [host]
        return people, roles

    def earlier_host(self, visitor_key: str, date: DateValue | None, place: Entity) -> Entity | None:
        """The host the article already gave this visitor on this visit ("استقبل Y الضيفَ X ... وبدأ X
        زيارته"): a visit told with a date of another week is another visit."""
        told: list[tuple[Mention, DateValue | None]] = []
        last = None  # an undated telling of a visit is of the visit dated last before it
        for v in self.mentions:
            if v.type == "Visit" and v.status == OCCURRED and v.roles.get(visitor_key) == "visitor":
                last = v.date or last
                told.append((v, v.date or last))
        for v, when in reversed(told):
            if dates_near(when, date):
                host = next((k for k, r in v.roles.items() if r == "host"), None)
                entity = next((p for p in v.participants if p.key == host), None)
                if entity is not None and self.host_country({host: "host"}, date) == self.country_of(place):
                    return entity
        return None

    def country_of(self, place: Entity) -> Entity | None:
        country = self.gaz.country_key(place.key)
        return self.gaz.entity(country) if country in self.gaz.entries else None

    def domestic(self, person: Entity, place: Entity, date: DateValue | None) -> bool:
        country = self.gaz.country_key(place.key)
        on = self.office_day(date)
        return country is not None and any(c == country for _, c in self.gaz.roles_of(person.key, on))

    def host_of(self, place: Entity, date: DateValue | None, exclude: str, anywhere: bool = False) -> Entity | None:
        country = self.gaz.country_key(place.key)
        if not country:
            return None
        on = self.office_day(date)
        def hosts_in(people):
            return [e for e in people if e.key != exclude
                    and any(c == country and r in ("head_of_state", "head_of_government", "leader")
                            for r, c in self.gaz.roles_of(e.key, on))]

        hosts = hosts_in(self.state.recent_persons)
        if hosts or not anywhere:
            return hosts[-1] if hosts else None
        # named later in the article ("... وسيبحث مع الرئيس الأرجنتيني ..."): only when there is one
        later = hosts_in([self.gaz.entity(k) for k in sorted(self.state.seen)
                          if k in self.gaz.entries and self.gaz.entries[k].kind == "Person"])
        return later[0] if len(later) == 1 else None

    def excluded_zones(self, t: Hit, a: int, b: int, cues: list[Hit], dates: list[DateMention]):
        """Spans whose names are not participants (speakers, attributions, senders, temporal
        clauses), and the spans whose dates are not the event's."""
        zones, date_zones = [], []
        clause_ends = [a + m.start() for m in re.finditer(r"[،,؛;]", self.text[a:b])]

        def clause_end(pos):
            return next((min(e, b) for e in clause_ends if e > pos), b)

        comps = [c for c in cues if c.kind == "complementizer" and a <= c.start < b]
        for c in cues:
            if not (a <= c.start < b):
                continue
            if c.kind in ("attribution", "non_participant"):
                end = clause_end(c.end)
                if c.kind == "non_participant":  # "مرفوقا بـ X، و Y، و Z": the list goes on
                    while end < b and re.match(r"[،,]\s*و", self.text[end:end + 4]):
                        end = clause_end(end + 1)
                span = (c.start, end)
                if not (span[0] <= t.start < span[1]):
                    zones.append(span)
                    date_zones.append(span)
            elif c.kind == "temporal" and not (c.end <= t.start and self.t.tokens_between(c.end, t.start) == 0):
                # "بعد ساعات من تنصيب ترامب": names in a temporal clause are not participants
                span = (c.start, min(clause_end(c.end), t.start if c.end <= t.start else b))
                zones.append(span)
                if not any(c.end <= d.start <= c.end + 1 for d in dates):  # "بعد ظهر اليوم" is a date
                    date_zones.append(span)
            elif c.kind == "reporting":
                comp = next((x for x in comps if x.start > c.end), None)
                # "قال إن لقاءه مع ...": the speaker is the one who met
                if comp is not None and t.start > comp.start and t.suffix not in ("ه", "ها") \
                        and not comp.suffix and self.text[comp.start:comp.end] not in ("انه", "انها"):
                    zones.append((c.start, comp.start))
        return zones, date_zones

    def announcement_zones(self, t: Hit, s0: int, cues: list[Hit]) -> list[tuple[int, int]]:
        """From a reporting verb before the trigger to the "that" which opens the clause of the trigger."""
        zones = []
        for c in cues:
            if c.kind == "reporting" and s0 <= c.start < t.start:
                comp = next((x for x in cues if x.kind == "complementizer" and c.end <= x.start < t.start), None)
                if comp is not None:
                    zones.append((c.start, comp.start))
        return zones


DURATION_CUE = re.compile(r"(?:لمده|استمرت|استمر|دامت|دام)\s+((?:\S+\s+){0,2}?)(?=\d|ساع|نصف|ربع|دقيق)")
HOURS = re.compile(r"^(?:(\d+)\s+(?:ساعات|ساعه)|(ساعتين|ساعتان)|(ساعه))")
MINUTES = re.compile(r"^\s*و?\s*(?:(\d+)\s+(?:دقيقه|دقائق)|(نصف)(?:\s+ساعه)?|(ربع)(?:\s+ساعه)?)")


def parse_duration(text: str) -> int | None:
    """Duration in minutes from normalized text.

    >>> parse_duration("تحدثا لمده ساعه و25 دقيقه")
    85
    >>> parse_duration("استمرت المكالمه 40 دقيقه")
    40
    >>> parse_duration("استمرت اكثر من ساعه ونصف") is None
    True
    """
    m = DURATION_CUE.search(text)
    if not m:
        return None
    if re.search(r"اكثر من|اقل من|زهاء|نحو|قرابه|حوالي|ما يزيد", m.group(1)):
        return None
    rest = text[m.end():m.end() + 40]
    minutes = 0
    h = HOURS.match(rest)
    if h:
        minutes = 60 * (int(h.group(1)) if h.group(1) else 2 if h.group(2) else 1)
        rest = rest[h.end():]
    mm = MINUTES.match(rest)
    if mm:
        minutes += int(mm.group(1)) if mm.group(1) else 30 if mm.group(2) else 15
    return minutes or None


def extract_article(article: Article, matcher: Matcher | None = None) -> list[Mention]:
    """Event mentions in one article, read with the knowledge of its language."""
    matcher = matcher or matcher_for()
    lang = (article.language or "").lower()
    # the tag decides, unless the script says otherwise: Arabic script tagged "en" is read as Arabic
    if (not lang or lang.startswith("en")) and is_english(article.text):
        return extract_english(article, matcher.gaz)
    return ArticleExtractor.of(article, matcher).run()
