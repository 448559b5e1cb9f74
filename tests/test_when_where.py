"""When and where, as reports tell them: datelines of every shape, the day a report is filed
versus the day its story happened, days counted from the narrative ("le lendemain"), what came
before or after the main event, and places named through their country ("la capitale malienne").
Every article here is written for the test."""
import pytest


def _by_event(result, event):
    return [m for m in result.mentions if m.event == event]


@pytest.mark.parametrize("text,event,place,country,day", [
    ("Bamako (AFP) - Le gouvernement malien a suspendu mardi les activités des partis politiques jusqu'à nouvel "
     "ordre, selon un décret lu à la télévision nationale.", "COERCE", "Bamako", "MLI", "2024-04-09"),
    ("BAMAKO – Le gouvernement malien a suspendu mardi les activités des partis politiques jusqu'à nouvel ordre, "
     "selon un décret lu à la télévision nationale.", "COERCE", "Bamako", "MLI", "2024-04-09"),
    # a town whose name opens with an article, in capitals: the tagger reads neither word as a name
    ("LA HAYE, 11 avril (Reuters) - Le gouvernement néerlandais a expulsé mardi deux diplomates russes "
     "soupçonnés d'espionnage.", "SANCTION", "La Haye", "NLD", "2024-04-09"),
])
def test_dispatch_datelines_of_every_shape_place_the_lead(code, text, event, place, country, day):
    got = code(text, published="2024-04-11")
    [m] = _by_event(got, event)
    assert (m.location.name, m.location.country) == (place, country)
    assert m.location.geonameid and m.date.start == day


def test_a_headline_naming_two_capitals_is_no_dateline(code):
    got = code("Dakar – Abidjan : la visite d'État s'achève\n\n"
               "Le président ivoirien a reçu jeudi à Abidjan son homologue sénégalais pour des entretiens.",
               published="2024-06-21")
    [m] = _by_event(got, "CONSULT")
    assert m.location.name == "Abidjan"


@pytest.mark.parametrize("text,published,event,attribute,expected", [
    # "NIAMEY, 17 mars —" says when the dispatch was filed; the story's own day, named a
    # paragraph later ("samedi soir"), dates the lead's undated event
    ("NIAMEY, 17 mars (Sahel Presse) - Le Niger a dénoncé avec effet immédiat l'accord de défense qui le liait "
     "au Bénin.\n\nUn porte-parole du gouvernement a lu la décision samedi soir à la télévision publique.",
     "2024-03-17", "SANCTION", "day", "2024-03-16"),
    # what a meeting decides is decided where it meets, not at the dateline
    ("DAKAR, 4 juin (Agence) - Les chefs d'État de la CEDEAO se sont réunis samedi à Abuja en sommet "
     "extraordinaire pour examiner la situation en Guinée.\n\nL'organisation a décidé la suspension de toutes "
     "les transactions financières avec la Guinée.", "2024-06-04", "SANCTION", "place", "Abuja"),
    # that day is the day last told however long ago
    ("Le Ghana et le Togo ont signé mardi un accord de défense à Accra.\n\nLa crise remontait "
     "au 3 février. Ce jour-là, le Togo avait rappelé son ambassadeur à Accra.",
     "2024-06-13", "SANCTION", "day", "2024-02-03"),
    # north of a town is at that town
    ("La cérémonie s'est tenue samedi dans un stade au nord de Libreville. En marge de la "
     "cérémonie, le président gabonais s'est entretenu avec son homologue congolais.",
     "2025-05-04", "CONSULT", "place", "Libreville"),
    # a headline in the present is dated by the day its lead names
    ("Le Ghana reconnaît l'indépendance du Kosovo. Le président l'a annoncé hier soir devant "
     "le Parlement, à Accra.",
     "2024-11-07", "SUPPORT", "day", "2024-11-06"),
    # the same day before any day is the day of the story
    ("Dans un communiqué publié jeudi soir, le Tchad a annoncé mettre fin à son accord de "
     "défense avec la France.\n\nL'annonce est tombée peu après le départ du ministre français "
     "des Affaires étrangères, reçu le jour même à N'Djamena par le président tchadien.",
     "2024-11-29", "CONSULT", "day", "2024-11-28"),
    # a name a locative phrase then places is a place
    ("Un rapport des Nations unies accuse l'armée malienne et des militaires étrangers "
     "d'avoir tué au moins 500 personnes à Moura, dans le centre du pays, en mars 2022.",
     "2023-05-13", "ASSAULT", "place", "Moura"),
    # a statement made from a town is placed there
    ("Des militaires ont renversé le président nigérien la semaine dernière. Depuis Abidjan, le "
     "président ivoirien a condamné mardi le coup d'État.", "2023-08-02", "ACCUSE", "place", "Abidjan"),
    # the capital as the complement of where is the home country's capital
    ("Le procès de l'opposant tchadien Succès Masra a repris lundi. M. Masra avait été arrêté à son "
     "domicile de la capitale le 16 mai à l'aube.", "2025-08-12", "COERCE", "place", "N'Djamena"),
    # the parties the scene's sentence named act there that day, though it is no party's ground
    ("Le Maroc et l'Algérie ont fait mardi à Genève un premier pas l'un vers l'autre. Le ministre marocain a "
     "promis à son homologue algérien de rouvrir la frontière terrestre entre les deux pays.",
     "2025-06-12", "AGREE", "place", "Genève"),
    # a clause joined to a statement is dated by the medium the statement was made in
    ("Les autorités tchadiennes avaient fixé au 31 janvier la date limite du départ des soldats français. "
     "Dans un communiqué publié jeudi soir, la présidence tchadienne a salué une souveraineté retrouvée, "
     "tandis que le ministère français des Armées a promis de maintenir une coopération avec le Tchad.",
     "2025-01-31", "AGREE", "day", "2025-01-30"),
    # a meeting noun takes the day its own participle gives
    ("La question sera abordée lors du sommet ordinaire de la CEDEAO prévu dimanche à Abuja.",
     "2024-07-05", "CONSULT", "day", "2024-07-07"),
    # "y": where the sentence before left the story
    ("Le président ukrainien se trouvait mardi à Tirana, où se tenait un sommet européen. Il y a réclamé de nouvelles "
     "sanctions contre la Russie.", "2025-05-17", "REQUEST", "place", "Tirana"),
    # a person placed somewhere on a day is still there that day
    ("Samedi à Lomé, le président nigérien Abdourahamane Tiani a dénoncé les sanctions de la Cédéao. Il a appelé le "
     "Bénin à rouvrir sa frontière.", "2024-07-08", "REQUEST", "place", "Lomé"),
    # the capital named by its nationality (the parser hangs "somalienne" on the participle), as French writes it
    ("Rentré dans la capitale somalienne jeudi matin, le président Hassan Cheikh Mohamoud a remercié la Turquie pour "
     "sa médiation.", "2024-12-12", "SUPPORT", "place", "Mogadiscio"),
    # what is done on the ground in the town the lead names is there, not at the dateline
    ("NOUAKCHOTT (AFP) - Deux manifestants sont morts à Rosso, dans le sud de la Mauritanie, lors des violences qui "
     "ont suivi l'annonce des résultats, a indiqué mardi soir le gouvernement.\n\nSelon les autorités, les deux hommes "
     "sont décédés après avoir été interpellés par les forces de l'ordre dans la nuit de lundi à mardi, alors que des "
     "jeunes s'en prenaient à des bâtiments publics de la ville.", "2024-07-03", "COERCE", "place", "Rosso"),
    # a seat of power is named as its town
    ("Le président centrafricain a été reçu jeudi au Kremlin par Vladimir Poutine.", "2025-01-18", "CONSULT", "place",
     "Moscou"),
    ("Le président malien a été reçu lundi à l'Élysée par Emmanuel Macron.", "2025-01-18", "CONSULT", "place", "Paris"),
])
def test_the_one_event_of_a_report_is_dated_and_placed(code, text, published, event, attribute, expected):
    [m] = _by_event(code(text, published=published), event)
    assert (m.date.start if attribute == "day" else m.location and m.location.name) == expected


def test_days_counted_from_the_day_the_story_is_on(code):
    text = ("Le 3 juin, la Guinée a fermé sa frontière avec le Liberia. "
            "Le lendemain, Monrovia a convoqué l'ambassadeur guinéen. "
            "Deux jours plus tard, la Sierra Leone a proposé sa médiation.")
    got = code(text, published="2024-06-20")
    days = {m.event: m.date.start for m in got.mentions}
    assert days["SANCTION"] == "2024-06-03"
    assert days["ACCUSE"] == "2024-06-04"
    assert "2024-06-06" in {m.date.start for m in got.mentions if m.event in ("AGREE", "CONSULT", "SUPPORT")}


def test_what_came_before_the_main_event_keeps_its_own_day(code):
    """"a rappelé dimanche …, après l'attaque … dans la nuit du 2 au 3 mai": Sunday is the
    recall's day; the attack has the night it names, or none — never Sunday."""
    got = code("Le Niger a rappelé dimanche son ambassadeur au Bénin, après l'attaque d'un poste militaire "
               "nigérien près de la frontière dans la nuit du 2 au 3 mai.", published="2024-05-06")
    [recall] = _by_event(got, "SANCTION")
    assert recall.date.start == "2024-05-05"
    for m in _by_event(got, "ASSAULT"):
        assert (m.date.start, m.date.end) in (("2024-05-02", "2024-05-03"), (None, None))


def test_a_country_s_capital_named_through_the_country_is_a_place(code):
    got = code("Des milliers de manifestants ont défilé samedi dans la capitale malienne contre la "
               "présence française.", published="2022-02-21")
    [m] = _by_event(got, "PROTEST")
    assert (m.location.name, m.location.country) == ("Bamako", "MLI") and m.location.geonameid
    got = code("Thousands of people marched on Saturday in the capital of Niger to protest against France.",
               lang="en", published="2023-08-21")
    [m] = _by_event(got, "PROTEST")
    assert (m.location.name, m.location.country) == ("Niamey", "NER")


def test_an_attack_aimed_at_a_capital_happened_there(code):
    got = code("L'attaque qui a visé la capitale burkinabè mardi a fait au moins douze morts.",
               published="2024-05-08")
    assert [(m.location.name if m.location else None) for m in _by_event(got, "ASSAULT")] == ["Ouagadougou"]


def test_parties_listed_one_after_another_are_all_parties(code):
    """"les ministres de la Guinée, du Mali et du Niger" is one list, however the parser hung
    each name (and a time phrase between the verb and its object changes nothing)."""
    got = code("Le président sénégalais a reçu, mardi au palais de Dakar, les ministres de la Défense "
               "de la Guinée, du Mali et du Niger.", published="2024-05-08")
    [m] = _by_event(got, "CONSULT")
    assert {p.code for p in m.actor} == {"GIN", "MLI", "NER"}
    assert {p.code for p in m.recipient} == {"SEN"}
    assert m.location.name == "Dakar"


def test_the_main_event_told_again_later_happened_at_the_dateline(code):
    got = code("NIAMEY, 12 mai (Agence) - Des hommes armés ont attaqué dimanche un convoi de l'armée nigérienne, "
               "faisant une dizaine de morts parmi les soldats selon une source sécuritaire.\n\n"
               "Le bilan reste provisoire et les autorités n'ont pas communiqué.\n\n"
               "L'attaque a été revendiquée lundi par l'État islamique au Sahel.",
               published="2024-05-12")
    assert {(m.location.name if m.location else None) for m in _by_event(got, "ASSAULT")} == {"Niamey"}


def test_a_town_attacked_is_where_the_attack_happened(code):
    got = code("Des jihadistes ont attaqué Tombouctou dans la nuit de samedi à dimanche, selon des sources locales.",
               published="2023-09-12")
    [m] = _by_event(got, "ASSAULT")
    assert (m.location.name, m.location.country) == ("Tombouctou", "MLI")
    assert (m.date.start, m.date.end) == ("2023-09-09", "2023-09-10")


def test_the_lead_is_found_after_header_lines(code):
    """Outlet, author and date lines, then a title: the lead's undated event is on the story's day."""
    got = code("Le Courrier du Sahel\nPar Awa Traoré\nPublié le 14/03/2024 à 09h12\n\n"
               "Le Niger rompt avec le Bénin\n\n"
               "Le gouvernement nigérien a rappelé son ambassadeur à Cotonou pour consultations, "
               "dans un nouveau signe de tension entre les deux voisins.\n\n"
               "La décision a été lue mardi soir à la télévision publique par un porte-parole.",
               published="2024-03-14")
    recalls = [m for m in _by_event(got, "SANCTION") if {p.code for p in m.recipient} == {"BEN"}]
    assert recalls and all(m.date.start == "2024-03-12" for m in recalls)


def test_a_day_counted_from_the_dated_thing_an_offset_names(code):
    got = code("L'Union africaine a suspendu le Burkina Faso au lendemain du putsch du 24 janvier.",
               published="2022-02-02")
    assert {m.date.start for m in _by_event(got, "SANCTION")} == {"2022-01-25"}
    got = code("Ten days after the vote on March 3, the regional bloc suspended Gabon.", lang="en",
               published="2024-05-01")
    assert {m.date.start for m in _by_event(got, "SANCTION")} == {"2024-03-13"}


def test_an_arrival_on_its_own_day_is_its_own_event(code):
    got = code("Arrivé samedi à Pékin, le président nigérien s'est entretenu lundi avec son homologue chinois.",
               published="2024-09-03")
    visits = {(m.date.start, m.location.name if m.location else None, tuple(p.code for p in m.actor))
              for m in _by_event(got, "CONSULT")}
    assert ("2024-08-31", "Pékin", ("NER",)) in visits
    assert any(d == "2024-09-02" for d, _, _ in visits)


def test_a_dispatch_filed_abroad_places_nothing_it_does_not_concern(code):
    """"DAKAR (APS) - Le retrait du Mali et du Niger de la CEDEAO…": Dakar is where the story is
    filed, neither a party to it nor where it happened."""
    got = code("DAKAR, 3 février (APS) - Le retrait du Mali et du Niger de la Communauté économique des "
               "États de l'Afrique de l'Ouest est désormais effectif, a annoncé l'organisation dans un communiqué.",
               published="2025-02-03")
    [m] = _by_event(got, "SANCTION")
    assert {p.code for p in m.actor} == {"MLI", "NER"}
    assert {p.code for p in m.recipient} == {"IGO:ECOWAS"}
    assert m.location is None


def test_a_river_named_like_a_country_is_no_country(code):
    got = code("Des jihadistes ont attaqué jeudi un bateau de l'armée malienne sur le fleuve Niger, près de Tombouctou.",
               published="2023-09-09")
    [m] = _by_event(got, "ASSAULT")
    assert "NER" not in {p.code for p in m.actor + m.recipient}
    assert m.location.name == "Tombouctou"


def test_a_place_name_several_countries_have_is_the_one_its_sentence_places(code):
    got = code("Des milliers de personnes ont manifesté samedi à Hyderabad, dans le sud du Pakistan, contre la "
               "hausse des prix de l'électricité.", published="2024-01-08")
    [m] = _by_event(got, "PROTEST")
    assert (m.location.name, m.location.country) == ("Hyderabad", "PAK")
    got = code("Le ministre guinéen de la Défense s'est rendu mardi à Kindia pour rencontrer les chefs militaires "
               "de la région.", published="2024-01-10")
    assert {(m.location.name, m.location.country) for m in _by_event(got, "CONSULT") if m.location} <= {("Kindia", "GIN")}


def test_a_protest_against_no_one_named_is_against_the_government_there(code):
    got = code("Des milliers de personnes ont manifesté samedi à Niamey contre la hausse des prix du carburant.",
               published="2024-01-08")
    [m] = _by_event(got, "PROTEST")
    assert ({p.code for p in m.actor}, {p.code for p in m.recipient}) == ({"NER"}, {"NER"})
    assert (m.location.name, m.date.start) == ("Niamey", "2024-01-06")


def test_a_capitalised_name_of_a_past_event_is_no_event(code):
    got = code("Le roi a prononcé son discours à Rabat à l'occasion de l'anniversaire de la Marche verte, "
               "devant les élus des provinces du Sud.", published="2024-11-07")
    assert not _by_event(got, "PROTEST")


def test_after_the_meeting_the_story_is_back_on_the_meeting_s_day(code):
    text = ("Le président ghanéen a reçu lundi à Accra son homologue togolais. "
            "La veille, le ministre togolais des Affaires étrangères s'était rendu à Lomé pour préparer la visite. "
            "À l'issue de la rencontre, le Ghana et le Togo ont signé un accord de coopération sécuritaire.")
    got = code(text, published="2024-10-16")  # a Wednesday: "lundi" is 14 October
    signed = [m for m in got.mentions if m.event in ("SUPPORT", "AGREE", "COOPERATE")]
    assert signed and all(m.date.start == "2024-10-14" for m in signed)
    assert all(m.location.name == "Accra" for m in signed)


def test_the_same_day_the_story_stays_where_it_was_last_told(code):
    text = ("Le président sénégalais a quitté Dakar jeudi matin pour Banjul, pour sa première visite à "
            "l'étranger. Les deux chefs d'État sont convenus de relancer la commission mixte de coopération.")
    got = code(text, published="2024-04-19")  # a Friday: "jeudi" is 18 April
    agreed = [m for m in got.mentions if m.event in ("AGREE", "SUPPORT", "COOPERATE")]
    assert agreed and all(m.location is not None and m.location.name == "Banjul" for m in agreed)
    assert all(m.date.start == "2024-04-18" for m in agreed)


def test_the_capital_alone_is_the_capital_of_the_country_written_from(code):
    got = code("MOGADISCIO, 13 décembre (Agence) -- Le gouvernement somalien a salué l'accord conclu avec "
               "l'Éthiopie.\n\nRentré dans la capitale jeudi matin, le président somalien a remercié la Turquie "
               "pour sa médiation.", published="2024-12-13")
    thanks = [m for m in got.mentions if {p.code for p in m.recipient} == {"TUR"}]
    assert thanks and all((m.location.country, m.date.start) == ("SOM", "2024-12-12") for m in thanks)
    assert all(m.location.geonameid for m in thanks)


def test_the_same_day_is_the_day_the_story_is_on(code):
    got = code("Le 8 septembre, la CEDEAO a suspendu la Guinée de ses instances. Le même jour, l'Union "
               "africaine a annoncé à son tour la suspension du pays.", published="2021-09-12")
    assert {m.date.start for m in _by_event(got, "SANCTION")} == {"2021-09-08"}


def test_an_occasion_named_at_the_end_of_a_sentence_counts(code):
    text = ("Le président ivoirien a reçu mardi à Abidjan une délégation de la CEDEAO. "
            "Aucune déclaration n'a été faite à l'issue de la rencontre. "
            "Le même jour, le Ghana a rappelé son ambassadeur à Abidjan pour consultations.")
    got = code(text, published="2024-03-08")  # a Friday: "mardi" is 5 March
    assert {m.date.start for m in _by_event(got, "SANCTION")} == {"2024-03-05"}


def test_an_unnamed_attacker_is_not_borrowed_from_the_rest_of_the_article(code):
    got = code("Les États-Unis ont appelé lundi au calme. Washington a aussi annoncé une aide humanitaire de dix "
               "millions de dollars au Congo.\n\nSamedi, douze soldats congolais ont été tués lors d'une attaque.",
               published="2024-05-06")
    attacks = _by_event(got, "ASSAULT")
    assert attacks and all("USA" not in {p.code for p in m.actor} for m in attacks)


def test_a_gerund_acts_for_its_verb_s_subject_in_that_verb_s_tense(code):
    # "en rappelant" is Libreville's act, told in the pluperfect of "avait répliqué": some day
    # before the report, not the day it is published
    got = code("Libreville avait répliqué en rappelant son ambassadeur au Cameroun.", published="2024-06-13")
    [m] = _by_event(got, "SANCTION")
    assert [p.code for p in m.actor] == ["GAB"] and [p.code for p in m.recipient] == ["CMR"]
    assert m.date.precision == "unknown"


def test_an_organisation_in_session_sits_at_its_seat(code):
    got = code("Réuni jeudi, le Conseil de paix et de sécurité de l'Union africaine a exigé le départ des "
               "mercenaires présents au Soudan.", published="2024-03-09")
    [m] = _by_event(got, "REQUEST")
    assert (m.location.name, m.location.country) == ("Addis-Abeba", "ETH") and m.location.geonameid
    # a place the clause names wins over the seat
    got = code("Réunis jeudi à Accra, les chefs d'État de la CEDEAO ont exigé la libération du président.",
               published="2024-03-09")
    assert [m.location.name for m in _by_event(got, "REQUEST")] == ["Accra"]


def test_brussels_acting_is_the_european_union_and_in_brussels_a_place(code):
    got = code("Bruxelles a suspendu mardi son appui budgétaire au Niger. Les ministres du Niger et du Tchad "
               "ont signé mercredi un accord de coopération à Bruxelles.", published="2023-08-04")
    [cut] = _by_event(got, "SANCTION")
    assert [p.code for p in cut.actor] == ["IGO:EU"] and [p.code for p in cut.recipient] == ["NER"]
    [deal] = _by_event(got, "SUPPORT")
    assert deal.location.country == "BEL"


def test_a_verb_joined_to_a_meeting_is_not_the_meeting_s_object(code):
    got = code("The Security Council met on Friday and demanded that Rwanda withdraw its troops.",
               published="2025-02-15")
    assert {m.event for m in got.mentions} >= {"CONSULT", "REQUEST"}
    assert not _by_event(got, "CONCEDE")


def test_after_a_look_back_the_story_returns_to_its_day(code):
    got = code("Mardi, le Sénégal a rappelé son ambassadeur au Mali.\n\n"
               "La veille, la Gambie et la Guinée avaient déjà rappelé leurs ambassadeurs. "
               "Le gouvernement malien a dénoncé une décision hostile.", published="2024-05-16")
    [m] = _by_event(got, "ACCUSE")
    assert m.date.start == "2024-05-14"
    # "le même jour" goes on with the look back
    got = code("Mardi, le Sénégal a rappelé son ambassadeur au Mali.\n\n"
               "Lundi soir, la Gambie avait rappelé son ambassadeur. Le même jour, la Guinée a fermé sa "
               "frontière avec le Mali.", published="2024-05-16")
    [m] = _by_event(got, "COERCE") or _by_event(got, "SANCTION")[-1:]
    assert m.date.start == "2024-05-13"


def test_what_an_agreement_is_about_keeps_its_own_place_and_time(code):
    got = code("Reçu lundi au Kremlin, le président centrafricain et son hôte russe sont convenus de réunir "
               "l'an prochain à Bangui leur commission mixte.", published="2025-01-15")
    [m] = _by_event(got, "AGREE")
    assert m.location.name != "Bangui" and m.date.start == "2025-01-13"


def test_a_building_named_in_a_dispatch_is_in_the_town_it_is_filed_from(code):
    got = code("PÉKIN, 5 septembre (Agence) -- Le sommet sino-africain s'est ouvert jeudi au Grand Palais du "
               "Peuple.\n\nEn marge des travaux, le président chinois s'est entretenu mercredi avec son "
               "homologue sénégalais.", published="2024-09-06")
    [m] = [m for m in _by_event(got, "CONSULT") if m.date.start == "2024-09-04"]
    assert m.location.name.upper() == "PÉKIN" and m.location.geonameid


def test_the_place_one_returns_from_is_not_where_the_story_is(code):
    got = code("Retour de Moscou : le président centrafricain salue une visite fructueuse\n\n"
               "Le président Touadéra a regagné Bangui vendredi, au terme d'une visite de quatre jours en Russie.",
               published="2025-01-18")
    assert all(m.location is None or m.location.name != "Moscou" for m in _by_event(got, "SUPPORT"))


def test_towns_of_the_sahel_and_central_africa_are_on_geonames(code):
    got = code("Des rebelles de la CPC ont attaqué lundi l'armée centrafricaine à Bambari.", published="2024-02-14")
    [m] = _by_event(got, "ASSAULT")
    assert (m.location.name, m.location.country) == ("Bambari", "CAF") and m.location.geonameid and m.location.lat


def test_a_day_a_deployment_started_from_is_past_when_the_verb_tells_it_done(code):
    got = code("Kigali a déployé à partir du 9 juillet un millier de soldats au Mozambique, à la demande de Maputo.",
               published="2021-08-09")
    [m] = [m for m in got.mentions if m.event in ("AID", "SUPPORT", "COERCE", "ASSAULT")] or got.mentions[:1]
    assert m.date.start == "2021-07-09"


def test_a_place_whose_article_is_in_the_preposition_is_found(code):
    got = code("Réunis lundi au Caire, les ministres égyptien et soudanais ont rejeté tout accord avec l'Éthiopie.",
               published="2025-09-10")
    [m] = _by_event(got, "REJECT")
    assert m.location.country == "EGY" and m.location.geonameid == 360630


def test_a_participle_telling_a_done_act_is_past_whatever_its_sentence_plans(code):
    got = code("L'accord, approuvé mardi par les ministres du Niger et du Tchad, prévoit le retrait des troupes "
               "tchadiennes d'ici à la fin de l'année.", published="2024-11-27")
    signed = [m for m in got.mentions if m.evidence[0].trigger == "approuvé"]
    assert signed and signed[0].status == "occurred" and signed[0].date.start == "2024-11-26"


def test_a_meeting_to_come_is_not_where_the_story_is_today(code):
    got = code("Des milliers de Nigérians ont manifesté dimanche à Abuja contre la vie chère. Le prochain sommet "
               "de la CEDEAO doit se tenir en juin 2025.", published="2024-12-16")
    ahead = [m for m in _by_event(got, "CONSULT") if m.date.start and m.date.start >= "2025-06-01"]
    assert ahead and all(m.location is None or m.location.name != "Abuja" for m in ahead)


@pytest.mark.parametrize("text,published,event,place,day", [
    # the town a delegation left is where it was that day
    ("Les émissaires de la CEDEAO ont quitté Conakry mardi soir. Ils s'étaient entretenus "
     "avec le chef de la junte pendant trois heures.",
     "2021-09-16", "CONSULT", "Conakry", "2021-09-14"),
    # where an act was made known is where it was made
    ("Le Ghana reconnaît l'indépendance du Kosovo. Le président ghanéen l'a annoncé mardi à "
     "la tribune de l'Assemblée générale des Nations unies, à New York.",
     "2024-09-25", "SUPPORT", "New York", "2024-09-24"),
    # a town the headline says was struck is where the attack told below happened
    ("Gao frappée en pleine nuit : le récit d'une attaque\n\nDimanche, peu avant l'aube, des "
     "combattants du JNIM ont attaqué le camp militaire et l'aéroport, selon plusieurs "
     "habitants joints par téléphone.",
     "2024-10-08", "ASSAULT", "Gao", "2024-10-06"),
])
def test_the_one_event_of_a_story_is_placed_and_dated_from_the_story(code, text, published, event, place, day):
    [m] = _by_event(code(text, published=published), event)
    assert (m.location.name, m.date.start) == (place, day)


def test_an_act_toward_no_one_named_is_where_the_story_is_that_day(code):
    # ("l'aide humanitaire française": whom it is for is told only by the place, which the
    # story set in the sentence before)
    got = code("Jeudi, en visite dans la capitale tchadienne, le ministre français des Affaires étrangères a été "
               "reçu par le président tchadien. Il avait salué le rôle du Tchad dans l'accueil des réfugiés et "
               "promis de renforcer l'aide humanitaire française dans l'est du pays.", published="2024-11-30")
    [aid] = _by_event(got, "AID")
    assert aid.location is not None and aid.location.country == "TCD"



def test_from_a_day_on_is_no_departure(code):
    # "à partir du 2 mars": a preposition, not troops leaving
    got = code("Le Bénin a déployé à partir du 2 mars des soldats le long de sa frontière nord.",
               published="2025-03-20")
    assert not _by_event(got, "RETREAT")



def test_a_seat_of_power_acting_says_no_place(code):
    # "Le Kremlin a dénoncé…": who speaks, not where; "au Kremlin" would be a place
    got = code("Les Vingt-Sept ont adopté un nouveau paquet de sanctions contre la Russie. Le Kremlin a "
               "dénoncé mercredi une décision « illégale ».", published="2025-05-21")
    [m] = _by_event(got, "ACCUSE")
    assert m.location is None


def test_a_time_the_parser_made_a_participle_s_object_is_that_participle_s():
    # "…a accepté d'accélérer les projets annoncés l'an dernier", parsed as spaCy's French
    # model does parse it in a long sentence: "l'an" the object of "annoncés"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from kibaru.dates import Found
    from kibaru.event_dates import of_other_noun
    words = ["Pékin", "a", "accepté", "d'", "accélérer", "les", "projets", "annoncés", "l'", "an", "dernier", "."]
    heads = [2, 2, 2, 4, 2, 6, 4, 6, 9, 7, 9, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "xcomp", "det", "obj", "acl", "det", "obj", "amod", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "ADJ", "PUNCT"]
    spaces = [True, True, True, False, True, True, True, True, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * 11)
    sent = next(doc.sents)
    start = doc[8].idx
    found = Found(start, doc[10].idx + len("dernier"), "l'an dernier", "last_unit", {})
    assert of_other_noun(found, doc[2], sent, {})


def test_a_participle_after_a_noun_and_a_comma_dates_the_noun_whatever_the_parser_hung_it_on():
    # "Niamey a annoncé mettre fin à la mission, lancée en février": parsed as spaCy's French model
    # parses it in a long sentence, "lancée" an adverbial clause of "annoncé"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from kibaru.dates import Found
    from kibaru.event_dates import of_other_noun
    words = ["Niamey", "a", "annoncé", "mettre", "fin", "à", "la", "mission", ",", "lancée", "en", "février", "."]
    heads = [2, 2, 2, 2, 3, 7, 7, 3, 9, 2, 11, 9, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "xcomp", "obj", "case", "det", "obl:arg", "punct", "advcl", "case",
            "obl:mod", "punct"]
    pos = ["PROPN", "AUX", "VERB", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"]
    morphs = [""] * 9 + ["Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part"] + [""] * 3
    spaces = [True, True, True, True, True, True, True, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs,
              sent_starts=[True] + [False] * 12)
    sent = next(doc.sents)
    found = Found(doc[10].idx, doc[11].idx + len("février"), "en février", "month", {})
    assert of_other_noun(found, doc[4], sent, {})


def test_a_participle_after_the_event_s_own_noun_and_a_comma_dates_the_event():
    # "Ils ont réaffirmé leur retrait de la CEDEAO, annoncé en janvier": the participle qualifies
    # the trigger's own noun phrase, though the parser hung it on "réaffirmé"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from kibaru.dates import Found
    from kibaru.event_dates import of_other_noun
    words = ["Ils", "ont", "réaffirmé", "leur", "retrait", "de", "la", "CEDEAO", ",", "annoncé", "en", "janvier", "."]
    heads = [2, 2, 2, 4, 2, 7, 7, 4, 9, 2, 11, 9, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "det", "obj", "case", "det", "nmod", "punct", "advcl", "case", "obl:mod",
            "punct"]
    pos = ["PRON", "AUX", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"]
    morphs = [""] * 9 + ["Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"] + [""] * 3
    spaces = [True, True, True, True, True, True, True, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs,
              sent_starts=[True] + [False] * 12)
    found = Found(doc[10].idx, doc[11].idx + len("janvier"), "en janvier", "month", {})
    assert not of_other_noun(found, doc[4], next(doc.sents), {})


def test_the_day_before_holds_what_its_phrase_tells_however_long(code):
    got = code("LIBREVILLE, 1er septembre (Agence) - Les militaires ont installé vendredi un nouveau gouvernement, "
               "au lendemain d'une journée tendue où l'Union africaine a suspendu le Gabon de toutes ses instances.",
               published="2023-09-01")
    [m] = [m for m in _by_event(got, "SANCTION") if m.actor and m.actor[0].code == "IGO:AU"]
    assert m.date.start == "2023-08-31"


def test_the_region_a_division_noun_names_is_the_region(code):
    got = code("Des hommes armés ont attaqué samedi un poste de gendarmerie dans la région de Kidal, au Mali.",
               published="2024-03-11")
    [m] = _by_event(got, "ASSAULT")
    assert (m.location.name, m.location.country) == ("Kidal", "MLI")
    assert m.location.geonameid is None  # the region (hand-written, no GeoNames id), not the town




def test_arabic_town_names_are_found_as_french_writes_them(code):
    got = code("Les paramilitaires ont bombardé samedi un marché d'El-Facher, selon des sources médicales.",
               published="2025-09-22")
    [m] = _by_event(got, "ASSAULT")
    assert m.location.country == "SDN" and m.location.geonameid


def test_a_live_report_under_a_headline_naming_a_summit_town_is_there(code):
    got = code("EN DIRECT - Sommet de la CEEAC à Libreville : les dirigeants adoptent une feuille de route\n\n"
               "17h00 - Les chefs d'État du Gabon, du Cameroun et du Tchad ont signé une déclaration commune sur "
               "la sécurité maritime.", published="2025-02-08")
    located = [m for m in got.mentions if m.event in ("SUPPORT", "AGREE", "COOPERATE")]
    assert located and all(m.location is not None and m.location.name == "Libreville" for m in located)


def test_what_the_members_had_done_long_before_they_met_was_not_done_there(code):
    got = code("Arrivée du président nigérien à l'aéroport de Bamako, accueilli par son homologue malien.\n\n"
               "Pour rappel, le Mali et le Niger avaient signé un pacte de défense mutuelle en mars 2021.",
               published="2024-07-06")
    old = [m for m in got.mentions if m.date.start and m.date.start.startswith("2021")]
    assert old and all(m.location is None for m in old)


def test_a_noun_event_takes_the_time_of_the_verb_it_hangs_on(code):
    # "le 20 mai" is nearer the noun but belongs to the next clause
    got = code("Le 12 mai, Emmanuel Macron et Abdelmadjid Tebboune avaient eu un long entretien téléphonique, et "
               "le 20 mai le ministre français de l'Intérieur s'était rendu à Alger.", published="2025-06-02")
    [m] = [m for m in _by_event(got, "CONSULT") if m.mode == "phone"] or _by_event(got, "CONSULT")[:1]
    assert m.date.start == "2025-05-12"


def test_a_noun_event_inside_another_noun_takes_the_time_of_the_verb_they_hang_on(code):
    # "une campagne de bombardements": the bombings hang on "déclenché" through the campaign;
    # "le 1er octobre", nearer, is the day of what followed
    got = code("Israël a déclenché fin septembre une intense campagne de bombardements au Liban, suivie le "
               "1er octobre d'une incursion terrestre.", published="2024-11-20")
    [m] = _by_event(got, "ASSAULT")
    assert (m.date.start, m.date.end) == ("2024-09-21", "2024-09-30")


@pytest.mark.parametrize("text,region", [
    ("Mercredi, l'armée israélienne a ouvert le feu sur des bergers dans le sud du Liban.", "Sud-Liban"),
    ("On Wednesday, Israeli troops opened fire on shepherds in southern Lebanon.", "Sud-Liban"),
    ("Mercredi, les paramilitaires ont bombardé un camp de déplacés dans le nord du Darfour.", "Darfour-Nord"),
])
def test_a_side_of_a_country_listed_as_a_region_is_that_region(code, text, region):
    got = code(text, published="2024-12-04")
    [m] = _by_event(got, "ASSAULT")
    assert m.location is not None and m.location.name == region



def test_an_act_done_at_once_after_another_takes_its_time(code):
    got = code("MADRID, 9 juin (Agence) - L'Algérie a suspendu mercredi son traité d'amitié avec l'Espagne. En "
               "mars, Madrid avait apporté son soutien au plan d'autonomie marocain. Alger avait aussitôt rappelé "
               "son ambassadeur en Espagne.", published="2022-06-09")
    [m] = [m for m in _by_event(got, "SANCTION") if m.mode == "withdraw"]
    assert (m.date.start, m.date.precision) == ("2022-03-01", "month")



@pytest.mark.parametrize("text,event,start,precision", [
    ("Les derniers soldats de l'opération Barkhane ont quitté le Mali en août 2022. L'ambassadeur de France "
     "à Bamako avait été expulsé dès janvier de la même année.", "SANCTION", "2022-01-01", "month"),
    ("Le Niger a signé un accord de défense avec la Russie en 2023. Moscou a livré l'année suivante des "
     "systèmes de défense aérienne au Niger.", "AID", "2024-01-01", "year"),
])
def test_a_year_counted_from_the_year_last_told(code, text, event, start, precision):
    got = code(text, published="2025-08-16")
    [m] = _by_event(got, event)
    assert (m.date.start, m.date.precision) == (start, precision)


def test_the_time_of_what_came_after_is_not_the_act_s(code):
    # "avant de la rouvrir … le 15 août": the reopening's day, not the closing's
    got = code("Le Niger avait fermé sa frontière avec le Bénin, avant de la rouvrir partiellement le 15 août 2024.",
               published="2024-10-01")
    [m] = [m for m in _by_event(got, "SANCTION") if m.evidence[0].trigger == "fermé"]
    assert m.date.start != "2024-08-15"


def test_the_toll_told_after_an_attack_is_that_attack_s(code):
    got = code("BAMAKO – L'armée malienne a affirmé mercredi avoir repoussé la veille une attaque de grande envergure "
               "contre son camp de Bourem, près de Gao, dans le nord du pays. L'assaut a été revendiqué par le Cadre "
               "stratégique permanent (CSP), coalition de groupes armés signataires de l'accord de paix de 2015.\n\n"
               "Selon l'état-major, dix soldats ont perdu la vie et une quarantaine d'assaillants ont été "
               "« neutralisés ».", published="2023-09-13")
    attacks = _by_event(got, "ASSAULT")
    assert attacks and all(m.location is not None and m.location.name == "Bourem" and m.date.start == "2023-09-12"
                           for m in attacks)


def test_a_phone_call_is_not_placed_where_the_sentence_s_visit_is(code):
    got = code("Le 31 mars, Emmanuel Macron et Abdelmadjid Tebboune avaient eu un long entretien téléphonique, et le "
               "6 avril le ministre français des Affaires étrangères avait été reçu à Alger par le chef de l'État "
               "algérien.", published="2025-04-16")
    [call] = [m for m in _by_event(got, "CONSULT") if m.mode == "phone"]
    assert call.location is None and call.date.start == "2025-03-31"


def test_a_look_back_from_a_day_that_only_describes_a_state_is_the_story(code):
    text = ("COTONOU, 8 déc (Agence) - La vie reprenait lundi à Cotonou, au lendemain d'une tentative de coup "
            "d'État déjouée avec l'appui du Nigeria.\n\nDimanche à l'aube, des militaires avaient pris le contrôle "
            "de la télévision publique. Une dizaine de personnes ont été interpellées, selon une source "
            "gouvernementale. Abuja a confirmé dans la soirée que des avions de son armée de l'air "
            "avaient frappé des positions tenues par les mutins près de Cotonou.\n\n{}")
    got = code(text.format(""), published="2025-12-08")
    assert {m.date.start for m in _by_event(got, "ASSAULT")} == {"2025-12-07"}
    # what is told in the present is the report's day
    got = code(text.format("Le gouvernement béninois accuse des officiers radiés d'avoir fomenté le putsch."),
               published="2025-12-08")
    [m] = [m for m in _by_event(got, "ACCUSE") if m.evidence[0].trigger == "accuse"]
    assert m.date.start == "2025-12-08"


def test_the_time_of_what_is_promised_is_not_the_promise_s(code):
    got = code("Le Premier ministre éthiopien et le président somalien se sont engagés à ouvrir, au plus tard fin "
               "février, des négociations sur un accès de l'Éthiopie à la mer.", published="2024-12-12")
    promises = [m for m in got.mentions if m.event in ("AGREE", "SUPPORT")]
    assert promises and all(m.date.start == "2024-12-12" for m in promises)


@pytest.mark.parametrize("byline", ["Par notre correspondant à Niamey", "De notre envoyée spéciale à Niamey"])
def test_a_byline_saying_where_it_is_filed_from_is_the_dateline(code, byline):
    got = code(f"{byline}\n\nLe gouvernement nigérien a suspendu mardi les activités des partis politiques, selon "
               "un décret lu à la télévision publique.", published="2024-03-14")
    [m] = _by_event(got, "COERCE")
    assert m.location is not None and m.location.name == "Niamey"



def test_a_meeting_told_far_below_the_dateline_is_where_the_dispatch_is_filed(code):
    got = code("Pékin, 5 septembre (Agence) - Le président chinois a annoncé jeudi que la Chine mettrait à la "
               "disposition de l'Afrique 50 milliards de dollars au cours des trois prochaines années, lors de "
               "l'ouverture du sommet sino-africain.\n\nPlus de la moitié de cette somme prendra la forme de lignes "
               "de crédit, a précisé le dirigeant devant une cinquantaine de chefs d'État africains.\n\nLe dirigeant "
               "chinois a également proposé une exemption de droits de douane pour 33 pays africains.\n\nEn marge du "
               "sommet, le président chinois a multiplié depuis lundi les entretiens bilatéraux, recevant notamment "
               "le président nigérian Bola Tinubu.", published="2024-09-05")
    [m] = [m for m in _by_event(got, "CONSULT") if m.evidence[0].trigger == "recevant"]
    assert m.location is not None and m.location.name == "Pékin"


def test_a_dispatch_filed_abroad_does_not_place_acts_done_at_home(code):
    got = code("DAKAR, 5 juin (APS) - Le gouvernement malien a suspendu mardi les activités des partis politiques "
               "jusqu'à nouvel ordre, selon un décret lu à la télévision nationale malienne.\n\nLes partis dénoncent "
               "une mesure liberticide et annoncent des recours.\n\nLe même jour, la junte malienne a aussi interdit "
               "aux médias de couvrir les activités politiques.", published="2024-06-05")
    acts = _by_event(got, "COERCE")
    assert acts and all(m.location is None or m.location.name != "Dakar" for m in acts)


def test_the_time_of_what_is_alleged_is_not_the_accusation_s(code):
    got = code("Devant la Cour internationale de justice, le Soudan a accusé les Émirats arabes unis d'avoir "
               "laissé transiter des combattants par leur territoire en 2023.", published="2025-04-10")
    [m] = [m for m in _by_event(got, "ACCUSE")]
    assert not (m.date.start or "").startswith("2023")


@pytest.mark.parametrize("text,published,name,country", [
    # a province named after its noun
    ("Des jihadistes ont attaqué jeudi un convoi de l'armée mozambicaine dans la province de "
     "Cabo Delgado, selon la police.", "2024-05-11", "Cabo Delgado", "MOZ"),
    # a town near which it happened is more than the region that situates it
    ("Jeudi, des hommes armés ont incendié plusieurs camions-citernes près de Bougouni, dans la région "
     "de Sikasso, selon des chauffeurs.", "2025-10-04", "Bougouni", "MLI"),
    # a region the tagger takes for a common noun, after its division noun
    ("Des jihadistes de Boko Haram ont attaqué mardi un village dans la région de l'Extrême-Nord du Cameroun.",
     "2024-10-02", "Extrême-Nord", "CMR"),
    ("Des séparatistes ont attaqué mardi un poste de gendarmerie dans la région du Sud-Ouest, au Cameroun.",
     "2024-10-02", "Sud-Ouest", "CMR"),
])
def test_an_attack_is_placed_in_the_town_or_region_its_sentence_names(code, text, published, name, country):
    [m] = _by_event(code(text, published=published), "ASSAULT")
    assert m.location is not None and (m.location.name, m.location.country) == (name, country)



def test_a_sentence_opening_on_where_it_happens_is_no_dateline(code):
    got = code("Le gouvernement malien a suspendu lundi les activités des partis politiques.\n\n"
               "La mesure a été vivement critiquée par plusieurs responsables de l'opposition.\n\n"
               "À Ségou, des militants avaient manifesté samedi contre la junte.", published="2025-03-10")
    [m] = _by_event(got, "COERCE")
    assert m.location is None
    [p] = _by_event(got, "PROTEST")
    assert p.location.name == "Ségou" and p.date.start == "2025-03-08"


def test_the_lead_s_day_is_the_one_its_main_verb_names(code):
    # "samedi" is the day of the stop on the way; the story is on "hier"
    got = code("Le président ghanéen John Mahama poursuit sa tournée régionale. Après une étape à Lomé samedi, il a été "
               "reçu hier à Cotonou par le président Patrice Talon.", published="2025-03-10")
    assert {m.date.start for m in _by_event(got, "CONSULT")} == {"2025-03-09"}


def test_a_surname_a_group_also_bears_is_part_of_a_person_s_name(code):
    got = code("Les ministres Thérèse Kayikwamba Wagner et Olivier Nduhungirehe ont signé l'accord de paix à "
               "Washington.", published="2025-06-28")
    assert "RUS" not in {p.code for m in got.mentions for p in m.actor + m.recipient}


def test_a_header_line_naming_the_outlet_then_the_town_is_the_dateline(code):
    got = code("Le Courrier de l'Oubangui – Bangui, samedi 18 janvier 2025\n\n"
               "Retour de Moscou : le président Touadéra salue une visite « fructueuse »\n\n"
               "Le président centrafricain a regagné Bangui vendredi au terme d'une visite de quatre jours en Russie. "
               "Jeudi, au Kremlin, il s'est entretenu avec Vladimir Poutine.\n\n"
               "Un accord minier a également été signé par les ministres des deux pays.", published="2025-01-18")
    said, signed = _by_event(got, "SUPPORT")
    # the headline's act, said at home the day he came back
    assert (said.location.name, said.date.start) == ("Bangui", "2025-01-17")
    # not the agreement signed the day before, far from the dateline
    assert signed.date.start == "2025-01-16" and signed.location.name != "Bangui"


@pytest.mark.parametrize("text,ahead", [
    ("Elles s'engagent à ouvrir, au plus tard fin février, des négociations.", True),  # a deadline
    ("Les négociations se sont ouvertes fin février.", False),
])
def test_a_deadline_is_a_day_to_come(resources, text, ahead):
    from kibaru.event_dates import starts_ahead
    lr = resources.lang["fr"]
    sent = next(resources.pipeline("fr")(text).sents)
    [found] = lr.time.find(sent.text)
    assert starts_ahead(sent, found, lr) is ahead


def test_what_the_thing_signed_provides_for_is_not_the_signing_s_status(code):
    got = code("La crise remonte au 1er janvier, lorsque l'Éthiopie avait signé un protocole d'accord avec le Soudan, "
               "prévoyant la location d'une façade maritime.", published="2024-12-12")
    [m] = _by_event(got, "SUPPORT")
    assert m.status == "occurred" and m.date.start == "2024-01-01"
