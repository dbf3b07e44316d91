"""Choosing among same-named places, with the whole article as evidence.

"الطيبة" is a village in Lebanon, Palestine, Israel, Syria and Jordan; the
article's country, the governorates and other places it names, the word
before the name ("بلدة", "مخيم") and the place's size decide. Scores are
additive and small so a reviewer can follow them: a prior from kind, size
and source, then context bonuses, then a softmax share for confidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rasd.geo.countries import demonym_countries
from rasd.geo.index import Gazetteer
from rasd.geo.model import Candidate, Place, PlaceMention, base_precision
from rasd.geo.phrases import Hit
from rasd.geo.store import outskirts
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.places import HOSTED_NOUNS

__all__ = ["Context", "nation_after", "resolve", "to_candidate"]

_CORE = frozenset(["SY", "PS", "IL", "LB", "IQ", "YE", "SD", "LY"])
_FAR = frozenset(["IR", "TR", "MA", "DZ", "TN", "MR", "SO", "DJ", "ER", "TD", "KM"])
_KIND_PRIOR = {
    "country": 0.55, "admin1": 0.6, "admin2": 0.4, "admin3": 0.3, "region": 0.5, "city": 0.55, "town": 0.45,
    "village": 0.35, "camp": 0.55, "neighbourhood": 0.4, "airport": 0.55, "base": 0.55, "crossing": 0.5,
    "dam": 0.5, "oilfield": 0.5, "landmark": 0.45,
}  # fmt: skip
_POPULATED = frozenset(["city", "town", "village", "camp", "neighbourhood"])
_COUNTRYSIDE_BONUS = {"admin1": 0.6, "city": 0.1, "town": 0.1, "admin2": 0.1}
_SOURCE_BONUS = {"supplement": 0.1, "user": 0.05}
_MAX_CANDIDATES = 5


@dataclass
class Context:
    """What an article says about where it is: its country and the areas it names."""

    country: str | None = None
    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    areas: defaultdict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))

    def add(self, place: Place, weight: float) -> None:
        """Count ``place`` as evidence that the article is about its country and admin1."""
        self.countries[place.country] += weight
        if place.admin1:
            self.areas[(place.country, place.admin1)] += weight

    def main_area(self) -> tuple[str, str] | None:
        """The admin1 named most, if any was named with some confidence."""
        if not self.areas:
            return None
        area = max(self.areas, key=self.areas.__getitem__)
        return area if self.areas[area] >= 1 else None


def _prior(gaz: Gazetteer, i: int) -> float:
    """What a place is worth before context: kind, size, source, region (cached per place)."""
    cached = gaz.prior_cache.get(i)
    if cached is not None:
        return cached
    p = gaz.places[i]
    score = _KIND_PRIOR[p.kind] + _SOURCE_BONUS.get(p.source, 0.0)
    if p.kind in _POPULATED:
        score += min(0.25, math.log10(p.population + 1) / 24)
    if p.country in _CORE:
        score += 0.05
    elif p.country in _FAR:
        score -= 0.1
    gaz.prior_cache[i] = score
    return score


def _score(gaz: Gazetteer, i: int, hit: Hit, ctx: Context, own: tuple[Place, float] | None, total: float) -> float:
    p = gaz.places[i]
    score = _prior(gaz, i) + (0.05 if gaz.primary[i] == hit.key else 0.0)
    if ctx.country:
        score += 0.3 if p.country == ctx.country else -0.3
    if total:
        mine = ctx.countries.get(p.country, 0.0) - (own[1] if own and own[0].country == p.country else 0)
        score += 0.2 * max(0.0, mine) / total
    if p.admin1 and ctx.areas:
        same = ctx.areas.get((p.country, p.admin1), 0.0) - (own[1] if own and own[0].admin1 == p.admin1 else 0)
        score += 0.25 if same > 0.01 else 0.0
    if hit.kinds:
        if p.kind in hit.kinds:
            score += 0.3
        elif p.kind in _POPULATED and _POPULATED.issuperset(hit.kinds):
            score += 0.15  # "مدينة X" where the gazetteer calls X a village: sizes are rough
        else:
            score -= 0.1
    if hit.qualifier == "countryside":
        score += _COUNTRYSIDE_BONUS.get(p.kind, 0.0)
    return score


def _ranked(gaz: Gazetteer, hit: Hit, ctx: Context, own: tuple[Place, float] | None = None) -> list[tuple[float, int]]:
    total = sum(ctx.countries.values())
    return sorted(((_score(gaz, i, hit, ctx, own, total), i) for i in hit.places), key=lambda x: -x[0])


def precision(place: Place, qualifier: str | None) -> int:
    """ACLED geo_precision of ``place`` as the words around it qualify it."""
    base = base_precision(place)
    if qualifier in (None, "centre"):
        return base
    if qualifier == "countryside" and place.kind in ("admin1", "country", "region"):
        return 3
    return max(base, 2)



def _around(gaz: Gazetteer, place: Place, qualifier: str | None) -> str | None:
    """The division around a capital that is its own division, for "قرب دمشق" / "محيط دمشق" / "ضواحي صنعاء"."""
    if qualifier != "near" or not place.admin1:
        return None
    around = outskirts().get((place.country, place.admin1))
    if around is None:
        return None
    seat = gaz.seat_of(place.country, place.admin1)
    unit = place.kind in ("admin1", "admin2", "admin3") or (seat is not None and gaz.places[seat] is place)
    return around if unit else None  # "قرب برزة" is still in Damascus: only the capital itself has outskirts


def to_candidate(gaz: Gazetteer, place: Place, score: float, qualifier: str | None) -> Candidate:
    """A gazetteer row as the public Candidate, with precision from the qualifier.

    The outskirts of a capital that is its own division ("قرب دمشق") are the division around it, known
    only to that level: admin1 Rif Dimashq, precision 3, at the capital's point under the capital's name.
    """
    c = gaz.countries.get(place.country)
    around = _around(gaz, place, qualifier)
    kind, admin1, admin2, admin3 = ("admin1", around, None, None) if around else (
        place.kind, place.admin1, place.admin2, place.admin3)
    return Candidate(
        name=place.name, name_ar=place.name_ar, kind=kind, admin1=admin1, admin2=admin2, admin3=admin3,
        country=c.name if c else place.country, iso=c.iso if c else 0, latitude=place.latitude,
        longitude=place.longitude, geo_precision=3 if around else precision(place, qualifier),
        score=round(score, 3), source=place.source, approximate=place.approximate,
    )


def _candidates(gaz: Gazetteer, ranked: list[tuple[float, int]], qualifier: str | None) -> list[Candidate]:
    top = ranked[:_MAX_CANDIDATES]
    norm = sum(math.exp((s - top[0][0]) / 0.1) for s, _ in top)
    return [
        to_candidate(gaz, gaz.places[i], min(1.0, max(0.0, s)) * math.exp((s - top[0][0]) / 0.1) / norm, qualifier)
        for s, i in top
    ]


def _evidence(gaz: Gazetteer, hit: Hit) -> str:
    """How a name is marked as a place: "noun" (بلدة X), "cue" (قرب X, a name of several words),
    "preposition" (في X), "clitic" (بX, لX), "plain", or "stop" (a common word, which needs a noun)."""
    word = "ال" + hit.key if hit.article else hit.key
    if not hit.article and hit.key in gaz.describing:
        return "stop"  # "مناطق جديدة", "ورقة": an adjective or a noun, even after a place noun; "الرقة" is the city
    stop = word in gaz.stop or hit.key in gaz.stop
    if hit.noun and not (stop and hit.prefix.strip("و")):  # "مناطق باب توما" is not ب + "اب"
        return "noun"
    if stop or len(hit.key) <= 2 or "ف" in hit.prefix or "ك" in hit.prefix:
        return "stop"  # فرقه is "a division", not ف + رقه
    if hit.qualifier or " " in hit.key:
        return "cue"
    if hit.cue:
        return "preposition"
    return "clitic" if hit.prefix.strip("و") else "plain"


_THRESHOLD = {"noun": 0.3, "cue": 0.45, "preposition": 0.45, "clitic": 0.6, "plain": 0.7}
# A governorate's own name ("سكان غزة", "نينوى") needs a little less: its prior is a town's, not a big city's.
_GOVERNORATE_MARGIN = 0.05


def _accepted(evidence: str, best: float, place: Place, doc: Context | None, named: frozenset[str] = frozenset()) -> bool:
    """Keep a name only with enough evidence that it is a place here (common words are names too).

    A one-word name with no noun or qualifier must also fit the article: its
    country already named by better-marked places (or, after a preposition, by its
    name or adjective: ``named``), unless it is a country or a big city.
    """
    if evidence == "stop" or best < _THRESHOLD[evidence] - (_GOVERNORATE_MARGIN if place.kind == "admin1" else 0.0):
        return False
    if evidence in ("noun", "cue") or doc is None or not doc.countries:
        return True
    if evidence == "preposition" and place.country in named:  # "في دوما" in a report that says "سوريا"
        return True
    neighbour = _ONE_THEATRE.get(place.country, "") if evidence != "plain" else ""
    return (doc.countries.get(place.country, 0.0) > 0 or doc.countries.get(neighbour, 0.0) > 0
            or place.kind == "country" or place.population >= _BIG_CITY)


# News of Palestine tells Israel's towns too ("حزب الله ضربة صاروخية لصفد" in a report on Khan Yunis): a name after
# a preposition or clitic there fits an article placed in Palestine
_ONE_THEATRE = {"IL": "PS"}


_BIG_CITY = 500_000
_STRIP = "قطاع "  # an admin1 named "قطاع X" is what a bare "القطاع" points to
_STANDS = frozenset(["country", "admin1"])  # "غزة" is the Strip wherever it is read
_DISTINCT_TOWN = 20_000  # a name only one core country holds, of a town this big, is that town wherever it is read


def _named_elsewhere(gaz: Gazetteer, text: str, hits: list[Hit], evidence: dict[int, str]) -> Counter[tuple[str, str]]:
    """Countries the article names apart from each name: ``(country, key)`` counts of the names that can
    only be in one country (and ``(country, "")`` for the adjectives "السورية", "الأردنيين")."""
    named: Counter[tuple[str, str]] = Counter()
    for hit in hits:
        if evidence[id(hit)] == "stop" or not hit.places or hit.key in gaz.local:
            continue  # a local name ("المنطقة الشرقية") names no country by itself
        places = [gaz.places[i] for i in hit.places]
        countries = {p.country for p in places}
        one_unit = len({p.name for p in places}) == 1 and all(p.kind in ("admin1", "region") for p in places)
        if len(countries) == 1 or one_unit:  # one_unit: a region two countries list (the West Bank: PS, IL)
            for code in countries:
                named[(code, hit.key)] += 1
    for code in demonym_countries(text, gaz.adjectives):
        named[(code, "")] += 1
    return named


def _in_article(gaz: Gazetteer, ranked: list[tuple[float, int]], doc: Context, own: tuple[Place, float] | None,
                others: frozenset[str], key: str) -> list[tuple[float, int]]:
    """The candidates in a country the article names by other words, best first; all of them when it names none.

    Other words (``others``, from :func:`_named_by_others`) are its name, an adjective ("الأردنية") and the names
    that can only be in one country; for a homonym also the well-marked places of pass 1. A country, a governorate,
    a big city, and a name of several words or of a sizeable town that only one core country holds stand on their
    own; a local name never does.
    """
    countries = set(others)
    if len({gaz.places[i].country for _, i in ranked}) > 1:  # a homonym also heeds the places read in pass 1
        for code, votes in doc.countries.items():
            if votes - (own[1] if own and own[0].country == code else 0.0) > 0.01:
                countries.add(code)
    if not countries:
        return ranked
    places = {gaz.places[i].country: gaz.places[i] for _, i in ranked}
    local = key in gaz.local  # "المنطقة الشرقية", "البحر الأحمر": a place only where its country is named
    if len(places) == 1 and not local and (" " in key or (
            next(iter(places)) in _CORE and max(gaz.places[i].population for _, i in ranked) >= _DISTINCT_TOWN)):
        return ranked  # one country holds the name, and it is no common word: "تل أبيب", "سديروت"

    def inside(i: int) -> bool:
        p = gaz.places[i]
        stands = not local and (p.kind in _STANDS or p.population >= _BIG_CITY)
        return stands or p.country == doc.country or p.country in countries

    return [r for r in ranked if inside(r[1])]


def _capital_first(gaz: Gazetteer, hit: Hit, ranked: list[tuple[float, int]], evidence: str) -> list[tuple[float, int]]:
    """A bare name a capital shares with smaller places ("الدوحة", "المنامة") means the capital: ``ranked`` with the
    capital first when the article's countries let it in, else empty. Its namesakes need their place noun or a
    qualifier ("بلدة الدوحة غرب بيت لحم")."""
    if evidence in ("noun", "cue") or not ranked or ranked[0][1] in gaz.capitals or not gaz.capitals.intersection(hit.places):
        return ranked
    return sorted((r for r in ranked if r[1] in gaz.capitals), key=lambda r: -r[0])


_NEXT_WORD = re.compile(r" (ال\w+)")


def nation_after(gaz: Gazetteer, text: str, end: int) -> str | None:
    """The country of a nationality adjective right after a name ("طرابلس اللبنانية", "الضفة التشادية")."""
    m = _NEXT_WORD.match(text, end)
    return gaz.adjectives.get(m.group(1)) if m and m.group(1).endswith(("ي", "يه")) else None


def _of_nation(gaz: Gazetteer, ranked: list[tuple[float, int]], nation: str | None) -> list[tuple[float, int]]:
    """The candidates a nationality adjective after the name points to: of its country, among namesakes
    ("طرابلس اللبنانية"); none for a province or region of another ("الضفة التشادية" is a lake's bank)."""
    if nation is None or not ranked:
        return ranked
    theirs = [r for r in ranked if gaz.places[r[1]].country == nation]
    if theirs:
        one_unit = len({gaz.places[i].name for _, i in ranked}) == 1 and all(
            gaz.places[i].kind in ("admin1", "region") for _, i in ranked)  # the Golan, listed by two countries
        return ranked if one_unit else theirs
    return [] if gaz.places[ranked[0][1]].kind in ("admin1", "region") else ranked


def _named_by_others(named: Counter[tuple[str, str]], key: str) -> frozenset[str]:
    """The countries :func:`_named_elsewhere` counted by words other than ``key``."""
    return frozenset(code for (code, k), n in named.items() if n and k != key)


def _by_adjective_only(named: Counter[tuple[str, str]], key: str) -> bool:
    """The article names its countries (apart from ``key``) only by adjectives: of the actors, not the places."""
    return all(k == "" for (_, k), n in named.items() if n and k != key)


# words right before a name that put something there: "في باريس", "داخل فرنسا", "شوارع لندن", "أنحاء ألمانيا",
# "شهدت لندن مظاهرة"; also before "the capital" and its adjective ("في العاصمة اليابانية طوكيو", "شهدت العاصمة
# البريطانية لندن")
_THERE = re.compile(r"(?:^|\s)(?:في|داخل|عند|شوارع|ساحه|ساحات|انحاء|شهدت|شهد|تشهد|يشهد)\s+(?:[وب]?(?:ال)?عاصمه\s+(?:ال\S+يه\s+)?)?$")
_THERE_REACH = 40  # characters before the name
_HOSTED = re.compile(r"(?<!\w)[وبل]?(?:" + "|".join(sorted(HOSTED_NOUNS, key=len, reverse=True)) + r")(?!\w)[^.،,\n]*$")
_HOSTED_REACH = 45  # characters before the name


def _placed_there(text: str, hit: Hit, there_end: int) -> bool:
    """The text puts something at ``hit`` (a place noun, a qualifier, "في", clitic ب), not merely names it;
    ``there_end`` is where the last name so placed ends (-1: the one before was not)."""
    if hit.noun or hit.qualifier:
        return True
    if hit.prefix.startswith("و") and there_end >= 0 and not text[there_end : hit.start].strip():
        return True  # "في لندن وباريس": the list shares the preposition ("كل من الولايات المتحدة وفرنسا" does not)
    return hit.at or hit.prefix.lstrip("و").startswith("ب") or bool(_THERE.search(text, max(0, hit.start - _THERE_REACH), hit.start))


def _hosted(text: str, hit: Hit) -> bool:
    """"سفير السعودية في واشنطن", "مؤتمر في لندن": the city named hosts an envoy or a meeting, no event."""
    return not hit.noun and bool(_HOSTED.search(text, max(0, hit.start - _HOSTED_REACH), hit.start))


def _reference(gaz: Gazetteer, hit: Hit, ctx: Context, named: Counter[int]) -> Place | None:
    """The place a bare "المدينة" / "المحافظة" / "المطار العسكري" points to in this article: in its main
    governorate, else (no well-marked place: "سكان غزة … منازل المدينة") in that of the place it names most."""
    area = ctx.main_area()
    if area is None:
        areas = [(p.country, p.admin1) for i, _ in named.most_common() if (p := gaz.places[i]).admin1]
        if not areas:
            return None
        area = areas[0]
    if hit.reference in ("admin1", "strip"):
        i = gaz.admin1_place.get(area)
        unit = gaz.places[i] if i is not None else None
        if unit is not None and hit.reference == "strip" and not fold(unit.name_ar).startswith(_STRIP):
            return None  # "القطاع" is the Gaza Strip, or a sector ("القطاع الخاص"): never a governorate
        return unit
    cities = [i for i, _ in named.most_common() if gaz.places[i].kind in ("city", "town") and gaz.places[i].admin1 == area[1]]
    seat = cities[0] if cities else gaz.seat_of(*area)
    city = gaz.places[seat] if seat is not None else None
    if hit.reference == "city":
        return city
    # "قصفت مطار التيفور … واستهدف المطار": the airport the article names there, else the nearest to its city
    i = next((i for i, _ in named.most_common() if gaz.places[i].kind == "airport" and gaz.places[i].admin1 == area[1]), None)
    if i is not None:
        return gaz.places[i]
    lat, lon = (city.latitude, city.longitude) if city else (0.0, 0.0)
    i = gaz.facility_near(area[0], area[1], hit.reference == "military-airport", lat, lon)
    return gaz.places[i] if i is not None else None


def resolve(gaz: Gazetteer, text: str, hits: list[Hit], ctx: Context, *, strict: bool = True) -> list[PlaceMention]:
    """Mentions for ``hits``: candidates ranked with the document as context, weak names dropped.

    Pass 1 ranks each name alone and counts the well-marked ones as the
    article's context; pass 2 re-ranks every name with that context (its own
    vote removed) and drops the ones without enough evidence.
    """
    doc = Context(ctx.country, ctx.countries.copy(), ctx.areas.copy())
    owners: dict[str, tuple[Place, float]] = {}  # by name: a name repeated is not evidence for itself
    named: Counter[int] = Counter()
    evidence = {id(hit): _evidence(gaz, hit) for hit in hits}
    elsewhere = _named_elsewhere(gaz, text, hits, evidence) if strict else Counter()
    for hit in hits if len(hits) > 1 else ():  # a lone name is its own (discounted) context
        ranked = _ranked(gaz, hit, ctx) if hit.places else []
        if not ranked or evidence[id(hit)] not in ("noun", "cue") or ranked[0][0] < _THRESHOLD[evidence[id(hit)]] \
                or hit.key in gaz.local:
            continue
        place = gaz.places[ranked[0][1]]
        weight = 1.0 if len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 0.15 else 0.5
        doc.add(place, weight)
        for score, i in ranked[1:]:  # one unit two countries list ("الضفة الغربية": PS and IL) counts for both
            if score == ranked[0][0] and gaz.places[i].name == place.name and gaz.places[i].country != place.country:
                doc.add(gaz.places[i], weight)
        owners[hit.key] = (place, owners.get(hit.key, (place, 0.0))[1] + weight)
        named[ranked[0][1]] += 1
    mentions: list[PlaceMention] = []
    others: dict[str, frozenset[str]] = {}  # by name: the countries the other names say (one set per name, not per hit)
    there_end = -1
    for hit in hits:
        if hit.reference:
            continue
        there = _placed_there(text, hit, there_end)
        there_end = hit.end if there else -1
        ranked = _of_nation(gaz, _ranked(gaz, hit, doc, owners.get(hit.key)), nation_after(gaz, text, hit.end))
        if (named_by_others := others.get(hit.key)) is None:
            named_by_others = others[hit.key] = _named_by_others(elsewhere, hit.key)
        if strict:  # a place outside the article's countries only when the text names that country,
            inside = _in_article(gaz, ranked, doc, owners.get(hit.key), named_by_others, hit.key)
            # or calls it a place while naming countries only by adjectives ("بلدة الخيام" … "قصف إسرائيلي")
            ranked = inside if inside or evidence[id(hit)] not in ("noun", "cue") or hit.key in gaz.local \
                or not _by_adjective_only(elsewhere, hit.key) else ranked
            ranked = _capital_first(gaz, hit, ranked, evidence[id(hit)])  # "استضافة الدوحة": Qatar's, not the village
            if not gaz.far.isdisjoint(i for _, i in ranked) and (not there or _hosted(text, hit)):
                ranked = [r for r in ranked if r[1] not in gaz.far]  # "ضربات واشنطن ولندن وباريس": parties
        if not ranked:
            continue
        best = gaz.places[ranked[0][1]]
        if strict and not _accepted(evidence[id(hit)], ranked[0][0], best, doc, named_by_others):
            continue
        named[ranked[0][1]] += hit.key not in owners
        cands = _candidates(gaz, ranked, hit.qualifier)
        mentions.append(PlaceMention(hit.start, hit.end, text[hit.start : hit.end], hit.qualifier, cands))
    for hit in hits:
        if hit.reference and (ref := _reference(gaz, hit, doc, named)) is not None:
            cand = to_candidate(gaz, ref, 0.6, hit.qualifier)
            mentions.append(PlaceMention(hit.start, hit.end, text[hit.start : hit.end], hit.qualifier, [cand]))
    mentions.sort(key=lambda m: m.start)
    return mentions
