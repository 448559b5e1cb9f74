"""The event coder on sentences written for these tests (French and English).

Each case states what a careful analyst codes: category, actor and recipient codes, status.
"""
import pytest

pytestmark = pytest.mark.slow


def events(result):
    return [(m.event, tuple(sorted(p.code for p in m.actor if p.code)),
             tuple(sorted(p.code for p in m.recipient if p.code)), m.status) for m in result.mentions]


CASES = [
    # visits: the visitor is the actor, the host the recipient
    ("Le ministre nigérien des Affaires étrangères, Bakary Yaou Sangaré, a effectué mardi une visite officielle à Moscou.",
     "fr", ("CONSULT", ("NER",), ("RUS",), "occurred")),
    ("Le président ghanéen a reçu lundi à Accra son homologue togolais.",
     "fr", ("CONSULT", ("TGO",), ("GHA",), "occurred")),
    # aid, with the giver as subject and the receiver as indirect object
    ("La Chine a offert 5 000 tonnes de riz au Niger la semaine dernière.",
     "fr", ("AID", ("CHN",), ("NER",), "occurred")),
    # compound subject, agreement
    ("Le Burkina Faso et le Niger ont signé un accord de défense à Niamey.",
     "fr", None),
    # planned meeting
    ("Le président sénégalais se rendra à Paris le mois prochain.",
     "fr", ("CONSULT", ("SEN",), ("FRA",), "planned")),
    # negation
    ("Les autorités maliennes n'ont pas expulsé l'ambassadeur de France.",
     "fr", ("SANCTION", ("MLI",), ("FRA",), "negated")),
    ("Nigeria failed to support Benin during the border crisis, the minister said on Monday.",
     "en", ("SUPPORT", ("NGA",), ("BEN",), "negated")),
    # English
    ("Russian President Vladimir Putin met his Malian counterpart in Moscow on Monday.",
     "en", ("CONSULT", ("MLI", "RUS"), None, "occurred")),
    ("The European Union imposed new sanctions on Russia on Friday.",
     "en", ("SANCTION", ("IGO:EU",), ("RUS",), "occurred")),
    # saying one will expel is a threat to expel (PLOVER THREATEN, mode expel)
    ("Niger will expel the French ambassador, the junta said.",
     "en", ("THREATEN", ("NER",), ("FRA",), "occurred")),
    # the future of a reported past ("a annoncé qu'il se rendrait", "said it would") is planned
    ("Le président ghanéen a annoncé lundi qu'il se rendrait au Togo.",
     "fr", ("CONSULT", ("GHA",), ("TGO",), "planned")),
    # (a compound verb's conditional on its root's irregular stem: "s'entretiendrait")
    ("Le président américain a annoncé samedi qu'il s'entretiendrait lundi avec le président russe.",
     "fr", ("CONSULT", ("USA",), ("RUS",), "planned")),
    ("Japan said on Monday it would provide food aid to Chad.",
     "en", ("AID", ("JPN",), ("TCD",), "planned")),
    # whoever is asked to act is the subject of the demanded clause
    ("Ghanaian officials demanded on Monday that Togo reopen the border.",
     "en", ("REQUEST", ("GHA",), ("TGO",), "occurred")),
    # an ethnic group is not the country of the same name: an internal event
    ("Serbian police arrested two ethnic Hungarians in northern Serbia on Friday.",
     "en", ("COERCE", ("SRB",), (), "occurred")),
]


@pytest.mark.parametrize("text,lang,expected", CASES)
def test_sentence(code, text, lang, expected):
    got = events(code(text, lang=lang))
    if expected is None:
        assert any(e[0] in ("AGREE", "SUPPORT", "COOPERATE") and set(e[1]) | set(e[2]) == {"BFA", "NER"} for e in got), got
        return
    cat, actor, recipient, status = expected
    if recipient is None:  # symmetric meeting: participants in any role
        assert any(e[0] == cat and set(e[1]) | set(e[2]) == set(actor) and e[3] == status for e in got), got
    else:
        assert (cat, actor, recipient, status) in got, got


def test_background_list_is_not_many_events_today(code):
    text = ("Depuis 2023, les deux pays ont multiplié les échanges : visites ministérielles, sommets, "
            "mémorandums et exercices militaires. Le Mali et la Turquie ont signé lundi un accord à Ankara.")
    r = code(text, lang="fr", published="2025-03-10")
    dated_today = [m for m in r.mentions if m.date.start == "2025-03-10" and m.date.precision == "day"]
    assert len(dated_today) <= 1


def test_evidence_points_to_the_sentence(code):
    text = "Le Mali a rappelé son ambassadeur à Alger. Le Niger a fait de même mardi."
    r = code(text, lang="fr")
    for m in r.mentions:
        ev = m.evidence[0]
        assert r.article.text[ev.start:ev.end] == ev.sentence
        assert ev.trigger in ev.sentence


def test_quantities_attached_to_aid(code):
    r = code("Les États-Unis ont accordé au Niger une aide de 12 millions de dollars.", lang="fr")
    aid = [m for m in r.mentions if m.event == "AID"]
    assert aid and (12_000_000, "USD") in [(q.value, q.unit) for q in aid[0].quantities]


def test_quote_speaker_resolved(code):
    r = code("« Nous ne céderons à aucune pression », a déclaré le ministre burkinabè de la Défense.", lang="fr")
    assert [(q.speaker_code, q.text) for q in r.quotes] == [("BFA", "Nous ne céderons à aucune pression")]


def test_missing_side_is_the_article_counterpart(code):
    """A two-sided event with one side named takes the other from who the article is about;
    a joint act of two countries gets no invented recipient."""
    text = ("Bamako accuse Paris de soutenir des groupes armés\n\n"
            "Le gouvernement malien a accusé mardi la France de livrer des armes à des groupes armés "
            "dans le nord du Mali. La France a rejeté ces accusations mercredi.\n\n"
            "Le Mali et la France ont signé jeudi un accord de coopération militaire.")
    got = events(code(text))
    assert ("REJECT", ("FRA",), ("MLI",), "occurred") in got
    joint = [e for e in got if e[1] == ("FRA", "MLI")]
    assert joint and all(e[2] == () for e in joint)


def test_what_an_accusation_alleges_is_not_an_event(code):
    """"accuse X de soutenir des groupes armés": one ACCUSE; the alleged support is its content."""
    got = events(code("Le gouvernement malien accuse l'Algérie de soutenir des groupes armés et de livrer "
                      "des armes aux rebelles."))
    assert [e[0] for e in got] == ["ACCUSE"] and got[0][1:3] == (("MLI",), ("DZA",))


@pytest.mark.parametrize("text, expected", [
    # "à l'issue du sommet de l'Alliance" says when, not with whom
    ("Les présidents du Tchad et du Niger ont signé un accord de défense à l'issue du sommet de la CEDEAO.",
     ("SUPPORT", ("NER", "TCD"), ())),
    # the treaty signed names the alliance it creates: no recipient
    ("Le Burkina Faso, le Mali et le Niger ont signé samedi le traité instituant l'Alliance des États du Sahel (AES).",
     ("SUPPORT", ("BFA", "MLI", "NER"), ())),
    # an armed group attacking a place of its own country: rebels against the state
    ("Le JNIM a attaqué le camp militaire de Kati, près de Bamako.",
     ("ASSAULT", ("MLI",), ("MLI",))),
    # whoever obtained the departure is the other party of it
    ("La junte nigérienne a obtenu le départ des troupes françaises.",
     ("RETREAT", ("FRA",), ("NER",))),
    # "les trois pays" stands for the three countries listed before ("du X, du Y et du Z")
    ("Les chefs d'état-major du Tchad, du Niger et du Bénin se sont réunis lundi. "
     "Les trois pays ont ensuite rappelé leurs ambassadeurs en poste à Paris.",
     ("SANCTION", ("BEN", "NER", "TCD"), ("FRA",))),
    # …or for the members of a bloc of three named before
    ("L'Alliance des États du Sahel a tenu son sommet à Niamey. "
     "Les trois États ont ensuite rappelé leurs ambassadeurs en poste à Alger.",
     ("SANCTION", ("BFA", "MLI", "NER"), ("DZA",))),
    # a definite noun repeats the nationality it had ("les soldats nigérians … ces soldats");
    # an arrest told without its agent is the state's where it happened
    ("Le Bénin a remis en liberté lundi les douze soldats nigérians. Ces soldats avaient été "
     "arrêtés en juin à Cotonou.", ("COERCE", ("BEN",), ("NGA",))),
    # …and a number of them too ("trois soldats" of the twelve)
    ("Les douze soldats nigérians sont rentrés lundi à Abuja. Trois soldats avaient été "
     "arrêtés en juin à Cotonou.", ("COERCE", ("BEN",), ("NGA",))),
    # a participle with its agent and its day is an event of its own
    ("Le président togolais a gracié les cinq journalistes béninois condamnés le 4 mai par le tribunal de Lomé.",
     ("SANCTION", ("TGO",), ("BEN",))),
    # a denial answers the accusation made against its actor just before
    ("Le Niger accuse le Bénin d'héberger des bases étrangères. Cotonou a démenti mardi.",
     ("REJECT", ("BEN",), ("NER",))),
    # the other party of what is denounced, named in the participle that describes it
    ("Le gouvernement guinéen dénonce le soutien apporté par le Libéria aux rebelles.",
     ("ACCUSE", ("GIN",), ("LBR",))),
    # announcing money for a country is a pledge (PLOVER AGREE)
    ("L'Union européenne a annoncé une enveloppe de 40 millions d'euros en faveur du Tchad.",
     ("AGREE", ("IGO:EU",), ("TCD",))),
    # the dateline city is where the dispatch was filed, no party; the other party is named in
    # the relative clause under the object's complement
    ("LOMÉ, 3 mars (Test Presse) — Les dirigeants ouest-africains ont levé samedi la plupart des "
     "sanctions qu'ils avaient imposées au Burkina Faso.", ("CONCEDE", ("IGO:ECOWAS",), ("BFA",))),
    # "X a dénoncé A et annoncé le rappel de son ambassadeur": X recalls
    ("Le gouvernement guinéen a dénoncé mardi ces mesures et annoncé le rappel de son ambassadeur "
     "en Sierra Leone.", ("SANCTION", ("GIN",), ("SLE",))),
    # "le gouvernement" without a nationality is the home country's
    ("Lomé accuse Accra et quitte le comité frontalier\n\n"
     "Le gouvernement a annoncé lundi la convocation de l'ambassadeur du Ghana.", ("ACCUSE", ("TGO",), ("GHA",))),
    # an armed group's unnamed target is its own country's state, not another country named
    ("Le Nigeria et la Russie ont signé un accord militaire en janvier. La Russie livrera des hélicoptères.\n\n"
     "Des combattants de Boko Haram ont attaqué mardi un poste militaire isolé.", ("ASSAULT", ("NGA",), ("NGA",))),
    # "à l'issue du sommet de l'Alliance": the summit is an event too, of the bloc's members
    ("Le Togo et le Bénin ont signé samedi un accord à l'issue du sommet de l'Alliance des États du Sahel.",
     ("CONSULT", ("BFA", "MLI", "NER"), ())),
    # "Réunis à Abuja, les chefs d'État de l'organisation…": a meeting of the bloc, no host
    ("La CEDEAO a menacé le Niger. Réunis lundi dans la capitale nigériane, les chefs d'État de "
     "l'organisation ont donné une semaine aux militaires.", ("CONSULT", ("IGO:ECOWAS",), ())),
    # "sa visite l'a conduit en Mauritanie": where the verb of the visit leads is the host
    ("Le président sénégalais a voyagé en avril. Sa première visite officielle l'a conduit en Gambie.",
     ("CONSULT", ("SEN",), ("GMB",))),
    # "Lors de son sommet à Abuja, la CEDEAO…": a fronted phrase's "son" is the subject after it
    ("Le Niger a quitté l'organisation. Lors de son sommet de lundi à Abuja, la CEDEAO a exigé des élections.",
     ("CONSULT", ("IGO:ECOWAS",), ())),
    # "a accueilli en avril des instructeurs russes": the object the parser hung under the month
    ("Le Tchad a accueilli en mars des instructeurs militaires turcs.", ("AID", ("TUR",), ("TCD",))),
    # a surname with its particle ("Mme von der Leyen") is the person named in full before
    ("La présidente de la Commission européenne, Ursula von der Leyen, est arrivée lundi à Dakar. "
     "Mme von der Leyen a annoncé une aide de 30 millions d'euros au Sénégal.", ("AGREE", ("IGO:EU",), ("SEN",))),
    # what hangs after a time word inside the object ("après la diffusion d'une vidéo…") is no party
    ("Le Sénégal a convoqué l'ambassadeur d'Ukraine à Dakar après la diffusion d'une vidéo favorable "
     "à l'attaque contre l'armée malienne.", ("ACCUSE", ("SEN",), ("UKR",))),
    # a nationality describing where ("près de la frontière ghanéenne") is no party; "X-led" is
    ("L'armée togolaise a attaqué lundi un camp de rebelles près de la frontière ghanéenne.",
     ("ASSAULT", ("TGO",), ())),
    ("Japanese-led troops shelled rebel camps near the Laotian border on Monday, officials said.",
     ("ASSAULT", ("JPN",), ())),
    # a subject the parser hung under a fronted phrase, listed with another, and a participle
    # tagged as an adjective ("ont gelé"): both givers freeze their aid, which is no gift
    ("Depuis le coup d'État, le Canada et la Banque mondiale ont gelé leur aide budgétaire au Gabon.",
     ("SANCTION", ("CAN", "IGO:WB"), ("GAB",))),
    # a list of names as subject: each named person is a party (none is another's title)
    ("Le ministre togolais des Affaires étrangères, Robert Dussey, et son homologue béninois, Shegun Bakari, "
     "étaient à Cotonou lundi.\n\nRobert Dussey, Shegun Bakari et Kalla Ankourao ont réaffirmé le soutien "
     "de leurs pays au plan ghanéen.", ("SUPPORT", ("BEN", "TGO"), ("GHA",))),
    # saying another party must act is a demand to it; what it must do is the demand's content
    ("Le Togo a affirmé lundi que le Bénin doit retirer ses troupes de la frontière.",
     ("REQUEST", ("TGO",), ("BEN",))),
    ("The Kenyan foreign minister said on Monday that Uganda must hand over the suspects in the Nairobi bombing.",
     ("REQUEST", ("KEN",), ("UGA",))),
    # a multiword trigger's noun after a quoted insertion ("la dénonciation, « … », de l'accord")
    ("Le gouvernement togolais a annoncé mardi la dénonciation, « avec effet immédiat », de l'accord "
     "de pêche conclu avec le Ghana en 2019.", ("SANCTION", ("TGO",), ())),
    # bases handed back: their nationality is the one who hands them back, even in the passive
    ("Les dernières emprises militaires françaises avaient été restituées en mars au Sénégal.",
     ("RETREAT", ("FRA",), ("SEN",))),
    # an offer: the party helped in what is offered is the other party ("prêt à envoyer… pour aider X")
    ("Le Maroc s'est dit prêt à envoyer des médecins pour aider la Mauritanie.", ("AGREE", ("MAR",), ("MRT",))),
    ("Canada is willing to send engineers to help rebuild Haiti, the foreign minister said on Monday.",
     ("AGREE", ("CAN",), ("HTI",))),
    # who claims an attack made it; what the attack aimed at is its target
    ("L'attaque a été revendiquée mardi soir par Boko Haram.", ("ASSAULT", ("NGA",), ("NGA",))),
    ("Lundi, l'attaque qui a visé la capitale burkinabè a fait douze morts.", ("ASSAULT", (), ("BFA",))),
    # an infinitive the parser hung on a noun is still the verb of what was announced
    ("Quelques jours plus tard, le Sénégal annonçait à son tour mettre fin à l'accord de pêche qui le liait au Japon.",
     ("SANCTION", ("SEN",), ("JPN",))),
    # the country named after a force's nationality is the one it leaves
    ("Deux jours après le départ du dernier soldat danois du Tchad, N'Djamena a rappelé son ambassadeur.",
     ("RETREAT", ("DNK",), ("TCD",))),
    # agreeing to do something is an agreement even with no other party; offering force is a threat
    ("The Gabonese president agreed on Monday to resign, his spokesman said.", ("AGREE", ("GAB",), ())),
    ("Le gouvernement tchadien s'est dit prêt à frapper les bases rebelles en Libye.", ("THREATEN", ("TCD",), ("LBY",))),
    # "l'initiative royale": the crown of the home country (a Rabat dateline)
    ("Rabat, 3 mars 2025\n\nLes ministres du Sénégal et de la Gambie ont salué mardi l'initiative royale "
     "pour l'accès à l'Atlantique.", ("SUPPORT", ("GMB", "SEN"), ("MAR",))),
    # a blockade of X is against X
    ("The blockade of Qatar by its Gulf neighbours entered its third year on Monday.", ("COERCE", (), ("QAT",))),
    # Northern Ireland is in the United Kingdom
    ("Police in Northern Ireland arrested two men on Friday, the British government said.", ("COERCE", ("GBR",), ())),
    # a protest is against the state or body named in what it is for, not people of a nationality
    ("Farmers in Nairobi blocked a road on Monday to show their anger at the Ugandan government's new tariffs.",
     ("PROTEST", ("KEN",), ("UGA",))),
    ("Students in Accra blocked a road on Monday to protest the arrival of Chinese miners.", ("PROTEST", ("GHA",), ())),
    # people marching where they are, in defiance of a state: the people of the place against it
    ("Thousands of people blocked streets in Abidjan on Monday in defiance of the French authorities.",
     ("PROTEST", ("CIV",), ("FRA",))),
    # the party acted on is the first one named in the phrase, with those listed with it
    ("Israel is opposed to French mediation in peace negotiations with Syria, an aide said on Wednesday.",
     ("REJECT", ("ISR",), ("FRA",))),
    ("Le Togo a rejeté lundi les accusations du Mali, du Niger et du Burkina Faso.",
     ("REJECT", ("TGO",), ("BFA", "MLI", "NER"))),
    ("The United States vetoed a Security Council resolution condemning its raid on the Cuban embassy in Panama.",
     ("REJECT", ("USA",), ("IGO:UN",))),
    # the city of a fronted circumstance is where a demand is made, not whom it is made to
    ("Le Tchad a quitté l'organisation. Lors de son sommet de lundi à Libreville, la CEEAC a exigé des élections.",
     ("REQUEST", ("IGO:ECCAS",), ())),
    # a threat is made to whoever must meet its condition; the condition is no event of its own
    ("Le Tchad menace de quitter l'organisation à moins que la CEEAC lève ses sanctions.",
     ("THREATEN", ("TCD",), ("IGO:ECCAS",))),
    ("Farmers in northern Kenya threatened on Monday to block the roads unless Ethiopia reopened the border.",
     ("THREATEN", ("KEN",), ("ETH",))),
    # attackers left unnamed are of the place where they struck, named through a place noun too
    ("Two Kenyan soldiers were killed by a roadside bomb outside the Somali town of Kismayo.",
     ("ASSAULT", ("SOM",), ("KEN",))),
    ("Trois soldats ont été tués mardi dans une embuscade près de Ménaka.", ("ASSAULT", ("MLI",), ())),
    # people named as the other party ("des manifestants") borrow no foreign country
    ("Le Sénégal et la France ont signé un accord de défense en 2024.\n\n"
     "La police sénégalaise a arrêté mardi à Dakar une vingtaine de manifestants.", ("COERCE", ("SEN",), ())),
    # -- despite parse errors
    # a participle opening the sentence, made the root by the parser: its subject is the conjunct's
    ("Arrêtés le 10 juillet à l'aéroport de Bamako, les soldats ivoiriens ont été accusés par les "
     "autorités maliennes d'être des mercenaires.", ("COERCE", ("MLI",), ("CIV",))),
    # a multiword trigger whose object the parser hung elsewhere, after an insertion
    ("Le Niger a décidé de rompre, avec effet immédiat, les relations diplomatiques avec l'Ukraine.",
     ("SANCTION", ("NER",), ("UKR",))),
    # a gerund is an event of the main subject
    ("Bamako a répliqué dans la soirée en fermant à son tour son espace aérien aux avions algériens.",
     ("SANCTION", ("MLI",), ("DZA",))),
    # "convenir" takes être: its subject is the actor, not a passive patient
    ("Les ministres marocain et malien étaient convenus de créer une commission mixte.",
     ("AGREE", ("MAR", "MLI"), ())),
    # an object after an inserted time phrase, hung as a bare oblique; the organisation that
    # says who the members are is not a participant
    ("Le roi du Maroc a reçu, jeudi au palais royal, les ministres de la Défense du Mali et du Niger, pays "
     "membres de la Confédération des États du Sahel (AES).", ("CONSULT", ("MLI", "NER"), ("MAR",))),
    ("Le président ghanéen a reçu, lundi, les ministres de la Défense du Mali et du Niger.",
     ("CONSULT", ("MLI", "NER"), ("GHA",))),
    # ending a cooperation with someone sanctions them
    ("Le Tchad a annoncé la fin de sa coopération sécuritaire avec la France.", ("SANCTION", ("TCD",), ("FRA",))),
    # a pronoun subject is the subject of the verb that reports the clause
    ("Le Tchad a indiqué qu'il avait libéré trois soldats soudanais.", ("RETREAT", ("TCD",), ("SDN",))),
])
def test_participants_by_general_rules(code, text, expected):
    got = [e[:3] for e in events(code(text, published="2025-09-10"))]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    # who a body gathers ("qui réunit le Togo, le Bénin…") and why envoys are recalled are no meetings
    "Le Togo a quitté le Conseil de l'Entente, qui réunit la Côte d'Ivoire, le Bénin, le Niger et le Burkina Faso.",
    "Le Gabon a décidé mardi le rappel, pour consultations, de son ambassadeur au Cameroun.",
    "Niger recalled its ambassador to Paris for consultations on Monday.",
    # what a protest is for is no demand of its own, nor made by the authorities it defies
    "Thousands of people blocked streets in Lagos in defiance of the Nigerian police to demand lower fuel prices.",
    # what an acted-on demand or offer wants is no event of its own
    "Ghana said it would not meet kidnappers demands to release prisoners in Togo, including two women.",
    # weapons of mass destruction are no attack
    "Le ministre irakien a de nouveau nié mardi détenir des armes de destruction massive.",
    # a letter or a notification received is no visit
    "Le président ivoirien a annoncé mardi avoir reçu une lettre de son homologue ghanéen, John Mahama.",
    "The African Union said it had yet to receive formal notification from Gabon of its decision.",
    # a document an agency has read is no meeting, whichever way the parser hangs it
    "Le gouvernement burkinabè a déclaré persona non grata trois diplomates, selon une note verbale du "
    "ministère des Affaires étrangères datée de mardi et consultée jeudi par l'agence.",
])
def test_shapes_that_tell_no_event(code, text):
    lang = "en" if text.startswith(("Niger recalled", "The African", "Thousands", "Ghana said")) else "fr"
    assert not [e for e in events(code(text, lang=lang, published="2025-09-10")) if e[0] in ("CONSULT", "ASSAULT", "REQUEST", "RETREAT")]


@pytest.mark.parametrize("text", [
    "Le Mali estime qu'il doit défendre sa souveraineté face aux pressions.",
    "The Ghanaian government said on Monday it must protect its farmers from cheap imports.",
])
def test_an_obligation_of_ones_own_is_no_demand(code, text):
    assert not [e for e in events(code(text, published="2025-09-10")) if e[0] == "REQUEST"]


def _dates(result):
    return {(m.event, m.date.start, m.date.precision) for m in result.mentions}


def test_event_dates_follow_the_clause(code):
    """Which day an event gets when its sentence names none, or names another noun's day."""
    text = ("Bamako gracie des soldats étrangers\n\n"
            "Les soldats avaient été arrêtés le 10 juillet 2022 à Bamako. Trois d'entre eux avaient été "
            "libérés le 3 septembre 2022.\n\n"
            "Le gouvernement malien salue la médiation du Togo dans ce dossier.\n\n"
            "Le 25 août, les autorités nigériennes issues du coup d'État du 26 juillet ont refusé "
            "de recevoir l'ambassadeur de France.")
    got = _dates(code(text, published="2023-01-06"))
    # a statement in the present, after background days months old: the day it is reported
    assert ("SUPPORT", "2023-01-06", "day") in got
    # "le coup d'État du 26 juillet" dates the coup, not the refusal
    assert ("REJECT", "2022-08-25", "day") in got


def test_locations_country_and_abbreviated_dateline(code):
    """A visit to a country with no city named is located in that country; an abbreviated
    dateline ("ST PETERSBURG") still finds its city."""
    got = code("Le ministre russe des Affaires étrangères est attendu en Mauritanie la semaine prochaine.")
    assert [(m.location.name, m.location.country) for m in got.mentions if m.event == "CONSULT"] == [("Mauritanie", "MRT")]
    got = code("Putin hosts African leaders\n\nST PETERSBURG, July 27 (Wire) - President Vladimir Putin met "
               "African leaders on Thursday at a summit.", lang="en", published="2023-07-27")
    locs = {m.location.name for m in got.mentions if m.event == "CONSULT" and m.location}
    assert locs and all(m.location.geonameid for m in got.mentions if m.event == "CONSULT" and m.location)


def test_a_day_ahead_is_not_the_storys_day(code):
    """"est attendu dimanche": a planned day does not move the story; "quelques heures plus
    tard" is the day the story is on (Thursday here), not the publication day."""
    got = code("Le Ghana a annoncé jeudi la fermeture de sa frontière avec le Togo.\n\n"
               "Le ministre togolais est attendu dimanche à Kara pour une réunion.\n\n"
               "Quelques heures plus tard, le Bénin annonçait à son tour suspendre ses échanges avec le Togo.",
               published="2024-11-29")
    days = {(m.event, tuple(p.code for p in m.actor)): m.date.start for m in got.mentions}
    assert days[("SANCTION", ("GHA",))] == "2024-11-28"
    assert days[("SANCTION", ("BEN",))] == "2024-11-28"


def test_a_place_named_through_a_place_noun_is_where(code):
    """"outside the town of Kismayo", "dans la ville de Gao": the name after a place noun that
    is where something happens is the event's place."""
    got = code("Two Kenyan soldiers were killed by a roadside bomb outside the town of Kismayo.", lang="en",
               published="2025-09-10")
    assert [m.location.name for m in got.mentions if m.event == "ASSAULT"] == ["Kismayo"]
    got = code("Deux soldats ont été tués lundi par une mine dans la ville de Gao.", published="2025-09-10")
    assert [m.location.name for m in got.mentions if m.event == "ASSAULT"] == ["Gao"]


def test_a_place_no_gazetteer_lists_is_kept_by_its_name(code):
    """A camp or a border post GeoNames does not list is still the event's place, by name, in
    the country of the place the sentence names, with no GeoNames id; a name a verb takes
    ("lié à Al-Qaïda") is no place."""
    got = code("L'armée française a rétrocédé en février sa base de Port-Bouët à la Côte d'Ivoire.", published="2025-09-10")
    locs = [m.location for m in got.mentions if m.event == "RETREAT"]
    assert [(p.name, p.country, p.geonameid) for p in locs] == [("Port-Bouët", "CIV", None)]
    got = code("L'attaque a été revendiquée par un groupe lié à Al-Qaïda.", published="2025-09-10")
    assert all(m.location is None or m.location.name != "Al-Qaïda" for m in got.mentions)


def test_quotes_short_and_by_pronoun(code):
    """A one-word quotation attributed by a speech verb is a quote; "il" and "le ministre"
    speak for the person named before them."""
    text = ("Niamey rompt avec Kiev\n\n"
            "Le porte-parole du gouvernement nigérien, Amadou Abdramane, a qualifié la décision ukrainienne "
            "de « hostile ».\n\n"
            "« Le Niger ne se laissera pas dicter sa conduite », a-t-il ajouté.\n\n"
            "« Nous avons informé nos partenaires de la région », a précisé le porte-parole.")
    quotes = {q.text: q.speaker_code for q in code(text).quotes}
    assert quotes.get("hostile") == "NER"
    assert quotes.get("Le Niger ne se laissera pas dicter sa conduite") == "NER"
    assert quotes.get("Nous avons informé nos partenaires de la région") == "NER"


def test_saying_one_will_coerce_is_a_threat(code):
    """A coercive act announced with a future verb is a THREATEN; a decision announced by its
    noun, even taking effect later, is the act itself."""
    got = [e[0] for e in events(code("Niger's junta will impose a curfew on Niamey, the army said.", lang="en"))]
    assert "THREATEN" in got and "COERCE" not in got
    got = [e[0] for e in events(code("L'Algérie a annoncé la fermeture de son espace aérien aux avions maliens "
                                     "à compter de mardi."))]
    assert "SANCTION" in got and "THREATEN" not in got


def test_the_content_of_a_demand_is_not_an_event(code):
    """"called for sanctions against Mali": one REQUEST, not a SANCTION too."""
    got = [e[0] for e in events(code("Nigeria called for sanctions against Mali's junta on Monday.", lang="en"))]
    assert got == ["REQUEST"]
    got = [e[0] for e in events(code("Chad demanded a meeting of the Security Council to discuss the border clashes.",
                                     lang="en"))]
    assert got == ["REQUEST"]


def test_a_participle_describing_a_noun_is_no_event(code):
    """"une solution négociée": a kind of solution, not a negotiation that took place."""
    got = [e[0] for e in events(code("La CEDEAO se dit prête à rechercher une solution négociée à la crise malienne."))]
    assert "CONSULT" not in got


def test_nominal_uses_of_triggers_are_no_events(code):
    """"invasion forces" is a kind of force; "the wounded" are people, not a wounding."""
    got = [e[0] for e in events(code("UN helicopters evacuated the wounded from the besieged town, while the "
                                     "invasion forces stayed in their barracks.", lang="en"))]
    assert "ASSAULT" not in got


def test_an_undated_statement_after_weeks_old_background_is_dated_on_publication(code):
    text = ("ECOWAS lifts sanctions on Niger\n\n"
            "Burkina Faso, Mali and Niger announced on January 28 that they were leaving the bloc.\n\n"
            "ECOWAS urged the three juntas to reconsider their decision.\n\n"
            "Niger had recalled its ambassador to Nigeria.")
    result = code(text, lang="en", published="2024-02-24")
    assert ("REQUEST", "2024-02-24", "day") in _dates(result)
    # a pluperfect is set in the story's past: it does not take the publication day
    recalled = [m for m in result.mentions if m.event == "SANCTION" and {p.code for p in m.recipient} == {"NGA"}]
    assert recalled and all(m.date.start != "2024-02-24" for m in recalled)


def _places(result):
    return {(m.event, (m.location.name if m.location else None)) for m in result.mentions}


def test_an_event_at_that_occasion_takes_the_day_and_place_of_the_one_before(code):
    text = ("Le 12 mars, le Premier ministre guinéen a été reçu à Dakar par le président sénégalais. "
            "Les deux pays ont signé à cette occasion un accord de coopération militaire.")
    got = code(text, published="2025-04-02")
    signed = [m for m in got.mentions if m.event in ("SUPPORT", "AGREE", "COOPERATE")]
    assert signed and signed[0].date.start == "2025-03-12" and signed[0].location.name == "Dakar"


def test_the_evening_of_the_day_told(code):
    """"Dans la soirée" is the evening of the day the narrative is on, else of publication."""
    text = ("Lundi, la Guinée a fermé sa frontière avec la Sierra Leone. "
            "Dans la soirée, Freetown a dénoncé une décision unilatérale.")
    got = code(text, published="2025-06-05")  # a Thursday: "lundi" is 2 June
    assert ("ACCUSE", "2025-06-02", "day") in _dates(got)
    alone = code("Dans la soirée, le gouvernement togolais a condamné l'attaque contre le Bénin.",
                 published="2025-06-05")
    assert ("ACCUSE", "2025-06-05", "day") in _dates(alone)


def test_places_from_the_headline_and_none_from_a_speaking_capital(code):
    # "Bamako accuse Ouagadougou": who speaks, not where (see test_when_where's seat of power)
    text = ("Attaque jihadiste à Ouagadougou\n\n"
            "Des hommes armés ont attaqué mardi un poste de police du Burkina Faso. "
            "Le Burkina Faso accuse le Mali de laisser passer les assaillants.\n\n"
            "Bamako accuse Ouagadougou de propager de fausses informations.")
    got = _places(code(text, published="2025-06-05"))
    assert ("ASSAULT", "Ouagadougou") in got
    assert ("ACCUSE", "Bamako") not in got


def test_the_day_of_the_main_clause_carries_the_story_on(code):
    """The narrative's day is the main verb's ("ont annoncé dimanche…"), not a day told in a
    subordinate phrase; a weekday that starts something ("à compter de mardi") is to come."""
    text = ("Le Togo et le Bénin avaient annoncé dimanche le rappel de leurs ambassadeurs, après "
            "l'incident frontalier du 2 mars.\n\n"
            "Le Bénin a aussi annoncé la fermeture de sa frontière avec le Togo à compter de mardi.\n\n"
            "Lomé accuse Cotonou de provocations.")
    got = _dates(code(text, published="2025-03-10"))  # a Monday: "dimanche" is 9 March
    assert ("ACCUSE", "2025-03-09", "day") in got


def test_a_communique_decision_is_dated_on_its_day(code):
    got = _dates(code("Le gouvernement guinéen décide de rompre ses relations diplomatiques avec le Libéria.",
                      published="2025-03-10"))
    assert ("SANCTION", "2025-03-10", "day") in got


def test_a_participle_s_day_is_not_the_main_verb_s(code):
    got = _dates(code("Le président togolais a gracié lundi les journalistes béninois condamnés le 4 mai "
                      "par le tribunal de Lomé.", published="2025-09-10"))
    assert ("CONCEDE", "2025-09-08", "day") in got and ("SANCTION", "2025-05-04", "day") in got


def test_an_event_dated_from_another_one(code):
    """"au lendemain de X": X happened the day before the sentence's own event."""
    got = _dates(code("Le Tchad a rappelé lundi son ambassadeur à Khartoum, au lendemain d'une attaque de "
                      "l'armée soudanaise contre un poste frontalier tchadien.", published="2025-03-11"))
    assert ("SANCTION", "2025-03-10", "day") in got and ("ASSAULT", "2025-03-09", "day") in got, got


def test_an_idiom_marked_as_no_event_is_none(code):
    """Lexicon rows of category NONE: "s'appuyer sur" is to rely on, not to support."""
    assert [e for e in events(code("Le Togo s'appuie sur les ports du Ghana pour ses importations.")) if e[0] == "SUPPORT"] == []
    assert ("SUPPORT", ("TGO",), ("SEN",), "occurred") in events(code("Le Togo appuie la candidature du Sénégal."))


def test_a_protest_is_its_place_s_people_against_whom_it_targets(code):
    got = [e[:3] for e in events(code("Depuis lundi, des manifestations exigeant le départ des soldats français se "
                                      "succèdent devant l'ambassade de France à Ndjamena.", published="2025-09-10"))]
    assert ("PROTEST", ("TCD",), ("FRA",)) in got, got
    assert not any(e[0] == "REQUEST" for e in got), got  # what the protest demands is no other event


def test_the_day_of_an_announcement_is_not_the_day_of_what_it_announces(code):
    got = _dates(code("Le président ghanéen a annoncé lundi qu'il se rendrait au Togo.", published="2025-03-12"))
    assert ("CONSULT", None, "unknown") in got, got


def test_an_act_by_nobody_toward_a_private_person_is_no_event(code):
    got = events(code("Le cinéaste burkinabè Idrissa Ouédraogo a remporté le prix. Le sacre d'Idrissa Ouédraogo "
                      "a été salué par une longue ovation."))
    assert not any(e[0] == "SUPPORT" for e in got), got


def test_a_date_of_another_noun_is_never_the_event_s(code):
    """"les autorités issues du coup d'État du 26 juillet ont expulsé…": not on 26 July."""
    got = _dates(code("Les autorités issues du coup d'État du 26 juillet ont expulsé l'ambassadeur de France.",
                      published="2023-09-05"))
    assert not any(e[0] == "SANCTION" and d == "2023-07-26" for e, d, _ in got), got


def test_what_a_meeting_decides_next_is_decided_where_it_meets(code):
    text = ("Les dirigeants de la CEDEAO se sont réunis dimanche à Abuja en sommet extraordinaire. "
            "L'organisation a décidé la fermeture des frontières avec la Guinée.")
    got = {(m.event, m.location.name if m.location else None) for m in code(text, published="2025-03-10").mentions}
    assert ("SANCTION", "Abuja") in got, got


def test_support_of_one_party_with_nobody_is_no_event(code):
    got = events(code("Le gouvernement nigérien rend hommage aux soldats tombés au combat."))
    assert not any(e[0] == "SUPPORT" for e in got), got
    # …with someone, it is
    assert ("SUPPORT", ("NER",), ("TCD",), "occurred") in events(code("Le Niger salue l'engagement du Tchad."))


@pytest.mark.parametrize("text, lang, event, mode", [
    # an attack's weapon gives its mode
    ("Des hommes armés ont attaqué mardi un poste de police avec une voiture piégée à Niamey.", "fr", "ASSAULT",
     "explosives"),
    ("Un kamikaze a attaqué lundi un marché de Maiduguri.", "fr", "ASSAULT", "suicide-attack"),
    ("Rebels shelled the town of Goma on Sunday.", "en", "ASSAULT", "heavy-weapons"),
    # a demand takes its mode from what it asks
    ("Le Mali demande la tenue d'une réunion d'urgence avec l'Algérie.", "fr", "REQUEST", "meet"),
    ("Le Togo exige la libération des soldats béninois.", "fr", "REQUEST", "yield"),
])
def test_modes_from_the_weapon_or_what_is_asked(code, text, lang, event, mode):
    modes = {m.mode for m in code(text, lang=lang).mentions if m.event == event}
    assert mode in modes, modes


def test_clashes_that_pit_two_sides_are_one_assault_between_them(code):
    got = events(code("De violents affrontements ont opposé lundi l'armée tchadienne aux rebelles soudanais "
                      "près de la frontière."))
    assert any(e[0] == "ASSAULT" and set(e[1]) | set(e[2]) == {"TCD", "SDN"} for e in got), got


@pytest.mark.parametrize("text, mode, actor", [
    ("Le Bénin a fermé sa frontière et expulsé trois diplomates nigériens.", "expel", ["BEN"]),
    ("Le Mali avait accusé l'Algérie et rappelé son ambassadeur.", "withdraw", ["MLI"]),
])
def test_a_participle_sharing_its_verb_s_auxiliary_acts_for_that_verb_s_subject(code, text, mode, actor):
    [m] = [m for m in code(text, published="2024-03-01").mentions if m.mode == mode]
    assert [p.code for p in m.actor] == actor


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # "est arrivé": a past told with "être", which the parser reads as a passive
    ("Le président sénégalais est arrivé lundi à Bamako.", "arrivé", ["SEN"], ["MLI"]),
    # "Il" after a subject named by its nationality is that subject
    ("Le président sénégalais est arrivé lundi à Bamako. Il a rencontré mercredi le chef de la junte malienne.",
     "rencontré", ["SEN"], ["MLI"]),
    # "Il y a rencontré…": "y" made the parser take "il" for the "il" of "il y a"
    ("Le président sénégalais est arrivé lundi à Bamako. Il y a rencontré mercredi le chef de la junte malienne.",
     "rencontré", ["SEN"], ["MLI"]),
    # a passive's pronoun subject is the subject of the sentences before
    ("Le président ghanéen John Mahama poursuit sa tournée régionale. Après une étape à Lomé samedi, il a été reçu "
     "hier à Cotonou par le président Patrice Talon.", "reçu", ["GHA"], ["BEN"]),
])
def test_the_subject_of_a_visit_and_of_what_follows_is_the_visitor(code, text, trigger, actor, recipient):
    [m] = [m for m in code(text, published="2025-03-14").mentions if m.evidence[0].trigger == trigger]
    assert ([p.code for p in m.actor], [p.code for p in m.recipient]) == (actor, recipient)


def test_his_country_is_the_country_of_who_speaks_and_to_come_to_terms_is_done(code):
    # "son pays": the country of the party named just before; "s'étaient entendus" is an agreement
    # reached (told in the past of a statement), not an intention ("entend se rendre")
    got = code("Le ministre soudanais a assuré mercredi que son pays et la Russie s'étaient entendus sur "
               "l'ouverture d'une base navale.", published="2025-02-13")
    [m] = [m for m in got.mentions if m.event == "AGREE"]
    assert {p.code for p in m.actor + m.recipient} == {"SDN", "RUS"}
    assert m.status == "occurred" and m.date.start == "2025-02-12"


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # a town a journey reaches is where, not a party; "Professeur" is a title, not a first name
    ("Le Professeur Faustin-Archange Touadéra a regagné Bangui vendredi, au terme d'une visite de quatre jours "
     "en Russie.", "visite", ["CAF"], ["RUS"]),
    # a place inside the "de" phrase of a visit is where it went, not who visited
    ("Le président centrafricain a achevé vendredi une visite de quatre jours en Russie.", "visite", ["CAF"], ["RUS"]),
    # the town a journey reaches is where the visit is, and whose
    ("Le ministre russe de la Défense a rejoint Bamako dimanche pour une visite de travail.", "visite", ["RUS"], ["MLI"]),
])
def test_a_visit_is_by_the_traveller_to_where_it_goes(code, text, trigger, actor, recipient):
    [m] = [m for m in code(text, published="2025-01-18").mentions if m.evidence[0].trigger == trigger]
    assert ([p.code for p in m.actor], [p.code for p in m.recipient]) == (actor, recipient)


def test_a_name_the_parser_split_is_still_the_subject(code):
    # the parser hangs "Abdourahamane" on the title and makes "Tiani" the subject
    got = code("Samedi, le président nigérien Abdourahamane Tiani a dénoncé les sanctions de la Cédéao.",
               published="2024-07-08")
    [m] = [m for m in got.mentions if m.event == "ACCUSE"]
    assert [p.code for p in m.actor] == ["NER"]
