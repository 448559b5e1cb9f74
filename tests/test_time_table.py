"""Table of French and English time expressions as news writes them, resolved against a
publication date (the anchor).

Each case is a sentence with the expression in [brackets], the anchor, whether the clause
speaks of the future (what decides "jeudi" / "on Monday" without "dernier"/"next"), and the
expected (start, end, precision). The contract the table encodes:

* a day → start = end, precision "day";
* a named month → that month, "month"; a year → Jan 1 – Dec 31, "year";
* "semaine"/"week" expressions → Monday–Sunday of that week, "week";
* début/mi/fin, early/mid/late of a month or year → its first/middle/last third, "range"
  (thirds as the project cuts them: the existing tests pin mi-juin → 10–20 juin and
  fin 2024 → 1 Sep – 31 Dec);
* depuis/since YEAR → YEAR-01-01 to the anchor, "range";
* "dans les prochains jours / semaines / mois", "in the coming …" → a range starting at the
  anchor whose end falls in a window (the `end` column then holds (min, max) day offsets);
* a weekday alone → the most recent such day on or before the anchor in a past clause, the
  next one after the anchor in a future clause;
* a day-month without year → the occurrence nearest the anchor, in the past for a past clause.

Cases a resolver gets wrong can be marked `xfail(strict=True)` with the reason, so
they show up as XPASS (and fail the run) once the resolver is fixed — then drop the mark.
"""
from datetime import date, timedelta

import pytest

from kibaru.dates import TimeParser, TimeWords
from kibaru.knowledge import TIME_COLUMNS, data_dir, read_tsv


def parser(lang):
    return TimeParser(TimeWords.from_rows(lang, read_tsv(data_dir() / lang / "time.tsv", TIME_COLUMNS)))


PARSERS = {"fr": parser("fr"), "en": parser("en")}

# Anchors on different weekdays, around year ends and a leap day.
FRI = date(2025, 1, 3)     # Friday, just after New Year
THU = date(2024, 3, 14)    # Thursday
WED = date(2025, 9, 17)    # Wednesday
SAT = date(2023, 12, 30)   # Saturday, just before New Year
LEAP = date(2024, 2, 29)   # Thursday, leap day
SUN = date(2025, 11, 9)    # Sunday
MON = date(2026, 1, 5)     # Monday
TUE = date(2024, 7, 2)     # Tuesday
SAT2 = date(2025, 5, 10)   # Saturday
NYE = date(2024, 12, 31)   # Tuesday, New Year's Eve
NYD = date(2025, 1, 1)     # Wednesday, New Year's Day
MAR = date(2025, 3, 10)    # Monday
AUG = date(2022, 8, 12)    # Friday
FEB = date(2025, 2, 20)    # Thursday
MAR1 = date(2024, 3, 1)    # Friday, the day after a leap day

P, F = False, True  # past / future clause

# Windows (min, max days after the anchor) for the end of a vague "coming …" range.
COMING_DAYS, COMING_WEEKS, COMING_MONTHS = (2, 14), (7, 92), (30, 366)


def xfail(reason):
    return pytest.mark.xfail(reason=reason, strict=True)


def case(lang, sentence, anchor, future, start, end, precision, fails=None):
    marks = [xfail(fails)] if fails else []
    return pytest.param(lang, sentence, anchor, future, start, end, precision,
                        id=f"{lang}:{sentence[sentence.index('[') + 1:sentence.index(']')]}@{anchor}",
                        marks=marks)


CASES = [
    # ---------------------------------------------------------------- French: full dates
    case("fr", "Le sommet s'est ouvert [le 23 juin 2025] à Niamey.", WED, P, "2025-06-23", "2025-06-23", "day"),
    case("fr", "L'accord a été signé [le 1er juillet] à Alger.", WED, P, "2025-07-01", "2025-07-01", "day"),
    case("fr", "Le scrutin présidentiel aura lieu [le 1er juillet].", THU, F, "2024-07-01", "2024-07-01", "day"),
    case("fr", "[Ce mercredi 10 août], des centaines de manifestants ont défilé à Conakry.", AUG, P,
         "2022-08-10", "2022-08-10", "day"),
    case("fr", "[Ce samedi 28 décembre], l'armée a repris la ville.", FRI, P, "2024-12-28", "2024-12-28", "day"),
    case("fr", "[Jeudi 2 janvier], la police a dispersé un rassemblement.", FRI, P, "2025-01-02", "2025-01-02", "day"),
    case("fr", "Les rebelles ont attaqué le camp [le 30 décembre].", FRI, P, "2024-12-30", "2024-12-30", "day"),
    case("fr", "Le second tour est prévu [le 12 janvier].", SAT, F, "2024-01-12", "2024-01-12", "day"),
    case("fr", "Les manifestations ont commencé [le 3 mars dernier].", THU, P, "2024-03-03", "2024-03-03", "day"),
    case("fr", "[Mardi 4 mars], le Premier ministre a reçu les syndicats.", MAR, P, "2025-03-04", "2025-03-04", "day"),
    case("fr", "Le défilé [du 14 juillet] s'était déroulé sans incident.", TUE, P, "2023-07-14", "2023-07-14", "day"),
    case("fr", "Le défilé [du 14 juillet] sera sécurisé par 5 000 policiers.", TUE, F, "2024-07-14", "2024-07-14", "day"),
    case("fr", "[Samedi 4 janvier], une marche est prévue à Dakar.", FRI, F, "2025-01-04", "2025-01-04", "day"),
    # ---------------------------------------------------------------- French: numeric dates
    case("fr", "Publié [le 18/09/2024] à 10h32", None, P, "2024-09-18", "2024-09-18", "day"),
    case("fr", "Mis à jour [le 03.01.2025] à 08h00", None, P, "2025-01-03", "2025-01-03", "day"),
    case("fr", "Mis à jour : [2024-09-18] 14:05", None, P, "2024-09-18", "2024-09-18", "day"),
    # ---------------------------------------------------------------- French: weekdays
    case("fr", "[Lundi], l'armée a annoncé la mort de dix jihadistes.", TUE, P, "2024-07-01", "2024-07-01", "day"),
    case("fr", "Le ministre s'est rendu à Gao [mardi dernier].", TUE, P, "2024-06-25", "2024-06-25", "day"),
    case("fr", "Les négociations reprendront [vendredi prochain].", FRI, F, "2025-01-10", "2025-01-10", "day"),
    # the report's own weekday, to come, is that very day; a week ahead says "prochain"
    case("fr", "Le président s'exprimera [jeudi] devant le Parlement.", THU, F, "2024-03-14", "2024-03-14", "day"),
    case("fr", "Le président s'exprimera [jeudi prochain] devant le Parlement.", THU, F, "2024-03-21", "2024-03-21", "day"),
    case("fr", "[Samedi], des hommes armés ont attaqué un poste de police.", SAT, P, "2023-12-30", "2023-12-30", "day"),
    case("fr", "L'attaque a eu lieu [dimanche] soir.", MON, P, "2026-01-04", "2026-01-04", "day"),
    case("fr", "Le sommet s'ouvrira [mercredi] à Abuja.", SAT, F, "2024-01-03", "2024-01-03", "day"),
    case("fr", "Une grève est annoncée pour [lundi prochain].", SUN, F, "2025-11-10", "2025-11-10", "day"),
    # ---------------------------------------------------------------- French: relative days
    case("fr", "Le couvre-feu a été levé [hier].", MAR1, P, "2024-02-29", "2024-02-29", "day"),
    case("fr", "[Avant-hier], deux soldats ont été tués.", FRI, P, "2025-01-01", "2025-01-01", "day"),
    case("fr", "Le verdict est attendu [demain].", NYE, F, "2025-01-01", "2025-01-01", "day"),
    case("fr", "Le ministre a démissionné [aujourd'hui].", LEAP, P, "2024-02-29", "2024-02-29", "day"),
    case("fr", "Le ministre a démissionné [aujourd’hui].", SUN, P, "2025-11-09", "2025-11-09", "day"),
    case("fr", "Le vote aura lieu [après-demain].", SAT, F, "2024-01-01", "2024-01-01", "day"),
    # ---------------------------------------------------------------- French: months
    case("fr", "[En avril], le gouvernement a dissous l'assemblée.", WED, P, "2025-04-01", "2025-04-30", "month"),
    case("fr", "Les combats ont repris [en décembre dernier].", FRI, P, "2024-12-01", "2024-12-31", "month"),
    case("fr", "Le barrage a cédé [en avril dernier].", THU, P, "2023-04-01", "2023-04-30", "month"),
    case("fr", "Le référendum est fixé à [avril prochain].", THU, F, "2024-04-01", "2024-04-30", "month"),
    # the month or week the report is in, said with "courant"/"au cours de"
    case("fr", "Une réunion est prévue à Pemba [dans le courant du mois].", THU, F, "2024-03-01", "2024-03-31", "month"),
    case("fr", "Le ministre se rendra à Dakar [courant avril].", THU, F, "2024-04-01", "2024-04-30", "month"),
    case("fr", "Les combats ont repris [au cours du mois dernier].", THU, P, "2024-02-01", "2024-02-29", "month"),
    case("fr", "L'accord a été signé [au cours du mois de janvier].", THU, P, "2024-01-01", "2024-01-31", "month"),
    case("fr", "Les élections auront lieu [en janvier prochain].", SAT, F, "2024-01-01", "2024-01-31", "month"),
    case("fr", "L'inflation a atteint 5 % [le mois dernier].", FRI, P, "2024-12-01", "2024-12-31", "month"),
    case("fr", "La mission sera déployée [le mois prochain].", NYE, F, "2025-01-01", "2025-01-31", "month"),
    case("fr", "Les élections auront lieu [en mars].", SUN, F, "2026-03-01", "2026-03-31", "month"),
    case("fr", "Les pluies ont commencé [en mai].", SAT2, P, "2025-05-01", "2025-05-31", "month"),
    case("fr", "[En décembre], les autorités ont suspendu Internet.", FRI, P, "2024-12-01", "2024-12-31", "month"),
    case("fr", "[Ce mois-ci], les prix du riz ont flambé.", SAT2, P, "2025-05-01", "2025-05-31", "month"),
    case("fr", "[juillet 14, 2023] - Le Conseil a voté la résolution.", None, P, "2023-07-14", "2023-07-14", "day"),
    case("fr", "Mise en ligne le [14-07-2023].", None, P, "2023-07-14", "2023-07-14", "day"),
    case("fr", "[En septembre 2023], un coup d'État a renversé le président.", None, P,
         "2023-09-01", "2023-09-30", "month"),
    case("fr", "Les travaux ont débuté [début mars].", THU, P, "2024-03-01", "2024-03-11", "range"),
    case("fr", "Des inondations ont frappé la région [mi-juin].", TUE, P, "2024-06-10", "2024-06-20", "range"),
    case("fr", "Le convoi a été attaqué [fin août].", FRI, P, "2024-08-21", "2024-08-31", "range"),
    case("fr", "Le rapport a été publié [fin février].", LEAP, P, "2024-02-20", "2024-02-29", "range"),
    case("fr", "La campagne démarrera [début janvier].", SAT, F, "2024-01-01", "2024-01-11", "range"),
    case("fr", "Des heurts ont éclaté [fin décembre].", FRI, P, "2024-12-21", "2024-12-31", "range"),
    case("fr", "Le dialogue national s'ouvrira [mi-janvier].", FRI, F, "2025-01-11", "2025-01-22", "range"),
    # ---------------------------------------------------------------- French: years
    case("fr", "[En 2021], le pays a connu deux coups d'État.", None, P, "2021-01-01", "2021-12-31", "year"),
    case("fr", "L'accord de paix signé [en 2015] n'a jamais été appliqué.", WED, P, "2015-01-01", "2015-12-31", "year"),
    case("fr", "La production a chuté [l'an dernier].", FRI, P, "2024-01-01", "2024-12-31", "year"),
    case("fr", "La croissance a ralenti [l'année dernière].", MON, P, "2025-01-01", "2025-12-31", "year"),
    case("fr", "Le recensement aura lieu [l'année prochaine].", NYE, F, "2025-01-01", "2025-12-31", "year"),
    case("fr", "[Cette année], les pluies ont été abondantes.", SAT, P, "2023-01-01", "2023-12-31", "year"),
    case("fr", "Le chantier doit s'achever d'ici [fin 2024].", THU, F, "2024-09-01", "2024-12-31", "range"),
    case("fr", "Le projet a été lancé [début 2023].", THU, P, "2023-01-01", "2023-05-02", "range"),
    case("fr", "Les négociations ont échoué [mi-2022].", None, P, "2022-05-02", "2022-09-01", "range"),
    # ---------------------------------------------------------------- French: weeks
    case("fr", "[La semaine dernière], des affrontements ont fait dix morts.", FRI, P,
         "2024-12-23", "2024-12-29", "week"),
    case("fr", "Le Parlement votera le texte [la semaine prochaine].", SUN, F, "2025-11-10", "2025-11-16", "week"),
    case("fr", "[Cette semaine], le naira a reculé face au dollar.", SAT, P, "2023-12-25", "2023-12-31", "week"),
    case("fr", "Le FMI a approuvé le prêt [la semaine passée].", WED, P, "2025-09-08", "2025-09-14", "week"),
    # ---------------------------------------------------------------- French: ranges
    case("fr", "Le forum s'est tenu [du 22 au 26 juin] à Lomé.", TUE, P, "2024-06-22", "2024-06-26", "range"),
    case("fr", "Des pluies torrentielles sont tombées [les 27-28 juillet].", WED, P, "2025-07-27", "2025-07-28", "range"),
    case("fr", "Le sommet se tiendra [les 5 et 6 décembre] à Abidjan.", SUN, F, "2025-12-05", "2025-12-06", "range"),
    case("fr", "Les festivités se sont déroulées [du 29 décembre au 2 janvier].", FRI, P,
         "2024-12-29", "2025-01-02", "range"),
    case("fr", "La conférence s'est tenue [entre le 3 et le 5 mai].", SAT2, P, "2025-05-03", "2025-05-05", "range"),
    case("fr", "Le pays est en crise [depuis 2023].", THU, P, "2023-01-01", "2024-03-14", "range"),
    case("fr", "Le budget de [l'année 2025-2026] a été adopté.", SUN, P, "2025-01-01", "2026-12-31", "range"),
    case("fr", "Sur la période [2019-2021], la dette a doublé.", None, P, "2019-01-01", "2021-12-31", "range"),
    # ---------------------------------------------------------------- French: vague relatives
    case("fr", "Le village a été attaqué [il y a trois jours].", FRI, P, "2024-12-31", "2024-12-31", "day"),
    case("fr", "Le ministre a été limogé [il y a deux semaines].", WED, P, "2025-09-01", "2025-09-07", "week"),
    case("fr", "Le vote aura lieu [dans deux semaines].", WED, F, "2025-09-29", "2025-10-05", "week"),
    case("fr", "Un accord pourrait être conclu [dans les prochaines semaines].", SUN, F, "2025-11-09", COMING_WEEKS, "range"),
    case("fr", "Les résultats sont attendus [dans les prochains jours].", FRI, F, "2025-01-03", COMING_DAYS, "range"),
    case("fr", "Des élections seront organisées [dans les prochains mois].", TUE, F, "2024-07-02", COMING_MONTHS, "range"),

    # ---------------------------------------------------------------- English: full dates
    case("en", "The ceasefire took effect on [June 5].", TUE, P, "2024-06-05", "2024-06-05", "day"),
    case("en", "The report was released on [5 June 2024].", None, P, "2024-06-05", "2024-06-05", "day"),
    case("en", "Talks are scheduled to open on [Tuesday, March 4].", FEB, F, "2025-03-04", "2025-03-04", "day"),
    case("en", "On [Thursday, Jan. 2], police dispersed the crowd.", FRI, P, "2025-01-02", "2025-01-02", "day"),
    case("en", "The ultimatum expired on [Dec. 12].", FRI, P, "2024-12-12", "2024-12-12", "day"),
    case("en", "The town fell on [December 28].", FRI, P, "2024-12-28", "2024-12-28", "day"),
    case("en", "The strike began on [May 1].", SAT2, P, "2025-05-01", "2025-05-01", "day"),
    case("en", "The decree was signed on [Sept. 18, 2024].", None, P, "2024-09-18", "2024-09-18", "day"),
    # ---------------------------------------------------------------- English: numeric dates
    case("en", "Updated [2024-09-18] 14:05 GMT", None, P, "2024-09-18", "2024-09-18", "day"),
    # ---------------------------------------------------------------- English: weekdays
    case("en", "Police fired tear gas [on Sunday].", WED, P, "2025-09-14", "2025-09-14", "day"),
    case("en", "Gunmen stormed the village [last Tuesday].", FRI, P, "2024-12-31", "2024-12-31", "day"),
    case("en", "Troops withdrew [last Friday].", FRI, P, "2024-12-27", "2024-12-27", "day"),
    case("en", "The vote will take place [next Friday].", SUN, F, "2025-11-14", "2025-11-14", "day"),
    case("en", "Parliament will debate the bill [on Monday].", MON, F, "2026-01-05", "2026-01-05", "day"),
    case("en", "Parliament will debate the bill [next Monday].", MON, F, "2026-01-12", "2026-01-12", "day"),
    case("en", "The minister resigned [on Friday].", FRI, P, "2025-01-03", "2025-01-03", "day"),
    case("en", "The army said [on Wednesday] that 12 militants were killed.", THU, P, "2024-03-13", "2024-03-13", "day"),
    # ---------------------------------------------------------------- English: relative days
    case("en", "The curfew was lifted [yesterday].", NYD, P, "2024-12-31", "2024-12-31", "day"),
    case("en", "Results are expected [tomorrow].", LEAP, F, "2024-03-01", "2024-03-01", "day"),
    case("en", "The president addressed the nation [today].", SUN, P, "2025-11-09", "2025-11-09", "day"),
    case("en", "The bridge collapsed [the day before yesterday].", FRI, P, "2025-01-01", "2025-01-01", "day"),
    # ---------------------------------------------------------------- English: months
    case("en", "Inflation hit 30% [last month].", FRI, P, "2024-12-01", "2024-12-31", "month"),
    case("en", "The mission will deploy [next month].", SAT, F, "2024-01-01", "2024-01-31", "month"),
    case("en", "Floods hit the region [in March].", WED, P, "2025-03-01", "2025-03-31", "month"),
    case("en", "The coup took place [last September].", SAT, P, "2023-09-01", "2023-09-30", "month"),
    case("en", "The referendum is set for [next March].", THU, F, "2025-03-01", "2025-03-31", "month"),
    case("en", "Elections will be held [in May].", SAT, F, "2024-05-01", "2024-05-31", "month"),
    case("en", "The junta seized power [in October 2021].", None, P, "2021-10-01", "2021-10-31", "month"),
    case("en", "Schools will reopen in [early January].", SAT, F, "2024-01-01", "2024-01-11", "range"),
    case("en", "Fighting resumed in [early May].", TUE, P, "2024-05-01", "2024-05-11", "range"),
    case("en", "The convoy was ambushed in [late June].", TUE, P, "2024-06-21", "2024-06-30", "range"),
    case("en", "Rebels seized the town in [mid-December].", FRI, P, "2024-12-11", "2024-12-22", "range"),
    # ---------------------------------------------------------------- English: years
    case("en", "GDP fell 2% [last year].", FRI, P, "2024-01-01", "2024-12-31", "year"),
    case("en", "Rains have been scarce [this year].", SAT, P, "2023-01-01", "2023-12-31", "year"),
    case("en", "Elections are planned for [next year].", NYE, F, "2025-01-01", "2025-12-31", "year"),
    case("en", "The group was founded [in 2019].", None, P, "2019-01-01", "2019-12-31", "year"),
    case("en", "The dam is due to be finished by [late 2024].", THU, F, "2024-09-01", "2024-12-31", "range"),
    case("en", "The programme was launched in [early 2023].", None, P, "2023-01-01", "2023-05-02", "range"),
    case("en", "Talks collapsed in [mid-2022].", None, P, "2022-05-02", "2022-09-01", "range"),
    case("en", "The road should be completed by [the end of 2025].", SUN, F, "2025-09-01", "2025-12-31", "range"),
    # ---------------------------------------------------------------- English: weeks
    case("en", "Clashes killed 12 people [last week].", WED, P, "2025-09-08", "2025-09-14", "week"),
    case("en", "The IMF board meets [next week].", SAT, F, "2024-01-01", "2024-01-07", "week"),
    case("en", "The currency fell 4% [this week].", SUN, P, "2025-11-03", "2025-11-09", "week"),
    # ---------------------------------------------------------------- English: ranges
    case("en", "Heavy rains fell on [July 27-28].", WED, P, "2025-07-27", "2025-07-28", "range"),
    case("en", "The summit will be held on [December 5-6].", SUN, F, "2025-12-05", "2025-12-06", "range"),
    case("en", "The summit took place [between 3 and 5 May].", SAT2, P, "2025-05-03", "2025-05-05", "range"),
    case("en", "The country has been under sanctions [since 2021].", NYE, P, "2021-01-01", "2024-12-31", "range"),
    case("en", "Output fell during [2019-2021].", None, P, "2019-01-01", "2021-12-31", "range"),
    # ---------------------------------------------------------------- English: vague relatives
    case("en", "The village was attacked [two days ago].", NYD, P, "2024-12-30", "2024-12-30", "day"),
    case("en", "The minister was sacked [three weeks ago].", WED, P, "2025-08-25", "2025-08-31", "week"),
    case("en", "The vote will take place [in two weeks].", SAT, F, "2024-01-08", "2024-01-14", "week"),
    case("en", "A deal could be reached [in the coming days].", WED, F, "2025-09-17", COMING_DAYS, "range"),
    case("en", "Troops will be deployed [in the coming weeks].", NYE, F, "2024-12-31", COMING_WEEKS, "range"),
    case("en", "Aid will be scaled up [over the coming months].", TUE, F, "2024-07-02", COMING_MONTHS, "range"),
    # ---------------------------------------------------------------- offsets from the sentence's day
    # "N jours après X": X happened N days before the day the caller passes (here the anchor)
    case("fr", "La rencontre intervient [dix jours après] la rupture des relations.", WED, P,
         "2025-09-07", "2025-09-07", "day"),
    case("fr", "Le Niger a réagi [au lendemain d']une décision similaire du Mali.", MAR, P,
         "2025-03-09", "2025-03-09", "day"),
    case("fr", "Le sommet s'est tenu [à la veille d']un vote crucial.", MAR, P, "2025-03-11", "2025-03-11", "day"),
    case("fr", "Le putsch est survenu [trois semaines après] l'élection.", WED, P, "2025-08-25", "2025-08-31", "week"),
    case("en", "The pledge came [ten days after] the country quit the deal.", WED, P, "2025-09-07", "2025-09-07", "day"),
    case("en", "The talks opened [a day after] rebels seized the town.", NYD, P, "2024-12-31", "2024-12-31", "day"),
    case("en", "The summit opened [the day after] the coup.", MAR, P, "2025-03-09", "2025-03-09", "day"),
    case("en", "Leaders met [on the eve of] the vote.", MAR, P, "2025-03-11", "2025-03-11", "day"),
    # ---------------------------------------------------------------- shifts from the narrative's day
    # (the caller passes the day the story is on as the anchor: "Le 10 mars… Le lendemain, …")
    case("fr", "[Le lendemain], l'armée a repris la ville.", MAR, P, "2025-03-11", "2025-03-11", "day"),
    case("fr", "[Deux jours plus tard], Bamako a rappelé son ambassadeur.", WED, P, "2025-09-19", "2025-09-19", "day"),
    case("fr", "[La veille], le ministre avait reçu l'émissaire.", MAR, P, "2025-03-09", "2025-03-09", "day"),
    case("fr", "[Trois jours auparavant], les rebelles avaient pris le poste.", MAR, P, "2025-03-07", "2025-03-07", "day"),
    case("en", "[The next day], troops entered the town.", THU, P, "2024-03-15", "2024-03-15", "day"),
    case("en", "[Two days later], the junta expelled the envoy.", THU, P, "2024-03-16", "2024-03-16", "day"),
    case("en", "[The previous day], protesters had marched.", MAR, P, "2025-03-09", "2025-03-09", "day"),
    case("en", "[A week earlier], the bloc imposed sanctions.", MAR, P, "2025-03-03", "2025-03-09", "week"),
    # ("ce jour-là", "that day": the day the story is on — the anchor the caller passes — never
    # "ce jour" read as today)
    case("fr", "[Ce jour-là], le Togo avait rappelé son ambassadeur.", MAR, P, "2025-03-10", "2025-03-10", "day"),
    case("en", "[On that day], the junta closed the border.", MAR, P, "2025-03-10", "2025-03-10", "day"),
    # ---------------------------------------------------------------- since a recent day: to the report's day
    case("fr", "[Depuis jeudi], des centaines de jeunes manifestent.", MAR, P, "2025-03-06", "2025-03-10", "range"),
    case("fr", "La frontière est fermée [depuis hier].", MAR, P, "2025-03-09", "2025-03-10", "range"),
    case("en", "Protesters have marched [since Thursday].", MAR, P, "2025-03-06", "2025-03-10", "range"),
    # ---------------------------------------------------------------- seasons (the days both reckonings count, from the solstice or equinox to the end of the season's last month; a winter runs into the next year)
    case("fr", "Les pourparlers remontent [au printemps 2022].", MAR, P, "2022-03-20", "2022-05-31", "range"),
    case("fr", "Le sommet s'est tenu [l'été dernier].", MAR, P, "2024-06-21", "2024-08-31", "range"),
    case("fr", "La mission partira [à l'automne prochain].", MAR, P, "2025-09-23", "2025-11-30", "range"),
    case("fr", "Les combats ont repris [cet hiver].", MAR, P, "2024-12-21", "2025-02-28", "range"),
    case("fr", "La sécheresse a frappé [l'hiver 2023].", MAR, P, "2023-12-21", "2024-02-29", "range"),
    case("en", "Talks collapsed [in the spring of 2022].", MAR, P, "2022-03-20", "2022-05-31", "range"),
    case("en", "The junta expelled the envoy [last summer].", MAR, P, "2024-06-21", "2024-08-31", "range"),
    case("en", "Elections are due [next fall].", MAR, P, "2025-09-23", "2025-11-30", "range"),
    # ---------------------------------------------------------------- nights, weekends, parts of a week
    case("fr", "L'attaque a eu lieu [dans la nuit de samedi à dimanche].", MAR, P, "2025-03-08", "2025-03-09", "range"),
    case("en", "Fighting raged [overnight Saturday to Sunday].", MAR, P, "2025-03-08", "2025-03-09", "range"),
    case("fr", "Le ministre s'est rendu à Dakar [en fin de semaine].", WED, P, "2025-09-12", "2025-09-14", "range"),
    case("fr", "Les pourparlers ont repris [en début de semaine].", WED, P, "2025-09-15", "2025-09-16", "range"),
    case("fr", "[Le week-end dernier], des manifestants ont défilé.", MAR, P, "2025-03-08", "2025-03-09", "range"),
    case("fr", "Un sommet se tiendra [ce week-end].", WED, F, "2025-09-20", "2025-09-21", "range"),
    case("en", "The president travelled to Abuja [late last week].", MAR, P, "2025-03-07", "2025-03-09", "range"),
    case("en", "Ministers met [earlier this week].", THU, P, "2024-03-11", "2024-03-13", "range"),
    case("en", "Exports fell [last month].", MAR, P, "2025-02-01", "2025-02-28", "month"),
    case("en", "The accord was signed [two months ago].", MAR, P, "2025-01-01", "2025-01-31", "month"),
    case("fr", "Des heurts ont éclaté [au cours du week-end] à Conakry.", MAR, P, "2025-03-08", "2025-03-09", "range"),
    case("en", "Rebels shelled the town [over the weekend].", MAR, P, "2025-03-08", "2025-03-09", "range"),
    case("fr", "L'éditorial est signé du [1er/07/2023].", MAR, P, "2023-07-01", "2023-07-01", "day"),
    # ---------------------------------------------------------------- parts of the day (alone: the anchor's)
    case("fr", "[Dans la soirée], le gouvernement a dénoncé l'attaque.", MAR, P, "2025-03-10", "2025-03-10", "day"),
    case("en", "The minister resigned [this morning].", MAR, P, "2025-03-10", "2025-03-10", "day"),
]


def _found_for(p, sentence):
    """Strip the [brackets]; return the text and the longest Found overlapping them."""
    s = sentence.index("[")
    e = sentence.index("]") - 1
    text = sentence.replace("[", "").replace("]", "")
    hits = [f for f in p.find(text) if f.start < e and s < f.end]
    return text, (max(hits, key=lambda f: f.end - f.start) if hits else None)


@pytest.mark.parametrize("lang,sentence,anchor,future,start,end,precision", CASES)
def test_time_expression(lang, sentence, anchor, future, start, end, precision):
    p = PARSERS[lang]
    text, f = _found_for(p, sentence)
    assert f is not None, f"no time expression found at the brackets of {sentence!r}"
    iv = p.resolve(f, anchor, future=future)
    if isinstance(end, tuple):  # vague "coming …": start at the anchor, end inside a window
        lo, hi = end
        assert (iv.start, iv.precision) == (start, precision), (f.text, iv)
        assert iv.end is not None, (f.text, iv)
        assert anchor + timedelta(days=lo) <= date.fromisoformat(iv.end) <= anchor + timedelta(days=hi), (f.text, iv)
    else:
        assert (iv.start, iv.end, iv.precision) == (start, end, precision), f"found {f.text!r} ({f.kind})"


def test_table_is_large_enough():
    assert len(CASES) >= 70
    assert {c.values[0] for c in CASES} == {"fr", "en"}


# -------------------------------------------------------------------- negatives
# (lang, text, month_word): with month_word None, the text must hold no time expression at
# all; otherwise whatever is found, `month_word` must not be read as a month.
NEGATIVES = [
    ("fr", "2 min de lecture", None),
    ("fr", "Sa décision a surpris les observateurs.", None),
    ("fr", "Le Mali a quitté la Cédéao.", None),
    ("fr", "Des milliers de déplacés ont fui vers la frontière.", None),
    ("fr", "L'opposant a été condamné à 3 ans de prison.", None),
    ("fr", "Des miliciens Mai-Mai ont attaqué un village du Nord-Kivu.", None),
    ("fr", "Sept soldats ont été tués dans une embuscade.", None),
    ("fr", "Le conflit a fait 300 morts au cours des sept derniers mois.", "sept"),
    ("en", "5 min read", None),
    ("en", "Officials said the talks may resume soon.", None),
    ("en", "The talks may resume next week, diplomats said.", "may"),
    ("en", "Jan Egeland, the head of the refugee council, said aid was blocked.", None),
    ("en", "Mai Mai rebels attacked a village in North Kivu.", None),
    ("en", "Protesters said they would join the next march toward parliament.", None),
    ("en", "Police blocked the march on the capital.", None),
    ("en", "The two sides agreed a 10-day truce.", None),
    ("en", "He was sentenced to three years in prison.", None),
    ("en", "Campaigning for the mid-term elections has begun.", None),
]
NEGATIVE_FAILS: dict[str, str] = {}


@pytest.mark.parametrize("lang,text,month_word", [
    pytest.param(*n, id=f"{n[0]}:{n[1][:40]}",
                 marks=[xfail(NEGATIVE_FAILS[n[1]])] if n[1] in NEGATIVE_FAILS else [])
    for n in NEGATIVES
])
def test_no_false_time_expression(lang, text, month_word):
    found = PARSERS[lang].find(text)
    if month_word is None:
        assert found == [], [(f.text, f.kind) for f in found]
    else:
        bad = [f.text for f in found if (f.groups.get("month") or "").lower().rstrip(".") == month_word]
        assert not bad, bad
