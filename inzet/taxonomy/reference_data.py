"""The first contents of the reference lists (docs/domain/reference-lists.md), loaded by a data migration.

Each entry: (code, Dutch label, English label, source). Operators may edit them afterwards.
"""

LEVELS = [
    ("experience", "Ervaring", "Experience", "001 l.2602"),
    ("experiential_knowledge", "Ervaringskennis", "Experiential knowledge", "001 l.2604"),
    ("expertise", "Ervaringsdeskundigheid", "Experiential expertise", "001 l.2606"),
    ("professional", "Professionele ervaringsdeskundigheid", "Professional experiential expertise", "001 l.2610"),
]
ROLES = [
    ("supporter", "Ondersteuner, begeleider, maatje of coach", "Supporter, guide, buddy or coach", "002 TIP 2"),
    ("policy_influencer", "Beleidsbeïnvloeder", "Policy influencer", "002 TIP 2"),
    (
        "expertise_promoter",
        "Deskundigheidsbevorderaar (ook co-docent)",
        "Expertise promoter (incl. co-teacher)",
        "002 TIP 2",
    ),
    ("researcher", "Onderzoeker", "Researcher", "002 TIP 2"),
    ("innovator", "Initiatiefnemer van vernieuwing", "Initiator of innovation", "002 TIP 2"),
]
RELATIONAL_ROLES = [
    ("bridge_builder", "Bruggenbouwer", "Bridge builder", "002 TIP 2"),
    ("ally", "Bondgenoot", "Ally", "002 TIP 2"),
    ("changer", "Veranderaar", "Changer", "002 TIP 2"),
    ("gadfly", "Luis in de pels", "Gadfly", "002 TIP 2"),
    ("role_model", "Rolmodel", "Role model", "002 TIP 2"),
]
PRACTICE_SETTINGS = [
    ("individual_support", "Individuele ondersteuning", "Individual peer support", "001 l.2134"),
    ("peer_groups", "Lotgenotengroepen", "Peer groups", "001 l.2160"),
    (
        "institutions",
        "Instellingen (cliëntenraad, keukentafelgesprek, vertrouwenspersoon)",
        "Institutions (client council, kitchen-table talk, confidant)",
        "001 l.2190",
    ),
    ("society", "Samenleving (kwartiermaker, mystery guest)", "Society (kwartiermaker, mystery guest)", "001 l.2220"),
    ("education_research", "Onderwijs en onderzoek", "Education and research", "001 l.2255"),
]
SECTORS = [
    ("care", "Zorg", "Care", "001 l.1556"),
    ("social_domain", "Sociaal domein (werk, inkomen, armoede)", "Social domain (work, income, poverty)", "001 l.1556"),
    (
        "participation_wmo_youth",
        "Participatiewet, Wmo 2015 en Jeugdwet",
        "Participation Act, Wmo 2015 and Youth Act",
        "001 l.1556",
    ),
    ("accessibility", "Toegankelijkheid", "Accessibility", "001 l.1556"),
    ("safety_justice", "Veiligheid en justitie", "Safety and justice", "001 l.1556"),
]
EXPERIENCE_AREAS = [
    ("mental_health", "Psychische gezondheid (GGZ)", "Mental health", "DOMAIN §3"),
    ("addiction", "Verslaving", "Addiction", "DOMAIN §3"),
    ("intellectual_disability", "(Licht) verstandelijke beperking", "(Mild) intellectual disability", "DOMAIN §3"),
    ("autism", "Autisme", "Autism", "DOMAIN §3"),
    ("physical_disability", "Lichamelijke beperking", "Physical disability", "DOMAIN §3"),
    ("chronic_illness", "Chronische ziekte", "Chronic illness", "DOMAIN §3"),
    ("blind_low_vision", "Blind of slechtziend", "Blind or low vision", "DOMAIN §3"),
    ("deaf_hard_of_hearing", "Doof of slechthorend", "Deaf or hard of hearing", "DOMAIN §3"),
    ("poverty_debt", "Armoede en schulden", "Poverty and debt", "DOMAIN §3"),
    ("homelessness", "Dakloosheid", "Homelessness", "DOMAIN §3"),
    ("carers", "Mantelzorg en naasten", "Carers and relatives", "DOMAIN §3"),
    ("sexual_abuse", "Seksueel (kinder)misbruik", "Sexual (child) abuse", "DOMAIN §3"),
    ("youth_care", "Jeugdzorg", "Youth care", "DOMAIN §3"),
]
TREATY_AREAS = [
    ("awareness", "Bewustwording", "Awareness", "001 l.1440"),
    ("public_life", "Openbaar leven, cultuur en sport", "Public life, culture and sport", "001 l.1440"),
    (
        "accessibility",
        "Toegankelijkheid (fysiek, digitaal, sociaal)",
        "Accessibility (physical, digital, social)",
        "001 l.1440",
    ),
    ("mobility", "Mobiliteit", "Mobility", "001 l.1440"),
    ("housing", "Wonen", "Housing", "001 l.1440"),
    ("education", "Onderwijs", "Education", "001 l.1440"),
    ("health", "Gezondheid", "Health", "001 l.1440"),
    ("work_day_activities", "Werk en dagbesteding", "Work and day activities", "001 l.1440"),
]
COMPETENCES = [
    (
        "reciprocal_contact",
        "Wederkerig en gelijkwaardig contact maken met eigen en collectieve ervaringskennis",
        "Reciprocal and equal contact using own and collective experiential knowledge",
        "002 TIP 3 (BCP-E 2022)",
    ),
    (
        "methods_tools",
        "Methoden en instrumenten van het vak gebruiken",
        "Using the methods and tools of the field",
        "002 TIP 3 (BCP-E 2022)",
    ),
    (
        "cooperating_positioning",
        "Samenwerken en positioneren op meerdere niveaus",
        "Cooperating and positioning on several levels",
        "002 TIP 3 (BCP-E 2022)",
    ),
    (
        "change_advice",
        "Veranderingsgericht adviseren over zorg, ondersteuning en beleid",
        "Change-oriented advice on care, support and policy",
        "002 TIP 3 (BCP-E 2022)",
    ),
    (
        "professional_thinking",
        "Conceptueel, normatief en professioneel denken",
        "Conceptual, normative and professional thinking",
        "002 TIP 3 (BCP-E 2022)",
    ),
    ("own_expertise", "Eigen deskundigheid onderhouden", "Maintaining own expertise", "002 TIP 3 (BCP-E 2022)"),
]
LIFE_DOMAINS = [
    ("day_activities", "Dagbesteding, school of werk", "Day activities, school or work", "004 Bijlage 2"),
    ("free_time", "Vrije tijd", "Free time", "004 Bijlage 2"),
    ("social_contacts", "Sociale contacten", "Social contacts", "004 Bijlage 2"),
    ("practical_help", "Praktische hulp in huis", "Practical help at home", "004 Bijlage 2"),
    ("administration", "Administratie en budgetteren", "Administration and budgeting", "004 Bijlage 2"),
    ("agencies", "Meegaan naar instanties", "Going along to agencies", "004 Bijlage 2"),
    ("travel", "Reizen", "Travel", "004 Bijlage 2"),
    (
        "plans",
        "Meedenken over plannen en die volhouden",
        "Thinking along with plans and keeping them up",
        "004 Bijlage 2",
    ),
    ("information", "Informatie en advies", "Information and advice", "004 Bijlage 2"),
    ("other", "Anders", "Other", "004 Bijlage 2"),
]
LANGUAGES = [
    ("nl", "Nederlands", "Dutch", ""),
    ("en", "Engels", "English", ""),
    ("ngt", "Nederlandse Gebarentaal", "Sign Language of the Netherlands", ""),
    ("ar", "Arabisch", "Arabic", ""),
    ("tr", "Turks", "Turkish", ""),
    ("ber", "Berbers (Tamazight)", "Berber (Tamazight)", ""),
    ("pl", "Pools", "Polish", ""),
    ("pap", "Papiamento", "Papiamento", ""),
    ("srn", "Sranantongo", "Sranan Tongo", ""),
    ("ti", "Tigrinya", "Tigrinya", ""),
    ("uk", "Oekraïens", "Ukrainian", ""),
    ("fy", "Fries", "Frisian", ""),
]

ALL = {
    "level": LEVELS,
    "role": ROLES,
    "relational_role": RELATIONAL_ROLES,
    "practice_setting": PRACTICE_SETTINGS,
    "sector": SECTORS,
    "experience_area": EXPERIENCE_AREAS,
    "treaty_area": TREATY_AREAS,
    "competence": COMPETENCES,
    "life_domain": LIFE_DOMAINS,
    "language": LANGUAGES,
}

# A few postcode areas with their centres (demo region Utrecht/Amersfoort and some cities).
# Operators load the full national list (CBS PC4) through the admin or a data import.
POSTCODE_AREAS = [
    ("3511", "52.09310", "5.11370", "Utrecht", "Utrecht"),
    ("3512", "52.08950", "5.12340", "Utrecht", "Utrecht"),
    ("3521", "52.08110", "5.10260", "Utrecht", "Utrecht"),
    ("3531", "52.09120", "5.08800", "Utrecht", "Utrecht"),
    ("3581", "52.08830", "5.13790", "Utrecht", "Utrecht"),
    ("3431", "52.03070", "5.08010", "Nieuwegein", "Utrecht"),
    ("3702", "52.08640", "5.23060", "Zeist", "Utrecht"),
    ("3811", "52.15610", "5.38760", "Amersfoort", "Utrecht"),
    ("1011", "52.37050", "4.90230", "Amsterdam", "Noord-Holland"),
    ("1053", "52.36930", "4.86850", "Amsterdam", "Noord-Holland"),
    ("2511", "52.07790", "4.31310", "Den Haag", "Zuid-Holland"),
    ("6811", "51.98520", "5.90640", "Arnhem", "Gelderland"),
    ("9711", "53.21830", "6.56690", "Groningen", "Groningen"),
]
