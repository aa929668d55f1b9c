"""The demo's public cases and spread records (samskapa/demo/showcase.py loads them).

Six projects have a published case in Swedish and English: the texts come from the projects'
innovation profiles (samskapa/demo/projects_data.py, both languages) and the lines below. One
case (23-019-S01) has a newer version waiting for review. The spread records cover every kind
of spread (scaling out, up and deep) and every status.
"""

from __future__ import annotations

# number → what the profile does not hold: English title, how it was co-created and what it
# takes to adopt it (both languages), classification, links and the date of publication.
CASES: dict[str, dict[str, object]] = {
    "23-012-S01": {
        "title_en": "Ways in – co-created pathways to work in Fyrbodal",
        "co_creation": "Deltagare, vägvisare och arbetsgivare prövar varje steg i korta cykler, "
        "och deltagarnas erfarenheter går till styrgruppen varje kvartal.",
        "co_creation_en": "Participants, guides and employers test each step in short cycles, "
        "and the participants' experiences reach the steering group every quarter.",
        "scaling": "En kommun som vill pröva modellen behöver en överenskommelse med "
        "Arbetsförmedlingen om vägvisarrollen, ett socialt företag som första arbetsplats och "
        "två–tre arbetsgivare som vill utforma instegsjobb. Metodhandboken beskriver stegen.",
        "scaling_en": "A municipality that wants to try the model needs an agreement with the "
        "Public Employment Service on the guide role, a social enterprise as first workplace and "
        "two or three employers willing to design entry jobs. The method handbook sets out the "
        "steps.",
        "focus_areas": ["collaboration", "participation"],
        "intervention_type": "method",
        "links": [{"url": "https://example.se/vagar-in/metodhandbok", "label": "Metodhandbok"}],
        "published": "2026-06-15",
    },
    "23-019-S01": {
        "title_en": "Women as a force – pathways to welfare jobs for newly arrived women",
        "co_creation": "Kvinnorna formar själva studiecirklarna och väljer vilka "
        "arbetsplatser som bjuds in.",
        "co_creation_en": "The women shape the study circles themselves and choose which "
        "workplaces are invited.",
        "scaling": "Modellen kräver en förening som kvinnorna litar på och en vård- eller "
        "omsorgsgivare som tar emot praktikanter med språkstöd.",
        "scaling_en": "The model needs an association the women trust and a care provider that "
        "takes trainees with language support.",
        "focus_areas": ["participation", "results"],
        "intervention_type": "skills",
        "links": [],
        "published": "2026-05-04",
        # A newer version, sent for review: the lead has updated the results.
        "review_summary": "Nu med resultat från första året: 31 kvinnor har fått arbete i "
        "vård och omsorg.",
        "review_summary_en": "Now with the first year's results: 31 women have found work in "
        "health and social care.",
    },
    "23-027-S01": {
        "title_en": "Young people redraw – young people outside work and studies as co-creators",
        "co_creation": "Unga är anställda som medforskare och leder verkstäderna.",
        "co_creation_en": "Young people are employed as co-researchers and lead the workshops.",
        "scaling": "Kommunen har tagit över medforskarrollen i ordinarie budget; andra kommuner "
        "behöver en budgetrad och en handledare.",
        "scaling_en": "The municipality has taken the co-researcher role into its regular "
        "budget; other municipalities need a budget line and a supervisor.",
        "focus_areas": ["participation"],
        "intervention_type": "service",
        "links": [],
        "published": "2026-03-09",
    },
    "23-031-S01": {
        "title_en": "New glasses – inclusive recruitment of people with disabilities",
        "co_creation": "Personer med funktionsnedsättning och rekryterare utformar "
        "arbetsproven tillsammans.",
        "co_creation_en": "People with disabilities and recruiters design the work samples "
        "together.",
        "scaling": "Arbetsprov i stället för intervjuer kan införas av varje arbetsgivare med "
        "stöd av riktlinjen.",
        "scaling_en": "Any employer can introduce work samples instead of interviews with the "
        "help of the guideline.",
        "focus_areas": ["ecosystem", "results"],
        "intervention_type": "method",
        "links": [],
        "published": "2026-09-21",
    },
    "23-044-S01": {
        "title_en": "Experience as a resource – 55 plus back in work",
        "co_creation": "Deltagarna driver ett eget nätverk och bjuder in arbetsgivare.",
        "co_creation_en": "The participants run their own network and invite employers.",
        "scaling": "Nätverket kan startas av en kommun eller en förening på en termin.",
        "scaling_en": "A municipality or an association can start the network in one term.",
        "focus_areas": ["collaboration"],
        "intervention_type": "collaboration",
        "links": [],
        "published": "2026-10-12",
    },
    "23-052-S01": {
        "title_en": "Social enterprises as an engine – an ecosystem in Central Sweden",
        "co_creation": "Sociala företag, regionen och universitetet möts i ett gemensamt "
        "lärande nätverk.",
        "co_creation_en": "Social enterprises, the region and the university meet in a shared "
        "learning network.",
        "scaling": "Regionens nya riktlinje för upphandling med sociala hänsyn gör modellen "
        "möjlig i fler län.",
        "scaling_en": "The region's new guideline on procurement with social considerations "
        "makes the model possible in more counties.",
        "focus_areas": ["ecosystem", "collaboration"],
        "intervention_type": "policy",
        "links": [],
        "published": "2026-08-17",
    },
}

# project, kind, adopting organisation, level, instrument, status, date, published,
# description (sv), description (en)
SPREAD: list[tuple[str, ...]] = [
    ("23-012-S01", "replication", "Trollhättans stad", "local", "handbook", "adopted",
     "2026-09-01", "yes", "Trollhättan arbetar med vägvisare efter metodhandboken.",
     "Trollhättan works with guides following the method handbook."),
    ("23-012-S01", "policy", "Vänersborgs kommun", "local", "decision", "still_applied",
     "2026-10-20", "yes", "Kommunfullmäktige har beslutat att vägvisarrollen blir ordinarie.",
     "The municipal council has decided that the guide role becomes permanent."),
    ("23-012-S01", "stories", "Sveriges Kommuner och Regioner", "national", "", "in_progress",
     "2026-11-02", "yes", "Vägar in är ett exempel i en nationell skrift om arbetsvägar.",
     "Vägar in is an example in a national publication on pathways to work."),
    ("23-019-S01", "principles", "Botkyrka kommun", "local", "course", "adopted",
     "2026-06-10", "yes", "Principerna för kvinnornas studiecirklar ingår i kommunens kurs.",
     "The principles of the women's study circles are part of the municipality's course."),
    ("23-019-S01", "partnering", "Region Stockholm", "regional", "budget_line", "planned",
     "2027-01-15", "no", "", ""),
    ("23-027-S01", "learning", "Nätverket Unga medforskare", "national", "", "adopted",
     "2026-04-20", "yes", "Ett nationellt lärande nätverk för kommuner med unga medforskare.",
     "A national learning network for municipalities with young co-researchers."),
    ("23-027-S01", "policy", "Umeå kommun", "local", "budget_line", "still_applied",
     "2026-07-01", "yes", "Medforskarrollen finns i kommunens budget sedan 2026.",
     "The co-researcher role has been in the municipal budget since 2026."),
    ("23-031-S01", "advocacy", "Funktionsrätt Sverige", "national", "guideline", "in_progress",
     "2026-10-05", "yes", "Förbundet driver arbetsprov som alternativ till intervjuer.",
     "The federation promotes work samples as an alternative to interviews."),
    ("23-052-S01", "partnering", "Region Jämtland Härjedalen", "regional", "guideline",
     "adopted", "2026-09-15", "yes",
     "Regionen har antagit en riktlinje för upphandling med sociala hänsyn.",
     "The region has adopted a guideline on procurement with social considerations."),
    ("23-052-S01", "replication", "European Social Economy Regions", "european", "", "planned",
     "2027-03-01", "yes", "Modellen presenteras för nätverkets regioner.",
     "The model is presented to the network's regions."),
]  # fmt: skip
