"""The seeded catalogue: the ESF+ common indicators with their SFC2021 codes and their names in
English and Swedish (Annex I of Regulation (EU) 2021/1057, general support of the ESF+ strand
under shared management), and the centre's own indicators per focus area.

Used by the data migration 0002 (with the historical model) and by the demo after a reset.
Running it again updates the entries in place (by code).
"""

from typing import Any

P = "participants"
ORG = "organisations"
OUT = "output"
IMM = "immediate"
LONG = "longer_term"
GENDER = "All data on persons are broken down by gender (women, men, non-binary persons)."
GENDER_SV = "Alla personuppgifter ska delas upp efter kön (kvinnor, män, icke-binära personer)."

# code, unit, level, English name, Swedish name, broken down by gender
COMMON = [
    ("EECO01", P, OUT, "Total number of participants", "Totalt antal deltagare", True),
    (
        "EECO02",
        P,
        OUT,
        "Unemployed, including long-term unemployed",
        "Arbetslösa, inbegripet långtidsarbetslösa",
        True,
    ),
    ("EECO03", P, OUT, "Long-term unemployed", "Långtidsarbetslösa", True),
    ("EECO04", P, OUT, "Inactive", "Ekonomiskt inaktiva", True),
    (
        "EECO05",
        P,
        OUT,
        "Employed, including self-employed",
        "Anställda, inbegripet egenföretagare",
        True,
    ),
    ("EECO06", P, OUT, "Children below 18 years of age", "Barn under 18 år", True),
    (
        "EECO07",
        P,
        OUT,
        "Young people between 18 and 29 years of age",
        "Ungdomar i åldern 18–29 år",
        True,
    ),
    (
        "EECO08",
        P,
        OUT,
        "Participants 55 years of age and above",
        "Deltagare som är 55 år eller äldre",
        True,
    ),
    (
        "EECO09",
        P,
        OUT,
        "With lower secondary education or less (ISCED 0–2)",
        "Med högst grundskoleutbildning (Isced 0–2)",
        True,
    ),
    (
        "EECO10",
        P,
        OUT,
        "With upper secondary education (ISCED 3) or post-secondary education (ISCED 4)",
        "Med gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4)",
        True,
    ),
    (
        "EECO11",
        P,
        OUT,
        "With tertiary education (ISCED 5 to 8)",
        "Med högskoleutbildning (Isced 5–8)",
        True,
    ),
    (
        "EECO12",
        P,
        OUT,
        "Participants with disabilities",
        "Deltagare med funktionsnedsättning",
        True,
    ),
    ("EECO13", P, OUT, "Third-country nationals", "Tredjelandsmedborgare", True),
    (
        "EECO14",
        P,
        OUT,
        "Participants with a foreign background",
        "Deltagare med utländsk bakgrund",
        True,
    ),
    (
        "EECO15",
        P,
        OUT,
        "Minorities (including marginalised communities such as Roma)",
        "Minoriteter (inbegripet marginaliserade grupper som romer)",
        True,
    ),
    (
        "EECO16",
        P,
        OUT,
        "Homeless or affected by housing exclusion",
        "Hemlösa eller personer som drabbats av bostadsexkludering",
        True,
    ),
    ("EECO17", P, OUT, "Participants from rural areas", "Deltagare från landsbygden", True),
    (
        "EECO18",
        ORG,
        OUT,
        "Number of supported public administrations or public services at national, regional or local level",
        "Antal offentliga förvaltningar eller offentliga tjänster på nationell, regional eller lokal nivå som får stöd",
        False,
    ),
    (
        "EECO19",
        ORG,
        OUT,
        "Number of micro, small and medium-sized enterprises (including cooperative enterprises and social enterprises) supported",
        "Antal mikroföretag samt små och medelstora företag (inbegripet kooperativa företag och sociala företag) som får stöd",
        False,
    ),
    (
        "EECR01",
        P,
        IMM,
        "Participants engaged in job searching upon leaving",
        "Deltagare som söker arbete när de lämnar insatsen",
        True,
    ),
    (
        "EECR02",
        P,
        IMM,
        "Participants in education or training upon leaving",
        "Deltagare i utbildning när de lämnar insatsen",
        True,
    ),
    (
        "EECR03",
        P,
        IMM,
        "Participants gaining a qualification upon leaving",
        "Deltagare som har uppnått en kvalifikation när de lämnar insatsen",
        True,
    ),
    (
        "EECR04",
        P,
        IMM,
        "Participants in employment, including self-employment, upon leaving",
        "Deltagare som har ett arbete, inbegripet egenföretagare, när de lämnar insatsen",
        True,
    ),
    (
        "EECR05",
        P,
        LONG,
        "Participants in employment, including self-employment, six months after leaving",
        "Deltagare som har ett arbete, inbegripet egenföretagare, sex månader efter att de lämnat insatsen",
        True,
    ),
]

# code, focus area, unit, level, measure, aggregation, English, Swedish, definition en, sv
CENTRE = [
    (
        "SAM01",
        "collaboration",
        ORG,
        OUT,
        "count",
        "latest",
        "Organisations from other sectors taking part in co-creation",
        "Organisationer från andra sektorer som deltar i samskapandet",
        "Organisations from another sector than the project owner's (public, private, civil society) that take part in co-creation during the period, counted cumulatively since the start.",
        "Organisationer från en annan sektor än projektägarens (offentlig, privat, civilsamhälle) som deltar i samskapandet, räknat sammanlagt sedan starten.",
    ),
    (
        "SAM02",
        "participation",
        P,
        OUT,
        "count",
        "sum",
        "Target-group members taking part in design decisions",
        "Personer ur målgruppen som deltar i beslut om utformningen",
        "People from the target group who took part in decisions about how the solution is designed during the period.",
        "Personer ur målgruppen som under perioden deltog i beslut om hur lösningen utformas.",
    ),
    (
        "SAM03",
        "results",
        "other",
        LONG,
        "percentage",
        "latest",
        "Methods still applied six months after the project ended",
        "Metoder som fortfarande används sex månader efter projektets slut",
        "Share of the methods the project developed that are still applied six months after it ended (numerator: methods still applied; denominator: methods developed).",
        "Andel av de metoder projektet utvecklat som fortfarande används sex månader efter projektets slut (täljare: metoder som används; nämnare: utvecklade metoder).",
    ),
    (
        "SAM04",
        "ecosystem",
        "other",
        IMM,
        "qualitative",
        "latest",
        "Changes in the ecosystem around the challenge",
        "Förändringar i ekosystemet kring utmaningen",
        "A short description of changes in rules, roles or resources around the societal challenge that the project contributed to.",
        "En kort beskrivning av förändringar i regler, roller eller resurser kring samhällsutmaningen som projektet bidragit till.",
    ),
]


def seed(Indicator: Any) -> None:
    """Create or update the seeded entries by code (among the shared catalogue, not the
    projects' own indicators, where the model has them)."""
    shared = {"project": None} if any(f.name == "project" for f in Indicator._meta.fields) else {}
    for code, unit, level, en, sv, by_gender in COMMON:
        Indicator.objects.update_or_create(
            code=code,
            **shared,
            defaults={
                "kind": "common",
                "name_en": en,
                "name_sv": sv,
                "definition_en": "ESF+ common indicator (Regulation (EU) 2021/1057, Annex I). "
                + (GENDER if by_gender else ""),
                "definition_sv": "Gemensam indikator för ESF+ (förordning (EU) 2021/1057, bilaga I). "
                + (GENDER_SV if by_gender else ""),
                "level": level,
                "unit": unit,
                "measure": "count",
                "higher_is_better": code not in ("EECO02", "EECO03", "EECO04"),
                "aggregation": "sum",
                "by_gender": by_gender,
                "by_age": code == "EECO01",
            },
        )
    for code, area, unit, level, measure, aggregation, en, sv, def_en, def_sv in CENTRE:
        Indicator.objects.update_or_create(
            code=code,
            **shared,
            defaults={
                "kind": "centre",
                "focus_area": area,
                "name_en": en,
                "name_sv": sv,
                "definition_en": def_en,
                "definition_sv": def_sv,
                "level": level,
                "unit": unit,
                "measure": measure,
                "aggregation": aggregation,
                "by_gender": code == "SAM02",
                "by_age": False,
            },
        )
