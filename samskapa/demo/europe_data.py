"""The demo's European catalogue: twenty invented initiatives and five invented competence
centres, all marked as example data (`is_example`). They are realistic in kind (what SIM and
Kohesio describe, in English as those sources write) but describe no real initiative,
organisation or centre; their identifiers start with EX- and they link to no source page."""

from __future__ import annotations

# (source, source_id, title, country, organisation, programme, themes, start, end, summary)
INITIATIVES: list[tuple[str, str, str, str, str, str, str, str, str, str]] = [
    (
        "sim",
        "EX-SIM-001",
        "Job coaches in the neighbourhood library",
        "FI",
        "Example City of Lakeside, Employment Services",
        "ESF+ Finland 2021–2027",
        "Employment; Long-term unemployment; Public libraries",
        "2023-03-01",
        "2026-02-28",
        "Job coaches hold open hours in neighbourhood libraries, where people who have been out "
        "of work for a long time already come. Visitors get help with applications, digital "
        "services and contacts with employers without an appointment. The municipality, the "
        "library service and the public employment service share one case list.",
    ),
    (
        "sim",
        "EX-SIM-002",
        "Peer mentors for young people leaving care",
        "NL",
        "Example Foundation Stepping Stones",
        "ESF+ Netherlands",
        "Youth; Care leavers; Peer support",
        "2022-09-01",
        "2025-08-31",
        "Young adults who grew up in care are trained as paid peer mentors for 16- to "
        "21-year-olds about to leave residential care. Mentors and mentees meet weekly for a "
        "year; social workers co-design the handover plan together with both of them.",
    ),
    (
        "kohesio",
        "EX-KOH-003",
        "Social enterprise kitchen for newly arrived women",
        "DE",
        "Example Neighbourhood Association Nordstadt",
        "ESF Plus Programme of the Federal Government",
        "Migrants; Women; Social economy; Employment",
        "2023-01-01",
        "2027-06-30",
        "A catering social enterprise offers paid work placements and language training to "
        "newly arrived women. Recipes from participants' home countries are sold to local "
        "companies; a third of the participants move on to regular employment within a year.",
    ),
    (
        "sim",
        "EX-SIM-004",
        "Co-designed home care schedules with older people",
        "DK",
        "Example Municipality of Fjordby",
        "ESF+ Denmark",
        "Older people; Home care; Co-creation",
        "2024-02-01",
        "2026-12-31",
        "Older people who receive home care plan their weekly visits together with the care "
        "team instead of receiving a fixed schedule. A simple planning board and a monthly "
        "review meeting replaced most of the time-slot system.",
    ),
    (
        "kohesio",
        "EX-KOH-005",
        "Digital inclusion hubs in rural villages",
        "PT",
        "Example Intermunicipal Community of the Interior",
        "Programa Pessoas 2030",
        "Digital inclusion; Rural areas; Older people",
        "2023-06-01",
        "2026-05-31",
        "Village halls become digital help points staffed by trained volunteers and a "
        "travelling facilitator. Residents learn to use e-health and tax services; the hubs "
        "also lend tablets to households without a computer.",
    ),
    (
        "sim",
        "EX-SIM-006",
        "Housing First for young homeless adults",
        "IE",
        "Example Housing Trust",
        "ESF+ Ireland",
        "Homelessness; Housing; Youth; Mental health",
        "2022-04-01",
        "2025-12-31",
        "Young homeless adults receive a permanent tenancy first, with intensive support "
        "afterwards rather than as a condition. Tenancy sustainment after eighteen months is "
        "followed with the local authority and two housing associations.",
    ),
    (
        "kohesio",
        "EX-KOH-007",
        "Outcome-based contract for long-term unemployed parents",
        "BE",
        "Example Regional Employment Agency",
        "ESF+ Flanders",
        "Employment; Parents; Social impact bonds",
        "2023-09-01",
        "2027-08-31",
        "An outcome-based contract pays a consortium of non-profits for sustained jobs of "
        "single parents who have been unemployed for two years or more, combining job search "
        "support with flexible childcare.",
    ),
    (
        "sim",
        "EX-SIM-008",
        "Schools as community centres after hours",
        "ES",
        "Example City Council of Costa Verde",
        "ESF+ Spain",
        "Education; Early school leaving; Community development",
        "2022-01-01",
        "2025-06-30",
        "Primary schools open their buildings in the evenings for homework clubs, parents' "
        "courses and associations. Early school leaving in the participating districts is "
        "followed over five years.",
    ),
    (
        "sim",
        "EX-SIM-009",
        "Recovery colleges in mental health services",
        "IT",
        "Example Local Health Authority",
        "ESF+ Italy",
        "Mental health; Co-production; Adult education",
        "2023-02-01",
        "2026-01-31",
        "Courses on recovery from mental illness are designed and taught together by people "
        "with lived experience and professionals. Anyone can enrol: service users, relatives "
        "and staff learn side by side.",
    ),
    (
        "kohesio",
        "EX-KOH-010",
        "Roma health mediators in primary care",
        "RO",
        "Example County Public Health Directorate",
        "Programul Incluziune și Demnitate Socială",
        "Roma inclusion; Health; Mediation",
        "2023-04-01",
        "2027-03-31",
        "Health mediators from Roma communities work in primary care practices, help families "
        "register with a doctor and follow up vaccinations and prenatal care.",
    ),
    (
        "sim",
        "EX-SIM-011",
        "Repair cafés as a route to work",
        "AT",
        "Example Social Economy Network Vienna",
        "ESF+ Austria",
        "Circular economy; Social economy; Employment",
        "2024-01-01",
        "2026-12-31",
        "Repair cafés run by a work integration social enterprise train long-term unemployed "
        "people in repairing electronics and bicycles, with certificates recognised by local "
        "employers.",
    ),
    (
        "kohesio",
        "EX-KOH-012",
        "Personal budgets for people with disabilities",
        "PL",
        "Example Regional Centre for Social Policy",
        "FERS – European Funds for Social Development",
        "Disability; Independent living; Personal assistance",
        "2023-07-01",
        "2027-06-30",
        "People with disabilities manage a personal budget for assistance and choose their "
        "own assistants. Regional social services test the model with three hundred "
        "participants before a national decision.",
    ),
    (
        "sim",
        "EX-SIM-013",
        "Intergenerational housing for students and older people",
        "FR",
        "Example Association Toit Partagé",
        "ESF+ France",
        "Housing; Older people; Loneliness; Students",
        "2022-10-01",
        "2025-09-30",
        "Students rent a room at a low price from older people living alone in exchange for "
        "agreed company and small help. A coordinator matches the pairs and follows up every "
        "three months.",
    ),
    (
        "kohesio",
        "EX-KOH-014",
        "Green skills for young people not in employment",
        "EE",
        "Example Youth Work Centre",
        "ESF+ Estonia",
        "Youth; NEET; Green transition; Skills",
        "2024-03-01",
        "2026-08-31",
        "Young people not in employment, education or training take short practical courses "
        "in energy renovation and nature care, with a paid placement at a local company.",
    ),
    (
        "sim",
        "EX-SIM-015",
        "Citizens' budget for social innovation in the neighbourhood",
        "PT",
        "Example Parish Council of Ribeira",
        "ESF+ Portugal",
        "Participatory budgeting; Community development; Co-creation",
        "2023-01-01",
        "2024-12-31",
        "Residents propose and vote on small social projects funded from a neighbourhood "
        "budget; the parish council supports the winners with coaching for a year.",
    ),
    (
        "kohesio",
        "EX-KOH-016",
        "Language cafés with employers for refugees",
        "CZ",
        "Example Integration Centre",
        "Operational Programme Employment Plus",
        "Migrants; Refugees; Language learning; Employment",
        "2023-05-01",
        "2026-04-30",
        "Weekly language cafés bring refugees together with staff of local employers. "
        "Conversations turn into job shadowing and, for many, into a first contract.",
    ),
    (
        "sim",
        "EX-SIM-017",
        "Family group conferences in child protection",
        "LT",
        "Example Municipal Social Services",
        "ESF+ Lithuania",
        "Children; Families; Child protection; Participation",
        "2022-06-01",
        "2025-05-31",
        "Families draw up their own plan for a child's safety in a family group conference, "
        "with relatives and friends, before the services decide. An independent coordinator "
        "prepares the meeting.",
    ),
    (
        "kohesio",
        "EX-KOH-018",
        "Mobile social workers for isolated farms",
        "SI",
        "Example Centre for Social Work",
        "ESF+ Slovenia",
        "Rural areas; Older people; Social services outreach",
        "2024-01-01",
        "2027-12-31",
        "A team of social workers visits isolated farms by van, bringing social, health and "
        "benefit advice to older farmers and their families who seldom reach the town.",
    ),
    (
        "sim",
        "EX-SIM-019",
        "Social procurement clauses for inclusive jobs",
        "FI",
        "Example Regional Council",
        "ESF+ Finland 2021–2027",
        "Social procurement; Employment; Public sector",
        "2023-08-01",
        "2026-07-31",
        "The region adds employment clauses to public contracts for construction and "
        "cleaning. A broker helps companies recruit people who are far from the labour "
        "market and follows them during the first year.",
    ),
    (
        "kohesio",
        "EX-KOH-020",
        "Debt advice in maternity clinics",
        "NL",
        "Example Municipal Health Service",
        "ESF+ Netherlands",
        "Over-indebtedness; Families; Prevention",
        "2023-03-01",
        "2025-12-31",
        "Midwives ask expecting parents about money worries and refer them directly to a debt "
        "adviser who joins the clinic one morning a week: help starts before debts grow.",
    ),
]

# (name, country, host organisation, description)
CENTRES: list[tuple[str, str, str, str]] = [
    (
        "Example competence centre for social innovation, Finland",
        "FI",
        "Example national ESF+ body",
        "Connects social innovators, municipalities and funders; runs a national network.",
    ),
    (
        "Example competence centre for social innovation, Portugal",
        "PT",
        "Example public mission structure",
        "Supports social innovation finance and learning between regions.",
    ),
    (
        "Example competence centre for social innovation, Belgium (Flanders)",
        "BE",
        "Example ESF+ managing authority",
        "Helps projects scale and transfer their innovations.",
    ),
    (
        "Example competence centre for social innovation, Poland",
        "PL",
        "Example regional development agency",
        "Incubates social innovations and brings them to public services.",
    ),
    (
        "Example competence centre for social innovation, Ireland",
        "IE",
        "Example national social innovation fund",
        "Funds and supports social innovators and shares what works.",
    ),
]
