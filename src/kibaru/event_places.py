"""event_places: where an event happened — the place its clause names ("à Moscou", "in
Niamey"), a country visited when no city is named, or the dispatch's dateline for the lead."""
from __future__ import annotations

from dataclasses import dataclass, replace

from .mentions import ArticleActors, Mention, actor_id
from .nlp import ParsedArticle
from .records import EventMention, Place


@dataclass(frozen=True)
class Scene:
    """Where the story is as it is told: the last place an event was told at (or the dateline's
    town), the day the story was then on, and the parties the sentence that set it named."""

    place: Mention | None = None
    day: object | None = None  # DateInterval
    named: frozenset = frozenset()
    #: opened by the dateline: like the dateline, it holds only acts on a party's ground
    filed: bool = False


def place_complement(m: Mention, sent, lr) -> bool:
    """"un tribunal de Bamako", "le camp de Kati": a place naming where a thing is (not where
    it comes from: "Retour de Moscou")."""
    if m.place is None or m.start == 0:
        return False
    doc = sent.doc
    head = doc[m.head].head
    return doc[m.start - 1].lower_ in ("de", "d'", "of") and head.pos_ == "NOUN" and head.i != m.head \
        and not lr.has("origin_noun", head.lemma_.lower())


def place_of(m: Mention | None) -> Place | None:
    if m is not None and m.place is None and m.kind == "country" and m.locative and len(m.codes) == 1:
        return Place(m.text, m.codes[0], None, None, None)  # "attendu en Mauritanie": the country
    if m is None or m.place is None:
        return None
    p = m.place
    name = m.place_name or (m.text.title() if m.text.isupper() and len(m.text) > 3 else m.text)  # "BAMAKO"
    return Place(name, p.country, p.geonameid, p.lat, p.lon)


def dateline_of(parsed: ParsedArticle, aa: ArticleActors, correspondents=()) -> Mention | None:
    """"MOSCOU, 23 juin 2025 —", "Bamako (AFP) - Le gouvernement…", "ABIDJAN – Les…": a place
    opening one of the first lines, before a comma, the agency's name or a dash, is the dateline
    (a dash after a place in a short line is a headline's: "Bamako – Moscou : un axe"); so is the
    town of a byline "Par notre correspondant à Niamey" (`correspondents`: its nouns)."""
    for para in parsed.paragraphs[:DATELINE_LINES]:
        doc = para.doc
        if len(doc) < DATELINE_BODY_TOKENS and any(t.lower_ in correspondents for t in doc[:4]):
            where = [m for m in aa.in_para(para.index) if m.place is not None and m.locative]
            if where:
                return where[0]
        # (not "À Bamako, le général…": a sentence opening on where it happens; a header line
        # may name the outlet first: "Oubangui Matin – Bangui, samedi 18 janvier 2025")
        header = len(doc) < DATELINE_BODY_TOKENS
        ms = [m for m in aa.in_para(para.index) if m.place is not None and not m.locative
              and (m.start <= 1 or header and doc[m.start - 1].text in DASHES)]
        if not ms or len(doc) <= ms[0].end:
            continue
        after = doc[ms[0].end].text
        if after == "," or after in ("(", *DASHES) and len(doc) >= DATELINE_BODY_TOKENS:
            return ms[0]
    return None


#: The dateline is on one of the first lines (outlet, author and date lines may come first).
DATELINE_LINES = 6
#: A line opening with "place –" is a dispatch's first paragraph when it is at least this long.
DATELINE_BODY_TOKENS = 12
DASHES = ("-", "–", "—", "--", "―")


#: Acts done on the ground, where their town is (not where a statement about them is made).
ON_THE_GROUND = {"ASSAULT", "COERCE", "PROTEST"}


def _overlap(iv, day) -> bool:
    """Do the two intervals share a day?"""
    return day is not None and iv.start is not None and day.start is not None \
        and iv.start <= (day.end or day.start) and day.start <= (iv.end or iv.start)


def _other_day(iv, day) -> bool:
    """Are the two known to be different days?"""
    return day is not None and iv.precision == "day" and day.precision == "day" and iv.start != day.start


def meeting_place(em, previous, dateline: Place | None = None, long_ago: bool = False):
    """"Réunis à Accra, les dirigeants de la CEDEAO ont décidé… L'organisation a notamment
    décidé la fermeture des frontières": what a meeting's members decide next, with no place of
    its own (the dispatch's dateline is none), is decided where they meet."""
    if em.location is not None and em.location != dateline or not previous:
        return em
    last = previous[-1]
    acodes = {p.code for p in em.actor if p.code}
    # (what they had done before they met was not done there: an act dated before the meeting,
    # or long before the report when the meeting's day is not told)
    earlier = em.date.end is not None and (em.date.end < last.date.start if last.date.start is not None else long_ago)
    if last.event == "CONSULT" and last.location is not None and acodes & {p.code for p in last.actor if p.code} \
            and not earlier:
        return replace(em, location=last.location)
    return em


def where_they_were(em, previous):
    """"13h05 - Le capitaine Traoré réclame… Il appelle aussi la Côte d'Ivoire…": a person placed
    somewhere on a day is still there that day, when nothing says otherwise (a call excepted)."""
    if em.location is not None or em.date.precision != "day" or em.mode == "phone":
        return em
    people = {p.actor_id for p in em.actor if p.actor_id and p.actor_id not in
              {actor_id(kind, p.name, p.code) for kind in ("country", "organisation", "group", "company")}}
    for prev in reversed(previous if people else ()):
        if prev.location is not None and prev.mode != "phone" and prev.date.precision == "day" \
                and prev.date.start == em.date.start and people & {p.actor_id for p in prev.actor}:
            return replace(em, location=prev.location)
    return em


class PlaceChooser:
    """Mixed into `events.EventCoder`: where one event happened — the place its clause names,
    the act it refers back to, the dispatch's dateline for the lead, the town attacked, the
    capital that speaks, the headline's place, the occasion, or the scene the story is on."""

    def _on_ground_of(self, country: str | None, actor, recipient) -> bool:
        """May a place in this country be where the parties acted when no clause says so? Only
        on the ground of one of them (or of a member of an organisation acting): "DAKAR (APS) -
        Le retrait du Mali de la CEDEAO" did not happen in Dakar."""
        codes = {p.code for p in actor + recipient if p.code}
        if not codes or country is None:
            return True
        return country in codes or any(country in self.members.get(p.code or "", ()) for p in actor)

    def _where(self, event, iv, places, slots, before, lead, para, actor, recipient, scene, headline_places, occasion,
               *, fresh: bool, seat: Place | None = None) -> Place | None:
        # ("au Grand Palais du Peuple": a building the gazetteer does not know says less than the
        # town the story is in — it is the place only when nothing else is)
        building = next((m for m in places if self._building(m)), None)
        places = [m for m in places if m is not building]
        if building is not None and lead.place is not None:
            places.append(lead.place)  # a building named in a dispatch is in the town it is filed from
        # (a meeting with no place is where the story is — unless it is one to come: "le prochain
        # sommet doit se tenir en juin")
        ahead = iv.start is not None and scene.day is not None and iv.start > scene.day.end
        # "près de Kolondiéba, dans la région de Sikasso": the town, not the region that situates it
        places = sorted(places, key=lambda m: getattr(m.place, "feature", None) == "region")
        # (the scene a dateline opens holds only what happens on a party's ground, as the dateline
        # itself does: "DAKAR (APS) - Le Mali a suspendu…" is not in Dakar)
        on_scene = scene.place is not None and (not scene.filed or self._on_ground_of(scene.place.code, actor, recipient))
        # (a meeting is reported from where it is held: the dispatch's town is the meeting's)
        location = place_of(places[0] if places else (scene.place if event == "CONSULT" and not ahead else None))
        if location is None and before is not None:
            location = before.location  # "L'assaut a été revendiqué par…": where the attack told before was
        location = location or seat  # an organisation in session, at its seat
        if location is None and lead.place is not None and self._on_ground_of(lead.place.code, actor, recipient) and (
                para.index <= lead.end or event == "CONSULT" and para.index <= lead.end + 1):
            # the lead's events happen where the dispatch is filed (a party's ground) — but what is
            # done on the ground, the days the story is in a town of that country, is done there
            # ("NOUAKCHOTT (AFP) - Trois personnes sont mortes à Kaédi… interpellés dans la nuit")
            told_there = on_scene and not scene.filed and event in ON_THE_GROUND and scene.place.code == lead.place.code \
                and _overlap(iv, scene.day)
            location = place_of(scene.place if told_there else lead.place)
        if location is None and event in ("ASSAULT", "COERCE"):
            # "des jihadistes ont frappé Bamako": a town attacked is where the attack happens
            location = place_of(next((m for m in slots.recipient if m.place is not None and m.place.geonameid), None))
        head_place, head_day = headline_places.get(event, (None, None))
        if location is None and head_place is not None and fresh and not _other_day(iv, head_day) \
                and self._on_ground_of(head_place.country, actor, recipient):
            location = head_place  # "Attaque à Bamako" heads the report of that attack (not one of another day)
        location = location or (occasion.location if occasion is not None else None)
        if location is None and on_scene and scene.day is not None and iv.precision == "day" \
                and iv.start == scene.day.start and (not recipient or self._on_ground_of(scene.place.code, actor, recipient)
                                                     or self._named_there(scene, actor, recipient)):
            # "… arrivé jeudi à Nouakchott. Les deux dirigeants sont convenus de …": the same day,
            # the story is still where it was last told to be
            location = place_of(scene.place)
        return location or place_of(building)

    def _there(self, tok) -> bool:
        """Does a clitic pointing back at a place ("y") sit on the trigger's verb, or on a verb whose
        subject it shares ("Il y a réclamé des sanctions et répété être prêt à…")? Not the "y" of
        "il y a (eu)": that one says something exists, not where."""
        t = tok.head if tok.pos_ in ("NOUN", "PROPN") else tok
        while True:
            if t.lemma_ != "avoir" and any(self.lr.has("there_clitic", c.lower_) and c.dep_.startswith(("expl", "obl", "iobj"))
                                           for c in t.children):
                return True
            if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
                return False
            t = t.head

    @staticmethod
    def _named_there(scene, actor, recipient) -> bool:
        """Were all the parties named in the sentence that set the scene ("l'Éthiopie et la
        Somalie ont fait un pas l'une vers l'autre mercredi soir à Ankara")?"""
        codes = {p.code for p in actor + recipient if p.code}
        return bool(codes) and codes <= scene.named

    def _town_of(self, m, lead):
        """The place a story told at `m` is in: the dispatch's town for a building it names."""
        return lead.place if self._building(m) and lead.place is not None else m

    def _building(self, m) -> bool:
        """An unlisted place named after a building ("Grand Palais du Peuple", "stade d'Angondjé")."""
        return m.place is not None and m.place.geonameid is None and any(
            self.lr.has("building_noun", w.lower()) for w in m.text.split()[:2])

    def _seat(self, slots, sent) -> Place | None:
        """"Réuni vendredi, le Conseil de paix et de sécurité de l'UA a réclamé…": an organisation
        acting in session sits where it sits."""
        org = next((m for m in slots.actor if m.kind == "organisation" and m.code in self.seats), None)
        if org is None or not any(self.lr.has("session_word", t.lemma_.lower()) for t in sent):
            return None
        return self.seats[org.code]

    def _told_where(self, sent, ms, before: list[EventMention]) -> list[EventMention]:
        """"La France reconnaît l'État de Palestine. Emmanuel Macron l'a annoncé hier soir … à New
        York": where the act the sentence before told was made known, when it said no place."""
        root = sent.root
        if not (self.lr.has("report_verb", root.lemma_.lower()) and any(
                c.dep_ in ("obj", "dobj") and c.pos_ == "PRON" for c in root.children)):
            return before
        where = [m for m in ms if m.locative and m.place is not None]
        if not where:
            return before
        return [em if em.location is not None else replace(em, location=place_of(where[-1])) for em in before]

    @staticmethod
    def _struck(tok, trig, m) -> bool:
        """"Bamako frappée au cœur", "Kidal a été bombardée": the town an attack strikes."""
        return trig.event in ("ASSAULT", "COERCE") and (
            m.head == tok.head.i and tok.dep_ in ("acl", "amod") or
            any(c.i == m.head and c.dep_ in ("nsubj:pass", "nsubjpass", "obj", "dobj") for c in tok.children))

    def _left(self, t) -> bool:
        """Is this the place a departure leaves ("a quitté Conakry", "left Moscow")?"""
        return t.dep_ in ("obj", "dobj") and self.lr.has("depart_verb", t.head.lemma_.lower())
