"""Fictional Swedish demo data for Samskapa.

Plain data only: organisations, calls, granted projects and project members that tell the
story of one programme-area-E call year (see the design journeys). Every
organisation other than public bodies is invented; contact persons are invented and use
``@example.se`` addresses. Organisation numbers are formally valid (Luhn check digit) but
are not meant to identify real legal entities. Dates are ISO strings, amounts are SEK.
"""

from __future__ import annotations

# Organisations live in samskapa.demo.accounts_data (accounts must not import projects);
# the projects below refer to them by their `key`.

# ---------------------------------------------------------------------------
# Calls (utlysningar)
# ---------------------------------------------------------------------------

MAIN_CALL_REFERENCE: str = "2023/00187"
PRE_STUDY_CALL_REFERENCE: str = "2024/00052"

CALLS: list[dict[str, object]] = [
    {
        "reference": MAIN_CALL_REFERENCE,
        "programme_area": "E",
        "specific_objective": "E1",
        "national": True,
        "region": "",
        "title_sv": "Social innovation för ett inkluderande arbetsliv",
        "title_en": "Social innovation for an inclusive working life",
        "call_type": "implementation",
        "opens": "2023-03-15",
        "closes": "2023-05-31",
        "earliest_start": "2024-01-01",
        "latest_start": "2024-06-01",
        "max_duration_months": 36,
        "amount_announced": 90000000,
        "theme_sv": (
            "Nya lösningar, framtagna i samverkan mellan offentlig, idéburen och privat sektor "
            "samt akademi, som gör det lättare för personer långt från arbetsmarknaden att få "
            "och behålla ett arbete."
        ),
        "theme_en": (
            "New solutions, developed jointly by the public, non-profit and private sectors "
            "and academia, that make it easier for people far from the labour market to find "
            "and keep a job."
        ),
        "expected_results_sv": (
            "Projekten ska utveckla och testa nya arbetssätt, metoder eller modeller som svarar "
            "på en tydligt beskriven samhällsutmaning. Målgruppen ska vara delaktig i hela "
            "processen, och samverkan mellan sektorerna ska leda till bestående förändringar i "
            "de medverkande organisationerna. Resultaten ska dokumenteras så att de kan spridas "
            "och användas av andra aktörer efter projekttiden."
        ),
        "expected_results_en": (
            "Projects shall develop and test new ways of working, methods or models that respond "
            "to a clearly described societal challenge. The target group shall take part "
            "throughout the process, and cross-sector collaboration shall lead to lasting change "
            "in the participating organisations. Results shall be documented so that other "
            "actors can spread and use them after the project ends."
        ),
    },
    {
        "reference": PRE_STUDY_CALL_REFERENCE,
        "programme_area": "E",
        "specific_objective": "E1",
        "national": True,
        "region": "",
        "title_sv": "Förstudie: social innovation för kompetensförsörjning och inkludering",
        "title_en": "Pre-study: social innovation for skills supply and inclusion",
        "call_type": "pre_study",
        "opens": "2024-02-05",
        "closes": "2024-04-11",
        "earliest_start": "2024-09-01",
        "latest_start": "2024-11-01",
        "max_duration_months": 9,
        "amount_announced": 3000000,
        "theme_sv": (
            "Förstudier som kartlägger en samhällsutmaning kopplad till kompetensförsörjning och "
            "inkludering, bygger tvärsektoriella partnerskap och förbereder ett kommande "
            "genomförandeprojekt."
        ),
        "theme_en": (
            "Pre-studies that map a societal challenge linked to skills supply and inclusion, "
            "build cross-sector partnerships and prepare a future implementation project."
        ),
        "expected_results_sv": (
            "Förstudien ska leda till en gemensam problemanalys med målgruppen och en första "
            "förändringsteori. Partnerskapet ska vara förankrat hos berörda organisationer. "
            "Resultatet ska kunna ligga till grund för en ansökan om genomförandeprojekt."
        ),
        "expected_results_en": (
            "The pre-study shall result in a problem analysis shared with the target group and a "
            "first theory of change. The partnership shall be anchored in the organisations "
            "concerned. The result shall be able to serve as the basis for an application for an "
            "implementation project."
        ),
    },
]

# ---------------------------------------------------------------------------
# Granted projects (beviljade projekt)
# ---------------------------------------------------------------------------

PROJECTS: list[dict[str, object]] = [
    # 1 ---------------------------------------------------------------------
    {
        "number": "23-012-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Vägar in – samskapade arbetsvägar i Fyrbodal",
        "owner": "vanersborg",
        "partners": [
            {"org": "vavstolen", "role": "partner"},
            {"org": "hogskolan_vast", "role": "partner"},
            {"org": "vanerverkstaden", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "steering_group"},
        ],
        "phase": "implementation",
        "start": "2024-02-01",
        "end": "2027-01-31",
        "granted_support": 7450000,
        "total_budget": 7842000,
        "cofinancing_rate": 95,
        "region": "vastra_gotaland",
        "planned_participants": 120,
        "contact_name": "Petra Lind",
        "contact_email": "petra.lind@example.se",
        "challenge_sv": (
            "I Vänersborg och grannkommunerna i Fyrbodal står en växande grupp människor långt "
            "från arbetsmarknaden, samtidigt som industri- och servicearbetsgivare har svårt att "
            "rekrytera. Insatserna från kommunen, Arbetsförmedlingen och civilsamhället är många "
            "men splittrade: den enskilde möter flera handläggare, planer som inte hänger ihop "
            "och praktikplatser som sällan leder till anställning. Orsakerna finns både hos "
            "individen, i organisationernas stuprör och i arbetsgivarnas sätt att rekrytera. "
            "Följden blir långa perioder med försörjningsstöd, ohälsa och kompetens som regionen "
            "går miste om."
        ),
        "challenge_en": (
            "In Vänersborg and the neighbouring municipalities of Fyrbodal a growing group of "
            "people stand far from the labour market, while industrial and service employers "
            "struggle to recruit. The municipality, the Public Employment Service and civil "
            "society offer many interventions, but they are fragmented: a person meets several "
            "case officers, plans that do not fit together and work placements that rarely lead "
            "to a job. The causes lie with the individual, in the organisations' silos and in how "
            "employers recruit. The result is long periods on social assistance, ill health and "
            "skills the region loses."
        ),
        "target_group_sv": (
            "Kvinnor och män 20–64 år i Vänersborg som har haft försörjningsstöd i mer än ett år "
            "eller som står långt från arbetsmarknaden på grund av funktionsnedsättning, "
            "begränsade kunskaper i svenska eller lång tid utan sysselsättning. Arbetsledare och "
            "handläggare i de medverkande organisationerna är en sekundär målgrupp."
        ),
        "target_group_en": (
            "Women and men aged 20–64 in Vänersborg who have received social assistance for more "
            "than a year, or who stand far from the labour market because of a disability, "
            "limited Swedish or a long time without occupation. Supervisors and case officers in "
            "the participating organisations form a secondary target group."
        ),
        "target_categories": [
            {"category": "long_term_unemployed", "count": 70},
            {"category": "persons_with_disabilities", "count": 30},
            {"category": "newly_arrived", "count": 20},
        ],
        "innovation_sv": (
            "Projektet ersätter parallella insatser med en gemensam arbetsväg som deltagare, "
            "handläggare och arbetsgivare formar tillsammans. Varje deltagare får en enda "
            "kontaktperson, en vägvisare, med mandat från både kommunen och Arbetsförmedlingen. "
            "Det arbetsintegrerande sociala företaget Vävstolen erbjuder en trygg första "
            "arbetsplats, och lokala industriföretag utformar instegsjobb utifrån verkliga "
            "arbetsuppgifter i stället för formella krav. Modellen prövas i korta cykler där "
            "deltagarnas erfarenheter återförs till styrgruppen varje kvartal. Högskolan Väst "
            "följer arbetet och ger metodstöd för att mäta förändring hos både individer och "
            "organisationer."
        ),
        "innovation_en": (
            "The project replaces parallel interventions with a shared pathway to work that "
            "participants, case officers and employers shape together. Each participant gets a "
            "single contact person, a guide, mandated by both the municipality and the Public "
            "Employment Service. The work-integration social enterprise Vävstolen offers a safe "
            "first workplace, and local manufacturers design entry jobs around real tasks rather "
            "than formal requirements. The model is tested in short cycles, and participants' "
            "experiences are fed back to the steering group every quarter. University West "
            "follows the work and supports the measurement of change in individuals and "
            "organisations."
        ),
        "novelty": ["what", "who"],
        "process_element": "develop_test",
        "expected_results_sv": (
            "Minst 45 procent av deltagarna är i arbete eller studier sex månader efter avslutad "
            "insats. Kommunen och Arbetsförmedlingen har en gemensam överenskommelse om "
            "vägvisarrollen som gäller även efter projekttiden, och minst tio arbetsgivare har "
            "infört kompetensbaserad rekrytering. Modellen är dokumenterad så att andra kommuner "
            "i Fyrbodal kan pröva den."
        ),
        "expected_results_en": (
            "At least 45 per cent of participants are in work or studies six months after the "
            "intervention. The municipality and the Public Employment Service have a joint "
            "agreement on the guide role that continues after the project, and at least ten "
            "employers have introduced skills-based recruitment. The model is documented so that "
            "other municipalities in Fyrbodal can try it."
        ),
        "summary_sv": (
            "Vägar in samlar kommun, Arbetsförmedling, ett socialt företag och lokala "
            "arbetsgivare kring en gemensam arbetsväg för personer långt från arbetsmarknaden i "
            "Vänersborg. Varje deltagare får en vägvisare och ett instegsjobb som utgår från "
            "verkliga arbetsuppgifter."
        ),
        "summary_en": (
            "Vägar in brings a municipality, the Public Employment Service, a social enterprise "
            "and local employers together around one shared pathway to work for people far from "
            "the labour market in Vänersborg. Each participant gets a guide and an entry job "
            "built on real tasks."
        ),
    },
    # 2 ---------------------------------------------------------------------
    {
        "number": "23-019-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Kvinnor som kraft – vägar till välfärdsjobb för nyanlända kvinnor",
        "owner": "nya_grannar",
        "partners": [
            {"org": "orebro_kommun", "role": "partner"},
            {"org": "vardkraft_narke", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "steering_group"},
        ],
        "phase": "implementation",
        "start": "2024-03-01",
        "end": "2027-02-28",
        "granted_support": 5980000,
        "total_budget": 6295000,
        "cofinancing_rate": 95,
        "region": "orebro",
        "planned_participants": 90,
        "contact_name": "Omar Haddad",
        "contact_email": "omar.haddad@example.se",
        "challenge_sv": (
            "Utrikes födda kvinnor som nyligen kommit till Sverige har betydligt lägre "
            "sysselsättning än både män och inrikes födda kvinnor. I Örebro gäller det särskilt "
            "kvinnor med kort utbildning och ansvar för små barn. Etableringsinsatserna är ofta "
            "utformade efter en norm som inte passar deras vardag, och kvinnorna når sällan de "
            "yrken där behoven är störst, som äldreomsorg och förskola. Samtidigt saknar "
            "välfärdsarbetsgivarna personal med språk- och kulturkompetens. Utanförskapet "
            "påverkar hela familjer och förs vidare till nästa generation."
        ),
        "challenge_en": (
            "Foreign-born women who have recently arrived in Sweden have a far lower employment "
            "rate than both men and Swedish-born women. In Örebro this applies especially to "
            "women with short education and responsibility for young children. Introduction "
            "measures are often designed around a norm that does not fit their everyday lives, "
            "and the women rarely reach the occupations where needs are greatest, such as elderly "
            "care and preschool. At the same time welfare employers lack staff with language and "
            "cultural skills. Exclusion affects whole families and is passed on to the next "
            "generation."
        ),
        "target_group_sv": (
            "Nyanlända och utrikes födda kvinnor 20–55 år i Örebro med högst gymnasieutbildning "
            "som varit utan arbete i mer än ett år, många med ansvar för barn under skolåldern. "
            "Chefer och handledare inom äldreomsorg och förskola ingår som sekundär målgrupp."
        ),
        "target_group_en": (
            "Newly arrived and foreign-born women aged 20–55 in Örebro with at most upper "
            "secondary education who have been out of work for more than a year, many caring "
            "for children under school age. Managers and supervisors in elderly care and "
            "preschool form a secondary target group."
        ),
        "target_categories": [
            {"category": "newly_arrived", "count": 75},
            {"category": "long_term_unemployed", "count": 15},
        ],
        "innovation_sv": (
            "Kvinnorna är med och utformar insatsen från start genom ett råd av tidigare "
            "deltagare som arbetar som brobyggare. Språkträning, studiebesök och praktik sker i "
            "små grupper på tider som fungerar med förskolans öppettider, och barnomsorg ordnas "
            "vid behov. Föreningen, kommunen och en privat vårdgivare delar på ansvaret för "
            "praktikplatser, handledning och anställning, vilket är nytt i Örebro. "
            "Välfärdsarbetsgivarna får samtidigt stöd att se flerspråkighet som en kompetens i "
            "rekryteringen. Arbetssättet bygger på kvinnornas egna erfarenheter i stället för "
            "myndigheternas processer."
        ),
        "innovation_en": (
            "The women help design the intervention from the start through a council of former "
            "participants who work as bridge-builders. Language training, study visits and work "
            "placements take place in small groups at times that fit preschool opening hours, "
            "and childcare is arranged when needed. The association, the municipality and a "
            "private care provider share responsibility for placements, supervision and "
            "employment, which is new in Örebro. Welfare employers are supported in seeing "
            "multilingualism as a skill when recruiting. The approach builds on the women's own "
            "experience rather than on agency processes."
        ),
        "novelty": ["who", "where"],
        "process_element": "mobilise",
        "expected_results_sv": (
            "Minst 40 procent av deltagarna har anställning eller har påbörjat vård- och "
            "omsorgsutbildning när de lämnar projektet. Brobyggarrådet finns kvar som en del av "
            "föreningens verksamhet, och kommunen har infört flexibla praktikupplägg i sin "
            "ordinarie arbetsmarknadsenhet. Minst fem arbetsgivare har ändrat sina "
            "rekryteringsrutiner så att språkkompetens värderas."
        ),
        "expected_results_en": (
            "At least 40 per cent of participants are employed or have started health and social "
            "care training when they leave the project. The bridge-builder council continues as "
            "part of the association's activities, and the municipality has introduced flexible "
            "placements in its regular labour market unit. At least five employers have changed "
            "their recruitment routines so that language skills are valued."
        ),
        "summary_sv": (
            "Kvinnor som kraft öppnar vägar till jobb i äldreomsorg och förskola för nyanlända "
            "kvinnor i Örebro. Tidigare deltagare är med och formar insatsen som brobyggare."
        ),
        "summary_en": (
            "Kvinnor som kraft opens pathways to jobs in elderly care and preschool for newly "
            "arrived women in Örebro. Former participants help shape the intervention as "
            "bridge-builders."
        ),
    },
    # 3 ---------------------------------------------------------------------
    {
        "number": "23-027-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Unga ritar om – unga utanför studier och arbete som medskapare",
        "owner": "umea_kommun",
        "partners": [
            {"org": "ungdomsverkstaden", "role": "partner"},
            {"org": "umu", "role": "partner"},
            {"org": "arbetsformedlingen", "role": "cooperation_partner"},
        ],
        "phase": "closure",
        "start": "2024-01-15",
        "end": "2026-12-31",
        "granted_support": 6200000,
        "total_budget": 6526000,
        "cofinancing_rate": 95,
        "region": "vasterbotten",
        "planned_participants": 150,
        "contact_name": "Johanna Sandström",
        "contact_email": "johanna.sandstrom@example.se",
        "challenge_sv": (
            "I Umeå finns omkring 900 unga 16–29 år som varken studerar eller arbetar. Många har "
            "avbrutit gymnasiet, har psykisk ohälsa eller har aldrig haft en anställning. De "
            "befinner sig ofta mellan kommunens aktivitetsansvar, socialtjänsten och "
            "Arbetsförmedlingen utan att någon har helhetsansvar. Insatserna utformas för unga "
            "snarare än tillsammans med dem, och de unga beskriver att de inte känner igen sig i "
            "erbjudandena. Ju längre tid som går, desto svårare blir det att bryta mönstret, och "
            "risken för långvarigt utanförskap ökar."
        ),
        "challenge_en": (
            "Around 900 young people aged 16–29 in Umeå neither study nor work. Many have "
            "dropped out of upper secondary school, have mental health problems or have never "
            "been employed. They often fall between the municipality's activity responsibility, "
            "social services and the Public Employment Service, with no one taking overall "
            "responsibility. Interventions are designed for young people rather than with them, "
            "and the young people say they do not recognise themselves in what is offered. The "
            "longer this lasts, the harder the pattern is to break and the greater the risk of "
            "long-term exclusion."
        ),
        "target_group_sv": (
            "Unga kvinnor, män och icke-binära 16–29 år i Umeå som varken studerar eller arbetar, "
            "däribland unga med neuropsykiatriska funktionsnedsättningar och unga som avbrutit "
            "gymnasiet. Personal inom kommunens ungdomsverksamhet och socialtjänst är en "
            "sekundär målgrupp."
        ),
        "target_group_en": (
            "Young women, men and non-binary people aged 16–29 in Umeå who neither study nor "
            "work, including young people with neurodevelopmental disabilities and early school "
            "leavers. Staff in the municipality's youth services and social services form a "
            "secondary target group."
        ),
        "target_categories": [
            {"category": "young_people", "count": 120},
            {"category": "inactive", "count": 30},
        ],
        "innovation_sv": (
            "Unga med egen erfarenhet av att stå utanför anställs som medskapare och leder "
            "designverkstäder där kommunens tjänster ritas om utifrån ungas behov. Prototyperna, "
            "till exempel en drop-in-mottagning i en skateboardhall och ett gemensamt digitalt "
            "ingångsstöd, testas skarpt och förbättras i korta cykler. Umeå universitet bidrar "
            "med tjänstedesign och följeforskning, och Ungdomsverkstaden ansvarar för att de "
            "unga har verkligt inflytande. Nytt är att de unga inte bara tillfrågas utan har "
            "mandat att föreslå förändringar direkt till ledningsgruppen."
        ),
        "innovation_en": (
            "Young people with their own experience of exclusion are employed as co-creators and "
            "lead design workshops in which municipal services are redrawn around young people's "
            "needs. Prototypes, such as a drop-in point at a skatepark and a shared digital entry "
            "service, are tested for real and improved in short cycles. Umeå University "
            "contributes service design and formative research, and Ungdomsverkstaden ensures "
            "the young people have real influence. What is new is that young people are not "
            "just consulted but have a mandate to propose changes directly to senior management."
        ),
        "novelty": ["who", "what"],
        "process_element": "envision",
        "expected_results_sv": (
            "Minst hälften av deltagarna har gått vidare till studier, arbete eller en annan "
            "långsiktig insats vid projektets slut. Kommunen har inrättat en permanent roll för "
            "unga medskapare och en gemensam ingång för unga utanför studier och arbete. "
            "Metoden för designverkstäder är beskriven i en öppen handbok."
        ),
        "expected_results_en": (
            "At least half of the participants have moved on to studies, work or another "
            "long-term intervention by the end of the project. The municipality has created a "
            "permanent role for young co-creators and a single entry point for young people not "
            "in education or employment. The design workshop method is described in an open "
            "handbook."
        ),
        "summary_sv": (
            "I Unga ritar om anställs unga som själva stått utanför studier och arbete för att "
            "tillsammans med kommunen rita om stödet till andra unga i Umeå."
        ),
        "summary_en": (
            "In Unga ritar om, young people who have themselves been outside education and work "
            "are employed to redesign, together with the municipality, the support offered to "
            "other young people in Umeå."
        ),
    },
    # 4 ---------------------------------------------------------------------
    {
        "number": "23-031-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Nya glasögon – inkluderande rekrytering av personer med funktionsnedsättning",
        "owner": "ljusgarden",
        "partners": [
            {"org": "jonkoping_kommun", "role": "partner"},
            {"org": "lnu", "role": "cooperation_partner"},
            {"org": "kattegatt_bemanning", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "steering_group"},
        ],
        "phase": "implementation",
        "start": "2024-04-01",
        "end": "2027-03-31",
        "granted_support": 4850000,
        "total_budget": 5105000,
        "cofinancing_rate": 95,
        "region": "jonkoping",
        "planned_participants": 80,
        "contact_name": "Mattias Ek",
        "contact_email": "mattias.ek@example.se",
        "challenge_sv": (
            "Personer med intellektuell eller neuropsykiatrisk funktionsnedsättning har mycket "
            "låg sysselsättning, och många blir kvar i daglig verksamhet i hela sitt vuxna liv "
            "trots att de både vill och kan arbeta. Arbetsgivare uppger att de saknar kunskap "
            "om anpassningar och ser rekryteringen som en risk. Platsannonser och intervjuer "
            "sorterar bort sökande som har svårt med text eller sociala koder, även när "
            "arbetsuppgifterna skulle passa dem. Både individer och arbetsgivare går därmed "
            "miste om möjligheter, och samhällets kostnader för utanförskap består."
        ),
        "challenge_en": (
            "People with intellectual or neurodevelopmental disabilities have a very low "
            "employment rate, and many remain in daily activity services throughout their adult "
            "lives even though they want to work and could. Employers say they lack knowledge of "
            "adjustments and see recruitment as a risk. Job adverts and interviews screen out "
            "applicants who find text or social codes difficult, even when the tasks would suit "
            "them. Both individuals and employers lose out, and society's cost of exclusion "
            "remains."
        ),
        "target_group_sv": (
            "Kvinnor och män 18–50 år i Jönköpings kommun med intellektuell eller "
            "neuropsykiatrisk funktionsnedsättning som har daglig verksamhet eller står utan "
            "sysselsättning. Rekryterande chefer i små och medelstora företag är en sekundär "
            "målgrupp."
        ),
        "target_group_en": (
            "Women and men aged 18–50 in Jönköping municipality with intellectual or "
            "neurodevelopmental disabilities who attend daily activity services or have no "
            "occupation. Hiring managers in small and medium-sized companies form a secondary "
            "target group."
        ),
        "target_categories": [
            {"category": "persons_with_disabilities", "count": 70},
            {"category": "young_people", "count": 10},
        ],
        "innovation_sv": (
            "I stället för att rusta individen för en befintlig rekryteringsprocess rustas "
            "arbetsgivarens process för individen. Det sociala företaget Ljusgården utbildar "
            "rekryterare genom att deltagarna själva leder workshoppar om hur de vill bli "
            "bedömda. Tillsammans tar man fram arbetsprov som ersätter intervjuer, bildstödda "
            "platsannonser och en gemensam mall för anpassningar. Ett bemanningsföretag prövar "
            "att anställa deltagare och hyra ut dem med stöd från Ljusgården. Modellen sprids via "
            "ett nätverk av arbetsgivare som har prövat den."
        ),
        "innovation_en": (
            "Instead of preparing the individual for an existing recruitment process, the "
            "employer's process is prepared for the individual. The social enterprise Ljusgården "
            "trains recruiters through workshops led by participants themselves on how they want "
            "to be assessed. Together they develop work samples that replace interviews, job "
            "adverts with picture support and a shared template for adjustments. A staffing "
            "company tries hiring participants and placing them with employers with support from "
            "Ljusgården. The model spreads through a network of employers who have tried it."
        ),
        "novelty": ["what", "who"],
        "process_element": "realise_spread",
        "expected_results_sv": (
            "Minst 25 deltagare har fått anställning, varav flera med lönebidrag som trappas ned "
            "över tid. Minst 30 arbetsgivare har använt arbetsprov i stället för intervju, och "
            "kommunen har infört metoden i sin övergång från daglig verksamhet till arbete. "
            "Materialet finns fritt tillgängligt på lättläst svenska."
        ),
        "expected_results_en": (
            "At least 25 participants have been employed, several with wage subsidies that are "
            "phased down over time. At least 30 employers have used work samples instead of "
            "interviews, and the municipality has introduced the method in its transition from "
            "daily activity services to work. The material is freely available in easy-to-read "
            "Swedish."
        ),
        "summary_sv": (
            "Nya glasögon hjälper arbetsgivare i Jönköping att ändra sina rekryteringssätt så att "
            "personer med funktionsnedsättning får en ärlig chans. Deltagarna lär själva "
            "rekryterare hur de vill bli bedömda."
        ),
        "summary_en": (
            "Nya glasögon helps employers in Jönköping change how they recruit so that people "
            "with disabilities get a fair chance. Participants themselves teach recruiters how "
            "they want to be assessed."
        ),
    },
    # 5 ---------------------------------------------------------------------
    {
        "number": "23-044-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Erfarenhet som resurs – 55 plus tillbaka i arbete",
        "owner": "gavle_kommun",
        "partners": [
            {"org": "erfarenhetsbanken", "role": "partner"},
            {"org": "arbetsformedlingen", "role": "partner"},
            {"org": "fi_kaarnapolku", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-02-01",
        "end": "2027-01-31",
        "granted_support": 5400000,
        "total_budget": 5684000,
        "cofinancing_rate": 95,
        "region": "gavleborg",
        "planned_participants": 100,
        "contact_name": "Birgitta Holm",
        "contact_email": "birgitta.holm@example.se",
        "challenge_sv": (
            "Personer över 55 år som förlorar sitt arbete blir ofta långtidsarbetslösa, trots "
            "lång yrkeserfarenhet. I Gävle har andelen äldre bland de inskrivna med mer än två "
            "år utan arbete ökat i flera år. Åldersdiskriminering i rekrytering, föråldrade "
            "digitala kunskaper och en förlorad tro på den egna förmågan samverkar. Insatserna är "
            "sällan anpassade för äldre, som själva beskriver att de känner sig avskrivna. "
            "Samtidigt pensioneras många inom bristyrken, och erfarenhet som kunde föras vidare "
            "till yngre går förlorad."
        ),
        "challenge_en": (
            "People over 55 who lose their jobs often become long-term unemployed despite long "
            "work experience. In Gävle the share of older people among those registered for more "
            "than two years without work has risen for several years. Age discrimination in "
            "recruitment, outdated digital skills and lost confidence in one's own ability work "
            "together. Interventions are rarely adapted to older people, who say they feel "
            "written off. At the same time many retire from shortage occupations, and experience "
            "that could be passed on to younger colleagues is lost."
        ),
        "target_group_sv": (
            "Kvinnor och män 55–66 år i Gävle som har varit utan arbete i mer än ett år, ofta "
            "med lång erfarenhet från industri, handel eller offentlig sektor. Arbetsgivare inom "
            "bristyrken i Gävleborg är en sekundär målgrupp."
        ),
        "target_group_en": (
            "Women and men aged 55–66 in Gävle who have been without work for more than a year, "
            "often with long experience in industry, retail or the public sector. Employers in "
            "shortage occupations in Gävleborg form a secondary target group."
        ),
        "target_categories": [
            {"category": "older_people", "count": 60},
            {"category": "long_term_unemployed", "count": 40},
        ],
        "innovation_sv": (
            "Projektet vänder perspektivet från brist till tillgång. Deltagarna bildar en "
            "erfarenhetsbank som arbetsgivare kan anlita för mentorskap, introduktion av nyanställda "
            "och tidsbegränsade uppdrag som leder vidare till anställning. Deltagarna driver "
            "banken tillsammans med föreningen och bestämmer själva vilka uppdrag som tas emot. "
            "Kommunen och Arbetsförmedlingen ger gemensamt stöd, och en finsk kooperativ partner "
            "delar erfarenheter från sin modell för seniora arbetslag. Nytt är att äldre "
            "arbetslösa möter arbetsgivare som leverantörer av kompetens, inte som sökande."
        ),
        "innovation_en": (
            "The project shifts the perspective from deficit to asset. Participants form an "
            "experience bank that employers can engage for mentoring, induction of new staff and "
            "fixed-term assignments that lead on to employment. Participants run the bank with "
            "the association and decide themselves which assignments to accept. The municipality "
            "and the Public Employment Service provide joint support, and a Finnish cooperative "
            "partner shares its model for senior work teams. What is new is that older unemployed "
            "people meet employers as providers of skills, not as applicants."
        ),
        "novelty": ["who", "why"],
        "process_element": "mobilise",
        "expected_results_sv": (
            "Minst 40 procent av deltagarna har ett arbete eller ett uppdrag som varar minst sex "
            "månader vid projektets slut. Erfarenhetsbanken drivs vidare av föreningen med "
            "intäkter från uppdrag. Minst 20 arbetsgivare har anlitat banken, och deltagarna "
            "upplever att deras självförtroende och framtidstro har stärkts."
        ),
        "expected_results_en": (
            "At least 40 per cent of participants have a job or an assignment lasting at least "
            "six months by the end of the project. The experience bank continues under the "
            "association, funded by assignment income. At least 20 employers have engaged the "
            "bank, and participants report stronger self-confidence and hope for the future."
        ),
        "summary_sv": (
            "Erfarenhet som resurs gör om arbetslösa över 55 i Gävle till en erfarenhetsbank som "
            "arbetsgivare kan anlita för mentorskap och uppdrag som leder till anställning."
        ),
        "summary_en": (
            "Erfarenhet som resurs turns unemployed people over 55 in Gävle into an experience "
            "bank that employers can engage for mentoring and assignments that lead to "
            "employment."
        ),
    },
    # 6 ---------------------------------------------------------------------
    {
        "number": "23-052-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Sociala företag som motor – ett ekosystem i Mittsverige",
        "owner": "miun",
        "partners": [
            {"org": "sf_natverket_mitt", "role": "partner"},
            {"org": "umu", "role": "cooperation_partner"},
            {"org": "ljusgarden", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "steering_group"},
        ],
        "phase": "implementation",
        "start": "2024-03-01",
        "end": "2027-02-28",
        "granted_support": 8600000,
        "total_budget": 9556000,
        "cofinancing_rate": 90,
        "region": "vasternorrland",
        "planned_participants": 90,
        "contact_name": "Erik Nordin",
        "contact_email": "erik.nordin@example.se",
        "challenge_sv": (
            "Arbetsintegrerande sociala företag i Jämtland och Västernorrland ger många människor "
            "en väg in i arbetslivet, men företagen är små, sårbara och beroende av kortsiktiga "
            "överenskommelser. Kommunerna saknar ofta kunskap om hur de kan upphandla från eller "
            "ingå partnerskap med sociala företag, och det finns inget gemensamt sätt att visa "
            "vilket värde företagen skapar. När ett företag läggs ned förlorar deltagarna sitt "
            "sammanhang. Orsakerna är strukturella: finansiering, regelverk och bristande "
            "samverkan mellan aktörerna i ekosystemet."
        ),
        "challenge_en": (
            "Work-integration social enterprises in Jämtland and Västernorrland offer many people "
            "a way into working life, but the enterprises are small, vulnerable and dependent on "
            "short-term agreements. Municipalities often lack knowledge of how to procure from "
            "or partner with social enterprises, and there is no shared way of showing the value "
            "the enterprises create. When an enterprise closes, participants lose their place. "
            "The causes are structural: funding, regulation and weak collaboration between the "
            "actors in the ecosystem."
        ),
        "target_group_sv": (
            "Personer som arbetar eller har arbetsträning i arbetsintegrerande sociala företag i "
            "Jämtlands och Västernorrlands län, ofta efter lång arbetslöshet eller med "
            "funktionsnedsättning, samt handledare och ledare i företagen. Tjänstepersoner i "
            "kommunerna är en sekundär målgrupp."
        ),
        "target_group_en": (
            "People working or in work training in work-integration social enterprises in the "
            "counties of Jämtland and Västernorrland, often after long unemployment or with a "
            "disability, as well as supervisors and managers in the enterprises. Municipal "
            "officials form a secondary target group."
        ),
        "target_categories": [
            {"category": "long_term_unemployed", "count": 30},
            {"category": "persons_with_disabilities", "count": 20},
            {"category": "employed", "count": 40},
        ],
        "innovation_sv": (
            "Projektet bygger ett regionalt ekosystem där sociala företag, kommuner, "
            "Arbetsförmedlingen och akademin utvecklar gemensamma verktyg: en modell för "
            "idéburet offentligt partnerskap, en mall för sociala hänsyn i upphandling och ett "
            "enkelt sätt att mäta företagens sociala värde. Forskare och företagare analyserar "
            "tillsammans varför vissa företag överlever och andra inte. Nytt är att arbetet sker "
            "över två län och att deltagarna i företagen är med och definierar vad som räknas "
            "som värde."
        ),
        "innovation_en": (
            "The project builds a regional ecosystem in which social enterprises, municipalities, "
            "the Public Employment Service and academia develop shared tools: a model for "
            "civil-public partnership (IOP), a template for social considerations in public "
            "procurement and a simple way of measuring the social value the enterprises create. "
            "Researchers and entrepreneurs analyse together why some enterprises survive and "
            "others do not. What is new is that the work spans two counties and that people "
            "working in the enterprises help define what counts as value."
        ),
        "novelty": ["where", "why"],
        "process_element": "understand",
        "expected_results_sv": (
            "Minst sex kommuner i de två länen har ingått idéburet offentligt partnerskap eller "
            "gjort upphandlingar med sociala hänsyn. Minst 15 sociala företag använder den gemensamma "
            "modellen för att mäta socialt värde. En regional plattform för sociala företag "
            "finansieras gemensamt av kommunerna efter projekttiden."
        ),
        "expected_results_en": (
            "At least six municipalities have entered civil-public partnerships or carried out "
            "procurements with social considerations. At least 15 social enterprises use the "
            "shared model for measuring social value. A regional platform for social enterprises "
            "is jointly funded by the municipalities after the project ends."
        ),
        "summary_sv": (
            "Mittuniversitetet och sociala företag i Jämtland och Västernorrland bygger "
            "tillsammans ett ekosystem som gör de arbetsintegrerande sociala företagen mer "
            "hållbara."
        ),
        "summary_en": (
            "Mid Sweden University and social enterprises in Jämtland and Västernorrland jointly "
            "build an ecosystem that makes work-integration social enterprises more sustainable."
        ),
    },
    # 7 ---------------------------------------------------------------------
    {
        "number": "23-058-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Digitala vardagsvägar – från digitalt utanförskap till arbete",
        "owner": "vardagsdigital",
        "partners": [
            {"org": "eskilstuna_kommun", "role": "partner"},
            {"org": "malarbyte", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-04-01",
        "end": "2027-01-31",
        "granted_support": 3900000,
        "total_budget": 4105000,
        "cofinancing_rate": 95,
        "region": "sodermanland",
        "planned_participants": 200,
        "contact_name": "Nadia Rahimi",
        "contact_email": "nadia.rahimi@example.se",
        "challenge_sv": (
            "Nästan alla kontakter med myndigheter och arbetsgivare sker i dag digitalt. I "
            "Eskilstuna saknar många arbetssökande e-legitimation, egen dator eller vana att "
            "använda digitala tjänster, särskilt äldre, nyanlända och personer med låg "
            "utbildning. Det leder till missade möten, indragna ersättningar och att man inte "
            "kan söka jobb. Stödet som finns är utspritt och bygger på att man redan vet var man "
            "ska vända sig. Digitalt utanförskap förstärker därmed annat utanförskap och håller "
            "människor kvar långt från arbetsmarknaden."
        ),
        "challenge_en": (
            "Almost all contact with authorities and employers now takes place digitally. In "
            "Eskilstuna many jobseekers lack an electronic ID, their own computer or experience "
            "of digital services, especially older people, newly arrived people and people with "
            "little education. This leads to missed appointments, withdrawn benefits and being "
            "unable to apply for jobs. The support that exists is scattered and assumes people "
            "already know where to turn. Digital exclusion thus reinforces other exclusion and "
            "keeps people far from the labour market."
        ),
        "target_group_sv": (
            "Kvinnor och män 25–64 år i Eskilstuna som är arbetslösa eller utanför "
            "arbetskraften och som har begränsad digital kompetens, främst äldre, nyanlända och "
            "personer med kort utbildning. Personal på bibliotek och medborgarkontor är en "
            "sekundär målgrupp."
        ),
        "target_group_en": (
            "Women and men aged 25–64 in Eskilstuna who are unemployed or outside the labour "
            "force and have limited digital skills, mainly older people, newly arrived people and "
            "people with short education. Staff at libraries and citizen service offices form a "
            "secondary target group."
        ),
        "target_categories": [
            {"category": "older_people", "count": 80},
            {"category": "newly_arrived", "count": 60},
            {"category": "inactive", "count": 40},
            {"category": "unemployed", "count": 20},
        ],
        "innovation_sv": (
            "Projektet skapar digitala vardagsnoder i bostadsområdenas bibliotek och "
            "föreningslokaler där deltagare får hjälp av digitala vägledare, själva tidigare "
            "deltagare, som anställs med stöd från ett IT-företag. Stödet utgår från deltagarens "
            "egna ärenden, som att boka ett möte eller söka ett jobb, i stället för kurser. Kommunen "
            "och Arbetsförmedlingen testar att hänvisa till noderna i stället för att ge stöd "
            "själva. Nytt är kombinationen av plats nära vardagen, jämlikt kamratstöd och en "
            "direkt koppling till arbete inom IT-support."
        ),
        "innovation_en": (
            "The project creates digital everyday hubs in neighbourhood libraries and community "
            "premises where participants are helped by digital guides, themselves former "
            "participants, employed with support from an IT company. Support starts from the "
            "participant's own errands, such as booking an appointment or applying for a job, "
            "rather than courses. The municipality and the Public Employment Service test "
            "referring people to the hubs instead of giving support themselves. What is new is "
            "the combination of a place close to everyday life, peer support and a direct link "
            "to work in IT support."
        ),
        "novelty": ["what", "where"],
        "process_element": "develop_test",
        "expected_results_sv": (
            "Minst 150 deltagare kan självständigt hantera e-legitimation, jobbsök och kontakt "
            "med myndigheter. Minst tolv deltagare har anställts som digitala vägledare eller i "
            "IT-support. Kommunen har beslutat att driva noderna vidare inom biblioteksverksamheten "
            "och har ändrat sina rutiner för hänvisning av arbetssökande till noderna."
        ),
        "expected_results_en": (
            "At least 150 participants can independently handle electronic ID, job searching and "
            "contact with authorities. At least twelve participants have been employed as digital "
            "guides or in IT support. The municipality has decided to continue the hubs within "
            "its library services and has changed its referral routines."
        ),
        "summary_sv": (
            "Digitala vardagsvägar öppnar stödpunkter i Eskilstunas bostadsområden där tidigare "
            "deltagare hjälper andra att klara digitala ärenden och söka jobb."
        ),
        "summary_en": (
            "Digitala vardagsvägar opens support hubs in Eskilstuna's neighbourhoods where former "
            "participants help others manage digital errands and look for work."
        ),
    },
    # 8 ---------------------------------------------------------------------
    {
        "number": "23-063-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Bygdens kompetens – landsbygdsnoder för arbete och lärande",
        "owner": "torsby_kommun",
        "partners": [
            {"org": "bygdenatverket", "role": "partner"},
            {"org": "klaralvens_trahus", "role": "co_financer"},
            {"org": "arbetsformedlingen", "role": "cooperation_partner"},
            {"org": "fi_kaarnapolku", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-02-01",
        "end": "2027-01-31",
        "granted_support": 6750000,
        "total_budget": 7500000,
        "cofinancing_rate": 90,
        "region": "varmland",
        "planned_participants": 110,
        "contact_name": "Anders Västlund",
        "contact_email": "anders.vastlund@example.se",
        "challenge_sv": (
            "I norra Värmland är avstånden långa och kollektivtrafiken gles. Arbetsförmedlingen "
            "har inget lokalkontor, vuxenutbildningen finns i centralorten och många arbetslösa "
            "har varken körkort eller bil. Samtidigt har trä- och besöksnäringen svårt att hitta "
            "personal, och unga flyttar efter gymnasiet. Stöd och utbildning utformas efter "
            "förhållandena i städer och når inte ut i byarna. Resultatet är ett utanförskap som "
            "hänger ihop med var man bor, och en bygd som förlorar både människor och "
            "kompetens."
        ),
        "challenge_en": (
            "In northern Värmland distances are long and public transport sparse. The Public "
            "Employment Service has no local office, adult education is located in the main "
            "town and many unemployed people have neither a driving licence nor a car. At the "
            "same time the wood and tourism industries struggle to find staff, and young people "
            "move away after upper secondary school. Support and education are designed for "
            "urban conditions and do not reach the villages. The result is exclusion tied to "
            "where people live, and a countryside losing both people and skills."
        ),
        "target_group_sv": (
            "Arbetslösa kvinnor och män 18–64 år som bor utanför centralorten i Torsby kommun, "
            "däribland unga som inte gått vidare efter gymnasiet och nyanlända som bosatt sig i "
            "byarna. Anställda i småföretag som behöver kompetensutveckling ingår också."
        ),
        "target_group_en": (
            "Unemployed women and men aged 18–64 living outside the main town of Torsby "
            "municipality, including young people who have not moved on after upper secondary "
            "school and newly arrived people who have settled in the villages. Employees of small "
            "businesses who need to develop their skills are also included."
        ),
        "target_categories": [
            {"category": "unemployed", "count": 40},
            {"category": "young_people", "count": 30},
            {"category": "newly_arrived", "count": 25},
            {"category": "employed", "count": 15},
        ],
        "innovation_sv": (
            "Projektet flyttar stödet till byarna i stället för att flytta människorna. "
            "Bygdegårdar blir kompetensnoder med vägledning, distansutbildning och praktik hos "
            "lokala företag, bemannade av bygdenätverket i samverkan med kommunen. Företagen "
            "formulerar sina kompetensbehov tillsammans med deltagarna, och korta utbildningar "
            "tas fram utifrån dem. Från en finsk kooperativ partner hämtas erfarenheter av "
            "bygdekooperativ som anställer och hyr ut personal till flera småföretag. Nytt är att "
            "civilsamhället i byarna blir navet i arbetsmarknadspolitiken."
        ),
        "innovation_en": (
            "The project moves support to the villages instead of moving people. Village halls "
            "become skills hubs offering guidance, distance learning and work placements with "
            "local businesses, staffed by the village network together with the municipality. "
            "Businesses define their skills needs together with participants, and short courses "
            "are developed from them. A Finnish cooperative partner contributes experience of "
            "village cooperatives that employ staff and hire them out to several small "
            "businesses. What is new is that village civil society becomes the hub of labour "
            "market policy."
        ),
        "novelty": ["where", "what"],
        "process_element": "create_value",
        "expected_results_sv": (
            "Fyra kompetensnoder är i drift och minst 45 procent av deltagarna har gått till "
            "arbete eller studier. Ett bygdekooperativ för delade anställningar har startats. "
            "Kommunen har skrivit in noderna i sin arbetsmarknadsstrategi och ett avtal om "
            "idéburet offentligt partnerskap med bygdenätverket gäller efter projekttiden."
        ),
        "expected_results_en": (
            "Four skills hubs are running and at least 45 per cent of participants have moved "
            "into work or studies. A village cooperative for shared employment has been set up. "
            "The municipality has written the hubs into its labour market strategy, and a "
            "civil-public partnership agreement with the village network continues after the "
            "project."
        ),
        "summary_sv": (
            "Bygdens kompetens gör bygdegårdar i norra Värmland till noder för vägledning, "
            "utbildning och praktik, så att stödet når dem som bor långt från centralorten."
        ),
        "summary_en": (
            "Bygdens kompetens turns village halls in northern Värmland into hubs for guidance, "
            "learning and work placements, so that support reaches people living far from the "
            "main town."
        ),
    },
    # 9 ---------------------------------------------------------------------
    {
        "number": "23-071-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Friska kök – hälsofrämjande arbetsplatser i offentliga måltider",
        "owner": "region_kalmar",
        "partners": [
            {"org": "lnu", "role": "partner"},
            {"org": "friskbalans", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-03-01",
        "end": "2027-02-28",
        "granted_support": 4300000,
        "total_budget": 4526000,
        "cofinancing_rate": 95,
        "region": "kalmar",
        "planned_participants": 160,
        "contact_name": "Camilla Strand",
        "contact_email": "camilla.strand@example.se",
        "challenge_sv": (
            "Anställda i de offentliga storköken i Kalmar län, som lagar mat till sjukhus, "
            "skolor och äldreboenden, har hög sjukfrånvaro och många lämnar yrket i förtid. "
            "Arbetet är fysiskt tungt, tempot högt och många har annat modersmål än svenska, "
            "vilket gör det svårare att påverka arbetsmiljön. Friskvårdsinsatser når sällan "
            "dem. Den höga personalomsättningen gör det svårt att ta emot nya medarbetare från "
            "arbetsmarknadsinsatser, och en viktig ingång till arbetslivet riskerar att stängas."
        ),
        "challenge_en": (
            "Employees in the public kitchens of Kalmar County, which cook for hospitals, "
            "schools and care homes, have high sickness absence and many leave the occupation "
            "early. The work is physically demanding, the pace high, and many have a mother "
            "tongue other than Swedish, which makes it harder to influence their working "
            "environment. Wellness schemes rarely reach them. High staff turnover makes it hard "
            "to take on new employees from labour market programmes, and an important entry point "
            "to working life risks closing."
        ),
        "target_group_sv": (
            "Anställda kvinnor och män i regionens och länskommunernas offentliga storkök, "
            "särskilt kockar och måltidsbiträden med hög sjukfrånvaro, lång tid i yrket eller "
            "svenska som andraspråk, samt deras närmaste chefer och de skyddsombud som arbetar "
            "med köken."
        ),
        "target_group_en": (
            "Women and men employed in the public kitchens of the region and the county's "
            "municipalities, especially cooks and kitchen assistants with high sickness absence, "
            "many years in the job or Swedish as a second language, and their line managers and "
            "the safety representatives working with the kitchens."
        ),
        "target_categories": [
            {"category": "employed", "count": 160},
        ],
        "innovation_sv": (
            "I stället för individuella friskvårdsinsatser utgår projektet från arbetslagen. "
            "Medarbetarna kartlägger själva vad som gör dem friska eller sjuka i arbetet, med "
            "bildstöd och på flera språk, och prövar förändringar i schemaläggning, "
            "arbetsrotation och lokaler. Ett företagshälsoföretag och Linnéuniversitetet stödjer "
            "med metoder och mätning. Nytt är att kökspersonalen, som sällan hörs, leder "
            "arbetsmiljöarbetet och att förbättringarna kopplas till förmågan att ta emot nya "
            "medarbetare från arbetsmarknadsinsatser."
        ),
        "innovation_en": (
            "Instead of individual wellness schemes, the project starts from work teams. Staff "
            "map what keeps them healthy or makes them ill at work, with picture support and in "
            "several languages, and test changes in scheduling, job rotation and premises. An "
            "occupational health company and Linnaeus University support the work with methods "
            "and measurement. What is new is that kitchen staff, who are rarely heard, lead the "
            "work environment effort, and that improvements are linked to the kitchens' capacity "
            "to take on new employees from labour market programmes."
        ),
        "novelty": ["why", "who"],
        "process_element": "create_value",
        "expected_results_sv": (
            "Sjukfrånvaron i de medverkande köken har minskat med minst 20 procent och "
            "personalomsättningen har minskat. Alla kök har en arbetsmiljögrupp där "
            "medarbetarna leder arbetet. Köken tar emot minst 30 personer från "
            "arbetsmarknadsinsatser per år, och metoden har spridits till fler "
            "verksamheter i länet."
        ),
        "expected_results_en": (
            "Sickness absence in the participating kitchens has fallen by at least 20 per cent "
            "and staff turnover has decreased. Every kitchen has a work environment group led by "
            "staff. The kitchens take on at least 30 people from labour market programmes each "
            "year, and the method has spread to more services in the county."
        ),
        "summary_sv": (
            "Friska kök låter kökspersonalen i Kalmar läns offentliga storkök leda arbetet för en "
            "friskare arbetsplats som också orkar ta emot nya medarbetare."
        ),
        "summary_en": (
            "Friska kök lets kitchen staff in Kalmar County's public kitchens lead the work "
            "towards a healthier workplace that can also take on new colleagues."
        ),
    },
    # 10 --------------------------------------------------------------------
    {
        "number": "23-076-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Tillsammans tillbaka – samordnad återgång efter långvarig sjukskrivning",
        "owner": "sf_lulea_boden",
        "partners": [
            {"org": "arbetsformedlingen", "role": "partner"},
            {"org": "umu", "role": "cooperation_partner"},
            {"org": "brukarbryggan", "role": "cooperation_partner"},
        ],
        "phase": "closure",
        "start": "2024-06-01",
        "end": "2026-12-31",
        "granted_support": 5100000,
        "total_budget": 5368000,
        "cofinancing_rate": 95,
        "region": "norrbotten",
        "planned_participants": 130,
        "contact_name": "Jonas Lindbäck",
        "contact_email": "jonas.lindback@example.se",
        "challenge_sv": (
            "Personer som varit sjukskrivna länge eller saknar sjukpenninggrundande inkomst "
            "hamnar ofta mellan hälso- och sjukvården, Försäkringskassan, Arbetsförmedlingen och "
            "socialtjänsten. I Luleå och Boden beskriver de att de måste berätta sin historia om "
            "och om igen och att ingen ser helheten. Psykisk ohälsa och smärta är vanliga orsaker. "
            "Regelverk och sekretess gör samverkan svår, och insatserna avslutas ofta för tidigt. "
            "Många blir kvar utanför arbetskraften i flera år."
        ),
        "challenge_en": (
            "People who have been on sick leave for a long time or lack income qualifying for "
            "sickness benefit often fall between health care, the Social Insurance Agency, the "
            "Public Employment Service and social services. In Luleå and Boden they say they have "
            "to tell their story again and again and that no one sees the whole picture. Mental "
            "ill health and pain are common causes. Rules and confidentiality make collaboration "
            "difficult, and interventions often end too early. Many remain outside the labour "
            "force for years."
        ),
        "target_group_sv": (
            "Kvinnor och män 20–64 år i Luleå och Boden som har varit sjukskrivna mer än ett år "
            "eller uppbär försörjningsstöd på grund av ohälsa, ofta med psykisk ohälsa eller "
            "långvarig smärta. Handläggare hos de samverkande myndigheterna är sekundär målgrupp."
        ),
        "target_group_en": (
            "Women and men aged 20–64 in Luleå and Boden who have been on sick leave for more "
            "than a year or receive social assistance because of ill health, often with mental "
            "ill health or chronic pain. Case officers at the collaborating agencies form a "
            "secondary target group."
        ),
        "target_categories": [
            {"category": "inactive", "count": 70},
            {"category": "persons_with_disabilities", "count": 40},
            {"category": "long_term_unemployed", "count": 20},
        ],
        "innovation_sv": (
            "Deltagaren samlar sina handläggare kring ett och samma bord i ett gemensamt "
            "planeringsmöte som deltagaren själv leder, med stöd av en kamratstödjare med egen "
            "erfarenhet av långvarig sjukskrivning. Myndigheterna har i förväg kommit överens om "
            "samtycken och beslutsvägar så att planen kan genomföras utan avbrott. "
            "Samordningsförbundet ansvarar för modellen, och följeforskare från Umeå universitet "
            "studerar hur makten i mötet förskjuts. Nytt är att deltagaren leder samverkan i "
            "stället för att vara föremål för den."
        ),
        "innovation_en": (
            "The participant gathers their case officers around one table in a joint planning "
            "meeting that the participant leads, supported by a peer supporter with personal "
            "experience of long-term sick leave. The agencies have agreed in advance on consents "
            "and decision paths so that the plan can be carried out without interruption. The "
            "coordination association is responsible for the model, and researchers from Umeå "
            "University study how power shifts in the meeting. What is new is that the "
            "participant leads the collaboration instead of being its object."
        ),
        "novelty": ["who", "what"],
        "process_element": "understand",
        "expected_results_sv": (
            "Minst 35 procent av deltagarna har påbörjat arbete, studier eller arbetsträning med "
            "lön. Deltagarna upplever att de har fått ett sammanhållet stöd. Myndigheterna har "
            "skrivit in den deltagarledda planeringen i sina gemensamma rutiner, och modellen "
            "har presenterats för samordningsförbund i hela norra Sverige."
        ),
        "expected_results_en": (
            "At least 35 per cent of participants have started work, studies or paid work "
            "training. Participants feel they have received joined-up support. The agencies have "
            "written participant-led planning into their joint routines, and the model has been "
            "presented to coordination associations throughout northern Sweden."
        ),
        "summary_sv": (
            "Tillsammans tillbaka låter personer som länge varit sjukskrivna i Luleå och Boden "
            "själva leda ett samlat planeringsmöte med sina handläggare, med stöd av en "
            "kamratstödjare."
        ),
        "summary_en": (
            "Tillsammans tillbaka lets people on long-term sick leave in Luleå and Boden lead one "
            "joint planning meeting with their case officers, supported by a peer supporter."
        ),
    },
    # 11 --------------------------------------------------------------------
    {
        "number": "23-083-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Brukarkraft i arbete – kamratstöd från beroende till anställning",
        "owner": "brukarbryggan",
        "partners": [
            {"org": "stockholms_stad", "role": "partner"},
            {"org": "soderhem_service", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-05-01",
        "end": "2027-02-28",
        "granted_support": 5750000,
        "total_budget": 6053000,
        "cofinancing_rate": 95,
        "region": "stockholm",
        "planned_participants": 85,
        "contact_name": "Maja Ekström",
        "contact_email": "maja.ekstrom@example.se",
        "challenge_sv": (
            "Personer som har lämnat ett missbruk eller en period av hemlöshet har ofta mycket "
            "svårt att komma in på arbetsmarknaden. Luckor i cv:t, skulder och ett belastningsregister "
            "stänger dörrar, och stödet från socialtjänsten upphör ofta när behandlingen är "
            "avslutad. Många upplever att de bemöts med misstro. Risken för återfall är störst "
            "just när vardagen saknar struktur och sammanhang. Erfarenhetskunskapen hos personer "
            "som själva tagit sig ur beroende tas sällan tillvara av vare sig myndigheter eller "
            "arbetsgivare."
        ),
        "challenge_en": (
            "People who have left substance misuse or a period of homelessness often find it "
            "very hard to enter the labour market. Gaps in the CV, debts and a criminal record "
            "close doors, and support from social services often ends when treatment is "
            "completed. Many feel they are met with distrust. The risk of relapse is greatest "
            "precisely when everyday life lacks structure and belonging. The lived experience of "
            "people who have overcome addiction themselves is rarely used by authorities or "
            "employers."
        ),
        "target_group_sv": (
            "Kvinnor och män 25–64 år i Stockholm som har avslutat behandling för beroende eller "
            "lämnat hemlöshet under de senaste två åren och som står utan arbete. Arbetsgivare "
            "inom fastighetsservice och socialtjänstens personal är sekundära målgrupper."
        ),
        "target_group_en": (
            "Women and men aged 25–64 in Stockholm who have completed addiction treatment or "
            "left homelessness in the past two years and are without work. Employers in property "
            "services and social services staff are secondary target groups."
        ),
        "target_categories": [
            {"category": "long_term_unemployed", "count": 50},
            {"category": "persons_with_disabilities", "count": 20},
            {"category": "inactive", "count": 15},
        ],
        "innovation_sv": (
            "Projektet utbildar och anställer kamratstödjare med egen erfarenhet av beroende, som "
            "följer deltagaren från behandlingens slut till en stabil anställning. "
            "Kamratstödjarna arbetar i team med socialsekreterare och ett fastighetsservicebolag "
            "som erbjuder provanställningar med handledning. Deltagarna formar själva en "
            "vision för hur en bra väg till arbete ser ut, och den styr projektets prioriteringar. "
            "Nytt är att erfarenhetskunskap blir en avlönad yrkesroll i samverkan med både "
            "staden och näringslivet."
        ),
        "innovation_en": (
            "The project trains and employs peer supporters with lived experience of addiction "
            "who follow the participant from the end of treatment to stable employment. Peer "
            "supporters work in teams with social workers and a property services company that "
            "offers trial employment with supervision. Participants shape their own vision of "
            "what a good path to work looks like, and it guides the project's priorities. What is "
            "new is that lived experience becomes a paid professional role in collaboration with "
            "both the city and business."
        ),
        "novelty": ["who", "why"],
        "process_element": "envision",
        "expected_results_sv": (
            "Minst 35 procent av deltagarna har en anställning sex månader efter insatsen och "
            "färre har återfallit jämfört med tidigare år. Minst åtta kamratstödjare är "
            "anställda, och staden har inrättat kamratstöd som en ordinarie yrkesroll i "
            "socialtjänsten. Fastighetsbolaget har gjort provanställningarna till en fast del av "
            "sin rekrytering."
        ),
        "expected_results_en": (
            "At least 35 per cent of participants are employed six months after the intervention "
            "and fewer have relapsed than in previous years. At least eight peer supporters are "
            "employed, and the city has established peer support as a regular professional role in "
            "social services. The property company has made trial employment a permanent part of "
            "its recruitment."
        ),
        "summary_sv": (
            "I Brukarkraft i arbete följer anställda kamratstödjare personer i Stockholm som "
            "lämnat beroende eller hemlöshet hela vägen till en stabil anställning."
        ),
        "summary_en": (
            "In Brukarkraft i arbete, employed peer supporters accompany people in Stockholm who "
            "have left addiction or homelessness all the way to stable employment."
        ),
    },
    # 12 --------------------------------------------------------------------
    {
        "number": "23-090-S01",
        "call": MAIN_CALL_REFERENCE,
        "name": "Cirkulära jobb – återbruk som språngbräda",
        "owner": "cirkularen",
        "partners": [
            {"org": "malmo_stad", "role": "partner"},
            {"org": "stiftelsen_oppna_vagar", "role": "partner"},
            {"org": "es_camino_circular", "role": "cooperation_partner"},
        ],
        "phase": "implementation",
        "start": "2024-06-01",
        "end": "2027-03-31",
        "granted_support": 6900000,
        "total_budget": 7263000,
        "cofinancing_rate": 95,
        "region": "skane",
        "planned_participants": 140,
        "contact_name": "Tobias Hallberg",
        "contact_email": "tobias.hallberg@example.se",
        "challenge_sv": (
            "I Malmö har flera bostadsområden hög arbetslöshet, särskilt bland unga och "
            "utrikes födda. Samtidigt växer behovet av arbetskraft inom återbruk, reparation "
            "och cirkulär ekonomi, men branschen är ny och saknar utbildningsvägar. Kommunens "
            "arbetsmarknadsinsatser och klimatarbete planeras i olika förvaltningar och möts "
            "sällan. Deltagare som gör praktik i sociala företag får erfarenhet men sällan ett "
            "intyg som andra arbetsgivare känner igen. Därmed blir steget från det sociala "
            "företaget till den öppna arbetsmarknaden för långt."
        ),
        "challenge_en": (
            "Several neighbourhoods in Malmö have high unemployment, especially among young and "
            "foreign-born people. At the same time demand for labour in reuse, repair and the "
            "circular economy is growing, but the sector is new and lacks training pathways. The "
            "city's labour market programmes and climate work are planned in different "
            "departments and rarely meet. Participants on placements in social enterprises gain "
            "experience but seldom a certificate other employers recognise. The step from the "
            "social enterprise to the open labour market therefore becomes too long."
        ),
        "target_group_sv": (
            "Arbetslösa kvinnor och män 18–64 år i Malmö, främst unga utan fullständig "
            "gymnasieutbildning, nyanlända och personer som varit utan arbete i mer än ett år. "
            "Arbetsgivare inom handel, fastighet och reparation är en sekundär målgrupp."
        ),
        "target_group_en": (
            "Unemployed women and men aged 18–64 in Malmö, mainly young people without complete "
            "upper secondary education, newly arrived people and people who have been out of "
            "work for more than a year. Employers in retail, property and repair form a secondary "
            "target group."
        ),
        "target_categories": [
            {"category": "long_term_unemployed", "count": 50},
            {"category": "newly_arrived", "count": 50},
            {"category": "young_people", "count": 40},
        ],
        "innovation_sv": (
            "Det sociala företaget Cirkularen utvecklar tillsammans med staden och en stiftelse "
            "ett validerat lärande i återbruk, reparation och försäljning, där deltagarnas "
            "kunskaper dokumenteras i branschgemensamma kompetensbevis. Modellen prövas i tre "
            "återbruksverkstäder i bostadsområdena och kopplar stadens klimatmål till dess "
            "arbetsmarknadspolitik. En spansk stiftelse delar sin erfarenhet av cirkulära "
            "arbetsintegrerande företag, och modellen anpassas för spridning till fler kommuner. "
            "Nytt är att en växande grön bransch blir en tydlig väg in för personer långt från "
            "arbetsmarknaden."
        ),
        "innovation_en": (
            "The social enterprise Cirkularen, together with the city and a foundation, develops "
            "validated learning in reuse, repair and sales, in which participants' skills are "
            "documented in sector-wide skills certificates. The model is tested in three reuse "
            "workshops in the neighbourhoods and links the city's climate goals to its labour "
            "market policy. A Spanish foundation shares its experience of circular "
            "work-integration enterprises, and the model is adapted for spread to more "
            "municipalities. What is new is that a growing green sector becomes a clear way in "
            "for people far from the labour market."
        ),
        "novelty": ["what", "where"],
        "process_element": "realise_spread",
        "expected_results_sv": (
            "Minst 50 procent av deltagarna har fått ett kompetensbevis och minst 40 procent är "
            "i arbete eller studier efter insatsen. Staden har skrivit in återbruksverkstäderna i "
            "både sin klimatplan och sin arbetsmarknadsplan. Minst två andra kommuner har "
            "beslutat att pröva modellen."
        ),
        "expected_results_en": (
            "At least 50 per cent of participants have received a skills certificate and at "
            "least 40 per cent are in work or studies after the intervention. The city has "
            "written the reuse workshops into both its climate plan and its labour market plan. "
            "At least two other municipalities have decided to try the model."
        ),
        "summary_sv": (
            "Cirkulära jobb gör återbruk och reparation till en väg in på arbetsmarknaden i "
            "Malmö, med kompetensbevis som andra arbetsgivare känner igen."
        ),
        "summary_en": (
            "Cirkulära jobb makes reuse and repair a way into the labour market in Malmö, with "
            "skills certificates that other employers recognise."
        ),
    },
    # 13 (pre-study) ----------------------------------------------------------
    {
        "number": "24-105-S01",
        "call": PRE_STUDY_CALL_REFERENCE,
        "name": "Förstudie: Öns omsorgsjobb",
        "owner": "region_gotland",
        "partners": [
            {"org": "vardkraft_narke", "role": "partner"},
            {"org": "arbetsformedlingen", "role": "cooperation_partner"},
        ],
        "phase": "pre_study",
        "start": "2024-09-01",
        "end": "2025-05-31",
        "granted_support": 720000,
        "total_budget": 758000,
        "cofinancing_rate": 95,
        "region": "gotland",
        "planned_participants": 20,
        "contact_name": "Sofia Lyberg",
        "contact_email": "sofia.lyberg@example.se",
        "challenge_sv": (
            "På Gotland saknas personal inom hemtjänst och äldreomsorg, och behovet ökar när "
            "befolkningen blir äldre. Samtidigt finns unga och nyanlända på ön som står utan "
            "arbete men som inte ser omsorgsyrket som ett alternativ. Arbetsvillkoren, långa "
            "resor mellan brukare på landsbygden och en bild av yrket som tungt och lågstatus "
            "bidrar. Utbildningsvägarna är få och dåligt anpassade till dem som behöver "
            "kombinera lärande med försörjning. Förstudien ska förstå orsakerna innan lösningar "
            "tas fram."
        ),
        "challenge_en": (
            "Gotland lacks staff in home care and elderly care, and the need grows as the "
            "population ages. At the same time there are young and newly arrived people on the "
            "island who are out of work but do not see care work as an option. Working "
            "conditions, long journeys between care recipients in the countryside and an image of "
            "the job as hard and low-status all contribute. Training pathways are few and poorly "
            "adapted to those who need to combine learning with earning a living. The pre-study "
            "aims to understand the causes before solutions are developed."
        ),
        "target_group_sv": (
            "Unga 18–29 år och nyanlända kvinnor och män på Gotland som står utan arbete och "
            "inte har någon vård- och omsorgsutbildning, samt medarbetare och chefer inom "
            "hemtjänsten som kan bidra med sina erfarenheter av yrket."
        ),
        "target_group_en": (
            "Young people aged 18–29 and newly arrived women and men on Gotland who are out of "
            "work and have no health and social care training, as well as home care staff and "
            "managers who can contribute their experience of the job."
        ),
        "target_categories": [
            {"category": "young_people", "count": 10},
            {"category": "newly_arrived", "count": 10},
        ],
        "innovation_sv": (
            "Förstudien använder tjänstedesign för att låta arbetssökande skugga "
            "hemtjänstpersonal under en dag och sedan tillsammans med personalen beskriva vad som "
            "skulle göra yrket attraktivt. Regionen, en privat omsorgsgivare och "
            "Arbetsförmedlingen deltar i gemensamma workshoppar. Tanken är att pröva om ett "
            "delat lärlingsupplägg mellan offentlig och privat hemtjänst kan fungera på en ö "
            "med långa avstånd. Nytt för Gotland är att arbetssökande och personal formulerar "
            "problemet tillsammans."
        ),
        "innovation_en": (
            "The pre-study uses service design to let jobseekers shadow home care staff for a "
            "day and then describe, together with the staff, what would make the job attractive. "
            "The region, a private care provider and the Public Employment Service take part in "
            "joint workshops. The idea is to test whether a shared apprenticeship between public "
            "and private home care can work on an island with long distances. What is new for "
            "Gotland is that jobseekers and staff define the problem together."
        ),
        "novelty": ["who", "where"],
        "process_element": "understand",
        "expected_results_sv": (
            "Förstudien resulterar i ett problemträd och en första förändringsteori som tagits "
            "fram tillsammans med målgruppen. Ett partnerskap mellan regionen, privata "
            "omsorgsgivare och Arbetsförmedlingen är förankrat, och en ansökan om ett "
            "genomförandeprojekt med ett delat lärlingsupplägg mellan offentlig och privat "
            "hemtjänst är förberedd."
        ),
        "expected_results_en": (
            "The pre-study results in a problem tree and a first theory of change developed "
            "together with the target group. A partnership between the region, private care "
            "providers and the Public Employment Service is anchored, and an application for an "
            "implementation project with a shared apprenticeship is prepared."
        ),
        "summary_sv": (
            "Förstudien undersöker tillsammans med arbetssökande och hemtjänstpersonal hur fler "
            "unga och nyanlända på Gotland kan vilja och kunna arbeta i äldreomsorgen."
        ),
        "summary_en": (
            "The pre-study explores with jobseekers and home care staff how more young and newly "
            "arrived people on Gotland could want to and be able to work in elderly care."
        ),
    },
    # 14 (pre-study) ----------------------------------------------------------
    {
        "number": "24-112-S01",
        "call": PRE_STUDY_CALL_REFERENCE,
        "name": "Förstudie: Idrotten som väg till arbete",
        "owner": "idrott_framtid",
        "partners": [
            {"org": "karlskrona_kommun", "role": "partner"},
            {"org": "lnu", "role": "cooperation_partner"},
        ],
        "phase": "pre_study",
        "start": "2024-10-01",
        "end": "2025-06-30",
        "granted_support": 540000,
        "total_budget": 568000,
        "cofinancing_rate": 95,
        "region": "blekinge",
        "planned_participants": 25,
        "contact_name": "Kristoffer Blom",
        "contact_email": "kristoffer.blom@example.se",
        "challenge_sv": (
            "I Karlskrona finns unga som varken studerar eller arbetar men som är aktiva i "
            "idrottsföreningar, där de är ledare, domare eller funktionärer. Den erfarenheten "
            "räknas sällan som arbetslivserfarenhet, och föreningarna saknar kontakt med "
            "arbetsgivare och kommunens arbetsmarknadsenhet. Samtidigt har många föreningar svårt "
            "att hitta ledare. Förstudien ska undersöka hur idrottens förtroende hos unga och "
            "dess nätverk kan användas som en väg till arbete, utan att föreningslivets "
            "ideella karaktär går förlorad."
        ),
        "challenge_en": (
            "In Karlskrona there are young people who neither study nor work but are active in "
            "sports clubs as coaches, referees or volunteers. That experience rarely counts as "
            "work experience, and the clubs have no contact with employers or the municipality's "
            "labour market unit. At the same time many clubs struggle to find coaches. The "
            "pre-study will explore how the trust young people place in sport and its networks "
            "can be used as a path to work without losing the voluntary character of club life."
        ),
        "target_group_sv": (
            "Unga kvinnor, män och icke-binära 16–29 år i Karlskrona som varken studerar eller "
            "arbetar och som är eller har varit aktiva i en idrottsförening, samt de "
            "föreningsledare och tränare som möter dem i vardagen."
        ),
        "target_group_en": (
            "Young women, men and non-binary people aged 16–29 in Karlskrona who neither study "
            "nor work and who are or have been active in a sports club, as well as the club "
            "leaders and coaches who meet them in everyday club life."
        ),
        "target_categories": [
            {"category": "young_people", "count": 25},
        ],
        "innovation_sv": (
            "Förstudien prövar idén att idrottsföreningen blir en ingång till arbetslivet. "
            "Tillsammans med unga, föreningar och kommunen formuleras en gemensam vision för hur "
            "ledaruppdrag kan valideras och kopplas till praktik och anställning hos lokala "
            "arbetsgivare. Linnéuniversitetet bidrar med kunskap om validering av informellt "
            "lärande. Nytt är att föreningslivet, och inte en myndighet, är den plats där unga "
            "möter vägen till arbete."
        ),
        "innovation_en": (
            "The pre-study tests the idea that the sports club becomes an entry point to working "
            "life. Together with young people, clubs and the municipality, a shared vision is "
            "formulated for how coaching roles can be validated and linked to placements and "
            "jobs with local employers. Linnaeus University contributes knowledge of validating "
            "informal learning. What is new is that club life, not an agency, is where young "
            "people meet the path to work."
        ),
        "novelty": ["where", "who"],
        "process_element": "envision",
        "expected_results_sv": (
            "Förstudien leder till en gemensam vision och förändringsteori som tagits fram med "
            "unga och föreningar, en skiss på hur ledaruppdrag kan valideras och ett förankrat "
            "partnerskap med kommunen, minst tre idrottsföreningar och minst fem lokala "
            "arbetsgivare inför en ansökan om ett genomförandeprojekt."
        ),
        "expected_results_en": (
            "The pre-study results in a shared vision and theory of change developed with young "
            "people and clubs, an outline of how coaching roles can be validated, and an anchored "
            "partnership with the municipality, at least three sports clubs and at least five "
            "local employers ahead of an application for an implementation project."
        ),
        "summary_sv": (
            "Förstudien undersöker hur idrottsföreningar i Karlskrona kan bli en väg till arbete "
            "för unga som varken studerar eller arbetar."
        ),
        "summary_en": (
            "The pre-study explores how sports clubs in Karlskrona can become a path to work for "
            "young people not in education or employment."
        ),
    },
    # 15 (pre-study) ----------------------------------------------------------
    {
        "number": "24-118-S01",
        "call": PRE_STUDY_CALL_REFERENCE,
        "name": "Förstudie: Inkluderande bemanning i Halland",
        "owner": "kattegatt_bemanning",
        "partners": [
            {"org": "halmstads_kommun", "role": "partner"},
            {"org": "stiftelsen_oppna_vagar", "role": "cooperation_partner"},
            {"org": "arbetsformedlingen", "role": "steering_group"},
        ],
        "phase": "pre_study",
        "start": "2024-11-01",
        "end": "2025-07-31",
        "granted_support": 860000,
        "total_budget": 905000,
        "cofinancing_rate": 95,
        "region": "halland",
        "planned_participants": 30,
        "contact_name": "Amira Hassan",
        "contact_email": "amira.hassan@example.se",
        "challenge_sv": (
            "Små och medelstora företag i Halland vill ofta anställa personer som står långt "
            "från arbetsmarknaden, men de saknar tid och kunskap för att hantera stöd, "
            "handledning och de anpassningar som behövs. Ett enskilt företag kan sällan erbjuda "
            "en heltid. Bemanningsbranschen når i dag främst dem som redan står nära "
            "arbetsmarknaden. Förstudien ska undersöka om ett inkluderande bemanningsföretag, "
            "som anställer och ger stöd medan flera småföretag delar på arbetstiden, kan sänka "
            "trösklarna för både arbetsgivare och arbetssökande."
        ),
        "challenge_en": (
            "Small and medium-sized companies in Halland often want to hire people who stand far "
            "from the labour market, but they lack the time and knowledge to handle support, "
            "supervision and the adjustments needed. A single company can rarely offer a "
            "full-time job. The staffing industry today mainly reaches people already close to "
            "the labour market. The pre-study will explore whether an inclusive staffing company, "
            "which employs and supports people while several small businesses share their working "
            "hours, can lower the thresholds for both employers and jobseekers."
        ),
        "target_group_sv": (
            "Arbetssökande kvinnor och män 20–64 år i Halmstad som har varit utan arbete länge "
            "eller har en funktionsnedsättning, samt ägare och chefer i små och medelstora "
            "företag som vill bidra till ett mer inkluderande arbetsliv."
        ),
        "target_group_en": (
            "Jobseeking women and men aged 20–64 in Halmstad who have been out of work for a "
            "long time or have a disability, as well as owners and managers of small and "
            "medium-sized companies who want to contribute to a more inclusive working life."
        ),
        "target_categories": [
            {"category": "long_term_unemployed", "count": 15},
            {"category": "persons_with_disabilities", "count": 15},
        ],
        "innovation_sv": (
            "Förstudien mobiliserar småföretag, kommunen och en idéburen stiftelse kring en "
            "modell för delade anställningar där bemanningsföretaget är arbetsgivare och står för "
            "handledning, medan flera företag delar på arbetstiden. Arbetssökande och "
            "företagare testar modellen i rollspel och korta försök, och erfarenheterna "
            "diskuteras i en referensgrupp där målgruppen är i majoritet. Nytt är att en privat "
            "aktör tar arbetsgivaransvaret för inkludering och att affärsmodellen utformas "
            "tillsammans med målgruppen."
        ),
        "innovation_en": (
            "The pre-study mobilises small businesses, the municipality and a non-profit "
            "foundation around a model of shared employment in which the staffing company is the "
            "employer and provides supervision while several companies share the working hours. "
            "Jobseekers and business owners test the model in role plays and short trials, and "
            "the experience is discussed in a reference group in which the target group is in "
            "the majority. What "
            "is new is that a private actor takes on the employer's responsibility for inclusion "
            "and that the business model is designed together with the target group."
        ),
        "novelty": ["who", "what"],
        "process_element": "mobilise",
        "expected_results_sv": (
            "Förstudien resulterar i en beskriven modell för inkluderande bemanning, en "
            "förändringsteori och avsiktsförklaringar från minst tio småföretag. Kommunen och "
            "stiftelsen har tagit ställning till ett fortsatt partnerskap, deltagarnas synpunkter "
            "på modellen är dokumenterade och en ansökan om genomförandeprojekt är förberedd."
        ),
        "expected_results_en": (
            "The pre-study results in a described model for inclusive staffing, a theory of "
            "change and letters of intent from at least ten small businesses. The municipality "
            "and the foundation have decided on a continued partnership, participants' views on "
            "the model are documented and an application for an implementation project is "
            "prepared."
        ),
        "summary_sv": (
            "Förstudien undersöker om ett bemanningsföretag kan anställa personer långt från "
            "arbetsmarknaden och låta flera småföretag i Halland dela på arbetstiden."
        ),
        "summary_en": (
            "The pre-study explores whether a staffing company can employ people far from the "
            "labour market and let several small businesses in Halland share their working time."
        ),
    },
]

# ---------------------------------------------------------------------------
# Project members (demo log-ins and invited colleagues)
# ---------------------------------------------------------------------------

MEMBERS: list[dict[str, str]] = [
    {
        "email": "projekt@samskapa.test",
        "name": "Petra Lind",
        "project": "23-012-S01",
        "role": "lead",
    },
    {
        "email": "projekt2@samskapa.test",
        "name": "Omar Haddad",
        "project": "23-019-S01",
        "role": "lead",
    },
    {
        "email": "johanna.sandstrom@example.se",
        "name": "Johanna Sandström",
        "project": "23-027-S01",
        "role": "lead",
    },
    {
        "email": "elias.marklund@example.se",
        "name": "Elias Marklund",
        "project": "23-027-S01",
        "role": "member",
    },
    {
        "email": "erik.nordin@example.se",
        "name": "Erik Nordin",
        "project": "23-052-S01",
        "role": "lead",
    },
    {
        "email": "leila.sabri@example.se",
        "name": "Leila Sabri",
        "project": "23-090-S01",
        "role": "member",
    },
]
