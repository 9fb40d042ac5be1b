"""The first toolkit content, written for Inzet from the seeds' material (Dutch B1 + English).

Sources are public pages only. `load` is idempotent (by slug) and is listed in conftest
_DATA_MIGRATIONS, so transactional tests get the pages back after a flush.
"""

from django.db import migrations
from django.urls import reverse

from inzet.directory.text import build_document

CATEGORIES = [
    ("basis", "Wat is ervaringsdeskundigheid?", "What is experience expertise?", 1),
    ("samenwerken", "Samenwerken met ervaringsdeskundigen", "Working with experience experts", 2),
    ("geld-en-regels", "Geld en regels", "Money and rules", 3),
    ("onderzoek", "Onderzoek", "Research", 4),
]

VN_VERDRAG = ("VN-verdrag inzake de rechten van personen met een handicap", "https://wetten.overheid.nl/BWBV0004045/2016-07-14")
BD_ALLOWANCE = (
    "Belastingdienst: vrijwilligersvergoedingen",
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/"
    "werk_en_inkomen/werken/werken-als-vrijwilliger/vrijwilligersvergoedingen",
)
UWV_WW = (
    "UWV: vrijwilligerswerk tijdens een WW-uitkering",
    "https://www.uwv.nl/particulieren/vrijwilligerswerk/detail/vrijwilligerswerk-tijdens-mijn-ww-uitkering/",
)
PARTICIPATIEWET = ("Participatiewet (wetten.overheid.nl)", "https://wetten.overheid.nl/BWBR0015703/")
MOVISIE = ("Movisie: ervaringskennis in beleid", "http://www.movisie.nl/publicatie/ervaringskennis-beleid")
DEFINITIONS = (
    "De Ervaringsdeskundige: wat is ervaringsdeskundigheid?",
    "http://www.deervaringsdeskundige.nl/visie-definities/wat-is-ervaringsdeskundigheid.aspx",
)
HANDREIKING = (
    "Handreiking ervaringswerk (revalidatiecentra en verstandelijke beperking, 2015)",
    "http://vvve.nl/wp-content/uploads/2015/06/Publicatie-Handreiking-EW_FC_DEF_lr-1.pdf",
)
TIEN_ONDERZOEK = (
    "Een 10 voor patiëntenparticipatie (ZonMw)",
    "https://www.zonmw.nl/uploads/tx_vipublicaties/Een_10_voor_patientenparticipatie.pdf",
)

A, E, C = "asker", "expert", "coordinator"


def _articles(rules_url: str) -> list[dict]:
    return [
        {
            "slug": "wat-is-ervaringsdeskundigheid",
            "category": "basis",
            "audience": (A, E, C),
            "title": "Wat is ervaringsdeskundigheid?",
            "title_en": "What is experience expertise?",
            "summary": "Iemand heeft iets meegemaakt, denkt daarover na en leert van anderen. Zo groeit ervaring "
            "uit tot kennis die anderen helpt. Er zijn vier niveaus.",
            "summary_en": "Someone has lived through something, reflects on it and learns from others. That is "
            "how experience grows into knowledge that helps others. There are four levels.",
            "body": """Een ervaringsdeskundige heeft zelf iets meegemaakt. Bijvoorbeeld een ziekte, een beperking, armoede, een verslaving of een crisis. Die ervaring is de basis. Maar ervaring alleen is nog geen deskundigheid.

## Vier niveaus

1. **Ervaring**: u heeft iets zelf meegemaakt.
2. **Ervaringskennis**: u heeft over uw ervaring nagedacht. U weet wat u heeft geholpen en wat niet. U kunt bijvoorbeeld meedoen aan een onderzoek.
3. **Ervaringsdeskundigheid**: u kent ook de ervaringen van anderen. U kunt uw kennis zo inzetten dat het anderen helpt. U kunt bijvoorbeeld een lotgenotengroep leiden.
4. **Professionele ervaringsdeskundigheid** (ervaringswerker): u heeft daarnaast een opleiding en werkt als vak. Bijvoorbeeld als jobcoach of voorlichter.

## Wat kan een ervaringsdeskundige doen?

- Mensen steunen en begeleiden, als maatje of coach.
- Meedenken over beleid van een gemeente of een zorginstelling.
- Lesgeven, samen met een docent.
- Meedoen aan onderzoek, of zelf onderzoek doen.
- Nieuwe ideeën starten.

Een ervaringsdeskundige bepaalt zelf wat hij of zij van het eigen verhaal vertelt. Vraag dus nooit naar details die niet nodig zijn.""",
            "body_en": """An experience expert has lived through something: an illness, a disability, poverty, an addiction or a crisis. That experience is the basis. But experience alone is not yet expertise.

## Four levels

1. **Experience**: you have lived through something yourself.
2. **Experiential knowledge**: you have reflected on your experience. You know what helped you and what did not. You can, for example, take part in research.
3. **Experience expertise**: you also know the experiences of others. You can use your knowledge in a way that helps others. You can, for example, lead a peer group.
4. **Professional experience expertise** (experience worker): you also have training and do it as a profession, for example as a job coach or educator.

## What can an experience expert do?

- Support and guide people, as a buddy or coach.
- Help shape the policy of a municipality or care organisation.
- Teach, together with a teacher.
- Take part in research, or do research.
- Start new initiatives.

An experience expert decides what to tell of their own story. Never ask for details that are not needed.""",
            "sources": [DEFINITIONS, MOVISIE],
            "related": ["tien-stappen-naar-succes", "een-bijeenkomst-voorbereiden"],
        },
        {
            "slug": "tien-stappen-naar-succes",
            "category": "samenwerken",
            "audience": (A, C),
            "title": "Tien stappen naar succes",
            "title_en": "Ten steps to success",
            "summary": "Wilt u ervaringsdeskundigen inzetten in uw organisatie? Deze tien stappen helpen. "
            "Het begint met draagvlak en eindigt met het vieren van successen.",
            "summary_en": "Do you want to involve experience experts in your organisation? These ten steps help. "
            "It starts with support and ends with celebrating success.",
            "body": """Drie dingen zijn altijd belangrijk: **draagvlak** (iedereen staat erachter), **duidelijke rollen** (iedereen weet wat de ervaringsdeskundige doet) en **voorwaarden** (geld, scholing en steun zijn geregeld).

## De tien stappen

1. Zet ervaringsdeskundigheid centraal: het is een eigen soort kennis, naast die van professionals.
2. Zorg voor draagvlak bij collega's, directie en bestuur.
3. Zorg voor geld en mensen om het te organiseren.
4. Schrijf duidelijk op wat de taak van de ervaringsdeskundige is.
5. Zorg voor een goede match tussen de ervaringsdeskundige en de mensen met wie hij of zij werkt.
6. Spreek af hoe de ervaringsdeskundige meedraait in de organisatie.
7. Zorg dat ervaringsdeskundigen geschoold zijn in het inzetten van hun ervaringskennis.
8. Bied steun op de werkplek: een vast aanspreekpunt, intervisie, iemand om te bellen na een zware dag.
9. Maak goede afspraken over de beloning.
10. Vier de successen.

## Tip

Werk met twee ervaringsdeskundigen samen, niet met één. Dan staat niemand er alleen voor. Gebruik de [checklist voor vragers](/kennis/checklist/) om te zien wat u al geregeld heeft.""",
            "body_en": """Three things always matter: **support** (everyone is behind it), **clear roles** (everyone knows what the experience expert does) and **conditions** (money, training and support are arranged).

## The ten steps

1. Put experience expertise at the centre: it is its own kind of knowledge, next to that of professionals.
2. Build support among colleagues, management and board.
3. Arrange money and people to organise it.
4. Write down clearly what the experience expert's task is.
5. Make a good match between the experience expert and the people they work with.
6. Agree how the experience expert takes part in the organisation.
7. Make sure experience experts are trained in using their experiential knowledge.
8. Offer support at work: a fixed contact person, peer supervision, someone to call after a hard day.
9. Make good agreements about pay.
10. Celebrate success.

## Tip

Work with two experience experts together, not one. Then nobody stands alone. Use the [checklist for askers](/kennis/checklist/) to see what you have already arranged.""",
            "sources": [HANDREIKING],
            "related": ["wat-is-ervaringsdeskundigheid", "eerlijk-betalen-en-uitkeringen", "een-bijeenkomst-voorbereiden"],
        },
        {
            "slug": "tien-punten-voor-onderzoek",
            "category": "onderzoek",
            "audience": (A, E),
            "title": "Tien punten voor samenwerken in onderzoek",
            "title_en": "Ten points for working together in research",
            "summary": "Doet u onderzoek met ervaringsdeskundigen? Bespreek deze tien punten samen aan het begin. "
            "Dan weet iedereen wat hij van de ander kan verwachten.",
            "summary_en": "Are you doing research with experience experts? Discuss these ten points together at "
            "the start. Then everyone knows what to expect from each other.",
            "body": """Een goede samenwerking in onderzoek begint met een goed gesprek. Bespreek samen:

1. Waarom doet ieder mee? Wat drijft u?
2. Hoe zit het onderzoek in elkaar?
3. Wanneer begint de samenwerking? Liefst al bij het bedenken van de onderzoeksvraag.
4. Op welke momenten doet de ervaringsdeskundige mee?
5. Hoeveel invloed heeft de ervaringsdeskundige op de keuzes?
6. Hoeveel kan de ervaringsdeskundige aan? Wat kost het hem of haar, en wat geeft het?
7. Wat heeft de ervaringsdeskundige nodig aan kennis en ervaring?
8. Wat moet de onderzoeker kunnen om goed samen te werken?
9. Hoe zorgt u dat verschillende groepen mee kunnen praten?
10. Wie spreekt er namens wie? Een ervaringsdeskundige vertelt vanuit eigen en gedeelde ervaring, niet namens iedereen.

## Rollen in onderzoek

Een ervaringsdeskundige kan proefpersoon zijn, informant, adviseur, beoordelaar, mede-onderzoeker of zelfs mede-opdrachtgever. Hoe hoger op deze ladder, hoe meer invloed.""",
            "body_en": """Good cooperation in research starts with a good conversation. Discuss together:

1. Why does each of you take part? What drives you?
2. How is the research set up?
3. When does the cooperation start? Preferably when the research question is being formed.
4. At which moments does the experience expert take part?
5. How much influence does the experience expert have on the choices?
6. How much can the experience expert carry? What does it cost them, and what does it give?
7. What knowledge and experience does the experience expert need?
8. What must the researcher be able to do to work well together?
9. How do you make sure different groups can have their say?
10. Who speaks for whom? An experience expert speaks from their own and shared experience, not for everyone.

## Roles in research

An experience expert can be a test subject, informant, adviser, assessor, co-researcher or even co-commissioner. The higher on this ladder, the more influence.""",
            "sources": [TIEN_ONDERZOEK],
            "related": ["wat-is-ervaringsdeskundigheid", "eerlijk-betalen-en-uitkeringen"],
        },
        {
            "slug": "eerlijk-betalen-en-uitkeringen",
            "category": "geld-en-regels",
            "audience": (A, E, C),
            "title": "Eerlijk betalen, en wat dat doet met een uitkering",
            "title_en": "Paying fairly, and what it does to a benefit",
            "summary": "Werk van ervaringsdeskundigen verdient altijd een beloning. Maar een vergoeding kan "
            "gevolgen hebben voor een uitkering of toeslag. Bespreek dat vóór iemand ja zegt.",
            "summary_en": "Work by experience experts always deserves a reward. But an allowance can affect a "
            "benefit or allowance. Talk about it before someone says yes.",
            "body": f"""## Eerlijk betalen

Ervaringsdeskundigen doen echt werk. Dat verdient altijd een beloning. Het ministerie van VWS noemt € 50 per uur als richtbedrag voor structurele inbreng. De ervaringsdeskundige kiest zelf hoe hij of zij betaald wordt: op de bankrekening, met een (digitale) bon, of als gift aan een goed doel.

Een eerste opdracht zonder kosten kan soms. Noem het dan niet "gratis" en spreek af dat u de prijs daarna samen bekijkt.

## De vrijwilligersvergoeding

Een vrijwilligersvergoeding is onbelast zolang die onder alle grenzen van de Belastingdienst blijft: per uur, per maand en per jaar. Gaat het bedrag over één grens, dan telt het hele bedrag als inkomen. Vergoedingen van verschillende organisaties tellen bij elkaar op. Echte, bewezen onkosten (zoals een treinkaartje) tellen niet mee.

## Een uitkering

Heeft de ervaringsdeskundige een uitkering (bijvoorbeeld bijstand, Wajong, WIA of WW)? Dan gelden soms andere grenzen. Boven die grenzen kan (een deel van) de vergoeding worden gekort. De regels verschillen per uitkering en per leeftijd, en ze veranderen.

**Praat daarom altijd vóór de opdracht met de ervaringsdeskundige.** Inzet helpt daarbij: bij elke uitnodiging rekent Inzet na of het bedrag binnen de grenzen blijft. [Bekijk de regels die Inzet nu gebruikt]({rules_url}) (u moet daarvoor ingelogd zijn). Het is een indicatie, geen advies: twijfelt u, vraag het dan aan de gemeente of het UWV.""",
            "body_en": f"""## Paying fairly

Experience experts do real work. It always deserves a reward. The ministry of health (VWS) names € 50 per hour as a guideline for structural involvement. The experience expert chooses how to be paid: into their bank account, with a (digital) voucher, or as a donation to a charity.

A first assignment without charge is sometimes possible. Do not call it "free" then, and agree to look at the price together afterwards.

## The volunteer allowance

A volunteer allowance is untaxed as long as it stays under all limits of the Belastingdienst: per hour, per month and per year. If the amount goes over one limit, the whole amount counts as income. Allowances from different organisations add up. Real, documented costs (such as a train ticket) do not count.

## A benefit

Does the experience expert receive a benefit (for example social assistance, Wajong, WIA or WW)? Then other limits sometimes apply. Above them, (part of) the allowance may be deducted. The rules differ per benefit and per age, and they change.

**So always talk with the experience expert before the assignment.** Inzet helps: with every invitation it checks whether the amount stays within the limits. [See the rules Inzet uses now]({rules_url}) (you need to be logged in). It is an indication, not advice: when in doubt, ask the municipality or UWV.""",
            "sources": [BD_ALLOWANCE, UWV_WW, PARTICIPATIEWET],
            "related": ["tien-stappen-naar-succes", "gratis-vragen"],
        },
        {
            "slug": "een-bijeenkomst-voorbereiden",
            "category": "samenwerken",
            "audience": (A, C),
            "title": "Een bijeenkomst met ervaringsdeskundigen voorbereiden",
            "title_en": "Preparing a meeting with experience experts",
            "summary": "Een goede bijeenkomst begint ruim van tevoren. Neem de tijd, kies een toegankelijke plek, "
            "stuur stukken in gewone taal en zorg voor een onafhankelijke gespreksleider.",
            "summary_en": "A good meeting starts well in advance. Take your time, choose an accessible place, send "
            "documents in plain language and arrange an independent chair.",
            "body": """## Vooraf

- Schrijf op wat het doel van de bijeenkomst is. Wat wilt u na afloop weten of besloten hebben?
- Nodig minstens twee ervaringsdeskundigen uit. Samen staan ze sterker.
- Plan genoeg tijd: een bijeenkomst met ervaringsdeskundigen en professionals duurt minstens twee uur.
- Vraag wat mensen nodig hebben om mee te doen. Bijvoorbeeld vervoer, een rolstoeltoegankelijke zaal, een tolk gebarentaal, een maatje of pauzes.
- Stuur de stukken minstens een week vooraf, in gewone taal.
- Spreek de vergoeding en de reiskosten vooraf af.

## Tijdens

- Laat een onafhankelijke gespreksleider het gesprek leiden.
- Stel iedereen aan elkaar voor, en leg moeilijke woorden uit.
- Niemand hoeft meer van zichzelf te vertellen dan hij of zij wil.

## Na afloop

- Vertel wat u met de inbreng gaat doen, en laat later zien wat ermee gebeurd is.
- Vraag hoe het ging, beide kanten op.
- Zorg dat ervaringsdeskundigen na een zware bijeenkomst iemand kunnen bellen.""",
            "body_en": """## Before

- Write down the goal of the meeting. What do you want to know or have decided afterwards?
- Invite at least two experience experts. Together they stand stronger.
- Plan enough time: a meeting of experience experts and professionals takes at least two hours.
- Ask what people need to take part. For example transport, a wheelchair-accessible room, a sign language interpreter, a buddy or breaks.
- Send the documents at least a week ahead, in plain language.
- Agree on the payment and travel costs in advance.

## During

- Let an independent chair lead the conversation.
- Introduce everyone, and explain difficult words.
- Nobody has to tell more about themselves than they want to.

## Afterwards

- Say what you will do with the input, and show later what happened with it.
- Ask how it went, both ways.
- Make sure experience experts can call someone after a hard meeting.""",
            "sources": [VN_VERDRAG],
            "related": ["tien-stappen-naar-succes", "wat-moet-ik-doen-om-iedereen-mee-te-laten-doen"],
        },
        {
            "slug": "wat-moet-ik-doen-om-iedereen-mee-te-laten-doen",
            "category": "samenwerken",
            "kind": "qa",
            "audience": (A,),
            "title": "Wat moet ik doen om iedereen mee te laten doen?",
            "title_en": "What do I need to do so that everyone can take part?",
            "summary": "Het VN-verdrag Handicap zegt dat mensen met een beperking overal mee moeten kunnen doen. "
            "Kijk per thema wat u moet regelen.",
            "summary_en": "The UN Convention on the Rights of Persons with Disabilities says that people with a "
            "disability must be able to take part everywhere. Check per theme what you need to arrange.",
            "body": """Kijk over welke thema's uw vraag gaat, en wat u dan moet regelen:

- **Toegankelijkheid**: kan iedereen het gebouw in? Zijn uw website en stukken leesbaar, ook voor mensen die slecht zien of moeilijk lezen?
- **Mobiliteit**: kunnen mensen er komen? Betaalt u taxi of reiskosten?
- **Openbaar leven, cultuur en sport**: doen mensen met een beperking mee in de plannen, niet alleen als publiek?
- **Wonen, onderwijs, gezondheid, werk en dagbesteding**: praten de mensen om wie het gaat mee over de keuzes?
- **Bewustwording**: weten uw collega's wat ervaringsdeskundigen bijdragen?

Vul de [checklist voor vragers](/kennis/checklist/) in. De coördinator die uw vraag behandelt, ziet dan wat u al geregeld heeft.""",
            "body_en": """Check which themes your question is about, and what you need to arrange:

- **Accessibility**: can everyone enter the building? Are your website and documents readable, also for people who see poorly or find reading hard?
- **Mobility**: can people get there? Do you pay for a taxi or travel costs?
- **Public life, culture and sport**: do people with a disability take part in the plans, not only as audience?
- **Housing, education, health, work and day activities**: do the people concerned help decide?
- **Awareness**: do your colleagues know what experience experts contribute?

Fill in the [checklist for askers](/kennis/checklist/). The coordinator who handles your request will then see what you have arranged.""",
            "sources": [VN_VERDRAG],
            "related": ["een-bijeenkomst-voorbereiden"],
        },
        {
            "slug": "gratis-vragen",
            "category": "geld-en-regels",
            "kind": "qa",
            "audience": (A, C),
            "title": "Mag ik een ervaringsdeskundige vragen zonder te betalen?",
            "title_en": "May I ask an experience expert without paying?",
            "summary": "Nee. Werk van ervaringsdeskundigen wordt altijd beloond, in geld of op een andere manier "
            "die de ervaringsdeskundige kiest.",
            "summary_en": "No. Work by experience experts is always rewarded, in money or in another way the "
            "experience expert chooses.",
            "body": """Ervaringsdeskundigen brengen kennis mee die u nergens anders vindt. Dat is werk, en werk wordt beloond. Dat kan met geld, maar ook met een bon, met uren of in natura, als de ervaringsdeskundige dat wil.

Vraagt u een organisatie om een eerste opdracht zonder kosten? Dat kan soms, maar spreek dan af dat u daarna samen de prijs bekijkt.""",
            "body_en": """Experience experts bring knowledge you cannot find anywhere else. That is work, and work is rewarded. That can be money, but also a voucher, hours or in kind, if the experience expert wants that.

Do you ask an organisation for a first assignment without charge? That is sometimes possible, but then agree to look at the price together afterwards.""",
            "sources": [BD_ALLOWANCE],
            "related": ["eerlijk-betalen-en-uitkeringen"],
        },
        {
            "slug": "keurmerk-voor-ervaringsdeskundigen",
            "category": "basis",
            "kind": "qa",
            "unanswered": True,
            "audience": (A, E, C),
            "title": "Is er een keurmerk voor ervaringsdeskundigen?",
            "title_en": "Is there a quality mark for experience experts?",
            "summary": "Op deze vraag is nog geen goed antwoord. Er is geen landelijk keurmerk dat voor alle "
            "ervaringsdeskundigen geldt.",
            "summary_en": "There is no good answer to this question yet. There is no national quality mark that "
            "applies to all experience experts.",
            "body": """Er bestaan opleidingen en een beroepsprofiel voor ervaringsdeskundigen in de zorg. Maar een keurmerk dat voor iedereen en elke sector geldt, is er (nog) niet.

Let op bij labels zonder echte toetsing: een label zegt dan weinig. Vraag liever wat iemand gedaan heeft, welke opleiding of training er is gevolgd en hoe de organisatie haar ervaringsdeskundigen begeleidt.

Weet u meer? [Laat het ons weten via de vraagbaak](/kennis/vraag-stellen/).""",
            "body_en": """There are training courses and a professional profile for experience experts in care. But a quality mark that applies to everyone and every sector does not exist (yet).

Be careful with labels without a real assessment: such a label says little. Rather ask what someone has done, which course or training they followed and how the organisation supports its experience experts.

Do you know more? [Let us know through the helpdesk](/kennis/vraag-stellen/).""",
            "sources": [MOVISIE],
            "related": ["wat-is-ervaringsdeskundigheid"],
        },
    ]


def load(apps, schema_editor):
    Category = apps.get_model("knowledge", "Category")
    Article = apps.get_model("knowledge", "Article")
    Source = apps.get_model("knowledge", "Source")
    Revision = apps.get_model("knowledge", "Revision")
    categories = {}
    for slug, name, name_en, position in CATEGORIES:
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )
    items = _articles(reverse("compensation:rules"))
    saved = {}
    for item in items:
        category = categories[item["category"]]
        fields = {
            "kind": item.get("kind", "article"),
            "category": category,
            "title": item["title"],
            "title_en": item["title_en"],
            "summary": item["summary"],
            "summary_en": item["summary_en"],
            "body": item["body"],
            "body_en": item["body_en"],
            "for_askers": A in item["audience"],
            "for_experts": E in item["audience"],
            "for_coordinators": C in item["audience"],
            "unanswered": item.get("unanswered", False),
            "published": True,
            "search_text": build_document(
                [item["title"], item["title_en"], item["summary"], item["summary_en"], item["body"], item["body_en"]]
                + [category.name, category.name_en]
            ),
        }
        if Article.objects.filter(slug=item["slug"]).exists():
            saved[item["slug"]] = Article.objects.get(slug=item["slug"])
            continue  # an editor may have changed it: never overwrite
        article = Article.objects.create(slug=item["slug"], revision_count=1, **fields)
        Source.objects.bulk_create(
            Source(article=article, title=title, url=url, position=i) for i, (title, url) in enumerate(item["sources"])
        )
        Revision.objects.create(
            article=article,
            number=1,
            title=article.title,
            title_en=article.title_en,
            summary=article.summary,
            summary_en=article.summary_en,
            body=article.body,
            body_en=article.body_en,
            note="Eerste versie",
        )
        saved[item["slug"]] = article
    for item in items:
        article = saved[item["slug"]]
        if not article.related.exists():
            article.related.set([saved[slug] for slug in item["related"] if slug in saved])


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
