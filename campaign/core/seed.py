"""Demo content for the campaign's shared records, written from the source documents in our own
words. Every function creates what is missing and leaves what exists alone, so seeding twice
changes nothing."""

import datetime
from io import BytesIO
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from .models import CampaignGoal, CampaignImage, CampaignSettings, Fact, PolicyRecommendation
from .posters import draw_fact_sheet_pdf, draw_poster

ANNUAL_REPORT_URL = "https://ctcwcs.files.wordpress.com/2016/06/tip-council_2016-annual-report.pdf"
ANNUAL_REPORT = "TIP Council 2016 Annual Report"
PRESS_RELEASE = "TIP Council press release, Jan. 11, 2017"
PRESS_RELEASE_URL = "https://www.enddemandct.org/"
MIDDLETOWN_PRESS_URL = (
    "http://www.pressreader.com/usa/the-middletown-press-middletown-ct/20170113/281487866042177"
)
POSTER_CREDIT = "End Demand CT campaign"
POSTER_LICENCE = "Free for partners to share unaltered, with credit and the hotline kept visible."

GOALS = [
    {
        "number": 1,
        "slug": "raise-public-awareness",
        "title": "Raise public awareness",
        "audience": "Everyone in Connecticut",
        "summary": "Put the people who buy sex at the centre of the conversation about "
        "trafficking, through social media, the press and advertising.",
    },
    {
        "number": 2,
        "slug": "engage-leaders",
        "title": "Engage local and state leaders",
        "audience": "Local and state leaders",
        "summary": "Bring mayors, agency heads, faith and business leaders into the work of "
        "cutting off demand in their communities.",
    },
    {
        "number": 3,
        "slug": "support-law-enforcement",
        "title": "Support law enforcement",
        "audience": "Police and prosecutors",
        "summary": "Back police and prosecutors in anti-demand work, so that buyers, not the "
        "people they exploit, are the ones held to account.",
    },
    {
        "number": 4,
        "slug": "improve-public-policy",
        "title": "Improve public policy",
        "audience": "Lawmakers",
        "summary": "Change the laws and practices that let buyers go uncharged, and give "
        "investigators the tools they need.",
    },
]

FACTS = [
    {
        "key": "referrals-456",
        "figure": "456",
        "claim": "Children referred to the Department of Children and Families as being at high "
        "risk of sex trafficking since 2013.",
        "source_title": ANNUAL_REPORT,
        "source_url": ANNUAL_REPORT_URL,
        "as_of": datetime.date(2016, 12, 31),
        "goals": [1, 3],
    },
    {
        "key": "buyers-2000",
        "figure": "2,000+",
        "claim": "Buyers estimated by DCF to have paid for sex with children in Connecticut "
        "in a single year.",
        "source_title": PRESS_RELEASE,
        "source_url": PRESS_RELEASE_URL,
        "as_of": datetime.date(2016, 12, 31),
        "goals": [1, 2],
    },
    {
        "key": "arrests-zero",
        "figure": "0",
        "claim": "Arrests or convictions for patronizing a person under 18 (Sec. 53a-83(c)) "
        "since it became a Class C felony in 2013.",
        "source_title": ANNUAL_REPORT,
        "source_url": ANNUAL_REPORT_URL,
        "as_of": datetime.date(2016, 12, 31),
        "goals": [3, 4],
    },
    {
        "key": "hotline-calls-145",
        "figure": "145",
        "claim": "Calls from Connecticut to the national trafficking hotline from January to "
        "September 2016, reporting 41 separate possible cases.",
        "source_title": ANNUAL_REPORT,
        "source_url": ANNUAL_REPORT_URL,
        "as_of": datetime.date(2016, 9, 30),
        "goals": [1],
    },
    {
        "key": "hotline-cases-40pc",
        "figure": "40%",
        "claim": "Rise in possible trafficking cases reported to the hotline from Connecticut "
        "in 2016 compared with 2015.",
        "source_title": ANNUAL_REPORT,
        "source_url": ANNUAL_REPORT_URL,
        "as_of": datetime.date(2016, 9, 30),
        "goals": [1],
    },
    {
        "key": "convictions-gap",
        "figure": "7 to 1",
        "claim": "Convictions for prostitution outnumbered convictions for buying sex between "
        "2005 and 2014: 1,841 against 269.",
        "source_title": "The Middletown Press, Jan. 13, 2017",
        "source_url": MIDDLETOWN_PRESS_URL,
        "as_of": datetime.date(2014, 12, 31),
        "goals": [3, 4],
    },
    {
        "key": "buyers-80000",
        "figure": "80,000+",
        "claim": "Buyers implied if each of the 456 referred children had been sold to one "
        "buyer a day for half a year, the report's conservative estimate.",
        "source_title": ANNUAL_REPORT,
        "source_url": ANNUAL_REPORT_URL,
        "as_of": datetime.date(2016, 12, 31),
        "goals": [1],
    },
]

CONCEPT = PolicyRecommendation.Kind.POLICY_CONCEPT
RESEARCH = PolicyRecommendation.Kind.FURTHER_RESEARCH
VOTE_2016 = "Approved by the members at the Dec. 15, 2016 meeting and by e-mail vote after it"
POLICY_RECOMMENDATIONS = [
    {
        "title": "Add the Department of Education to the Council",
        "statute": "Sec. 46a-170",
        "summary": "Widen the Council's membership so that schools have a seat at the table.",
        "kind": CONCEPT,
        "status": "proposed",
        "goal": 2,
    },
    {
        "title": "Consider putting trafficking and buying sex from a minor on the sex "
        "offender registry",
        "statute": "Sec. 53a-192a; Sec. 53a-83(c)",
        "summary": "Ask the Sentencing Commission's sex offender subcommittee to weigh adding "
        "trafficking in persons and patronizing a person under 18 to the registry.",
        "kind": CONCEPT,
        "status": "proposed",
        "goal": 4,
    },
    {
        "title": "Cover domestic, travelling sales and farm workers under wage laws",
        "statute": "Minimum wage and overtime laws",
        "summary": "Count people employed in private homes, on travelling sales crews and in "
        "agriculture as employees under the state's minimum wage and overtime rules.",
        "kind": CONCEPT,
        "status": "proposed",
        "goal": 4,
    },
    {
        "title": "Find out why no one has been convicted of buying sex from a minor",
        "statute": "Sec. 53a-83(c)",
        "summary": "Look into why the 2013 felony for patronizing a person under 18 has not "
        "produced a single conviction.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 3,
    },
    {
        "title": "Raise the penalty for buying sex from a minor",
        "statute": "Sec. 53a-83(c)",
        "summary": "Bring the penalty in line with other sexual crimes against children.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 4,
        "opposition": "Office of Chief Public Defender opposes",
    },
    {
        "title": "Broaden the definition of trafficking in persons",
        "statute": "Sec. 53a-192a",
        "summary": "Include recruiting, harbouring, transporting, providing, obtaining, "
        "patronizing or soliciting a person for a commercial sex act, with penalties that "
        "match the crime.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 4,
        "opposition": "Office of Chief Public Defender opposes; Department of Public Health "
        "abstains",
    },
    {
        "title": "Use fines paid by buyers to fund victim services and enforcement",
        "statute": "Sec. 53a-83, 53a-83a, 53a-86 to 53a-89",
        "summary": "Discuss directing fines from prostitution-related convictions into grants "
        "for survivor services and police work.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 3,
    },
    {
        "title": "Train police, judges, prosecutors and others on trafficking",
        "statute": "",
        "summary": "Discuss required trafficking training for police, judges, prosecutors, "
        "defence lawyers, medical providers and educators.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 3,
    },
    {
        "title": "Fold buying sex from a car or online into the patronizing statute",
        "statute": "Sec. 53a-83a; Sec. 53a-83",
        "summary": "Discuss repealing the separate misdemeanour for patronizing from a motor "
        "vehicle and covering vehicles, the internet and social media under Sec. 53a-83.",
        "kind": RESEARCH,
        "status": "in_discussion",
        "goal": 4,
    },
    {
        "title": "Train every hotel and motel employee to spot trafficking",
        "statute": "Public Act 16-71",
        "summary": "Hotels, motels and inns must train staff at hiring and keep records of "
        "guest transactions; Connecticut was the first state to require it.",
        "kind": CONCEPT,
        "status": "enacted",
        "year": 2016,
        "goal": 3,
        "council_vote": "Worked on with state agencies, organisations and lawmakers",
    },
    {
        "title": "Make buying sex from a minor or a trafficking victim a felony",
        "statute": "Sec. 53a-83 (Public Act 16-71)",
        "summary": "Strengthened the patronizing statute so that buying sex from someone under "
        "18 or from a trafficking victim is charged as a felony, with mandatory fines.",
        "kind": CONCEPT,
        "status": "enacted",
        "year": 2016,
        "goal": 4,
        "council_vote": "Worked on with state agencies, organisations and lawmakers",
    },
    {
        "title": "Drop the two-occurrence rule for trafficking charges",
        "statute": "Sec. 53a-192a (Public Act 16-71)",
        "summary": "Police no longer have to wait for a second act of sexual contact before "
        "charging trafficking in persons.",
        "kind": CONCEPT,
        "status": "enacted",
        "year": 2016,
        "goal": 3,
        "council_vote": "Followed the Council's March 2016 roundtable on why there were no "
        "convictions",
    },
]

POSTERS = [
    {
        "title": "Poster: No buyers, no trafficking",
        "slogan": "No buyers. No trafficking.",
        "tagline": "Sex trafficking exists because people pay for sex. Turn the spotlight on "
        "the buyers.",
        "palette": "plum",
        "description": "Campaign poster on a plum background: 'No buyers. No trafficking.'",
    },
    {
        "title": "Poster: Buying a child is a felony",
        "slogan": "Buying sex from a child is a felony.",
        "tagline": "In Connecticut it has been a Class C felony since 2013. Yet no one has "
        "been convicted of it.",
        "palette": "red",
        "description": "Campaign poster on a red background: "
        "'Buying sex from a child is a felony.'",
    },
    {
        "title": "Poster: Look at who is buying",
        "slogan": "Look at who is buying.",
        "tagline": "Demand fuels the trafficking of children and exploited adults in our state.",
        "palette": "ink",
        "description": "Campaign poster on a dark background: 'Look at who is buying.'",
    },
    {
        "title": "Poster: End demand",
        "slogan": "End demand. End trafficking.",
        "tagline": "Call the National Human Trafficking Hotline if you suspect trafficking.",
        "palette": "gold",
        "description": "Campaign poster on a yellow background: 'End demand. End trafficking.'",
    },
]

FACT_SHEET_TITLE = "End Demand CT fact sheet"


def seed_goals() -> dict[int, CampaignGoal]:
    goals = {}
    for data in GOALS:
        goal, _ = CampaignGoal.objects.get_or_create(
            number=data["number"], locale=Locale.get_default(), defaults=data
        )
        goals[goal.number] = goal
    return goals


def seed_facts(goals: dict[int, CampaignGoal]) -> dict[str, Fact]:
    facts = {}
    for data in FACTS:
        fields = {k: v for k, v in data.items() if k not in ("key", "goals")}
        fact, created = Fact.objects.get_or_create(
            figure=data["figure"],
            source_title=data["source_title"],
            locale=Locale.get_default(),
            defaults=fields,
        )
        if created:
            fact.goals.set([goals[n] for n in data["goals"]])
        facts[data["key"]] = fact
    return facts


def seed_policy_recommendations(goals: dict[int, CampaignGoal]) -> None:
    for data in POLICY_RECOMMENDATIONS:
        defaults = {
            "statute": data["statute"],
            "summary": data["summary"],
            "kind": data["kind"],
            "status": data["status"],
            "year": data.get("year", 2016),
            "council_vote": data.get("council_vote", VOTE_2016),
            "opposition": data.get("opposition", ""),
            "goal": goals[data["goal"]],
        }
        PolicyRecommendation.objects.get_or_create(
            title=data["title"], locale=Locale.get_default(), defaults=defaults
        )


def seed_site_address(site: Site, site_url: str) -> None:
    """Give the default site the address it is served at, so canonical links, feeds, the sitemap
    and the API name it. Only Wagtail's install default (localhost:80) is replaced."""
    if (site.hostname, site.port) != ("localhost", 80):
        return
    address = urlsplit(site_url)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()


def seed_settings(site: Site) -> None:
    settings = CampaignSettings.for_site(site)
    if settings.postal_address:
        return
    settings.organisation_name = "Connecticut Trafficking in Persons Council"
    settings.organisation_name_es = "Consejo de Connecticut contra la Trata de Personas"
    settings.postal_address = (
        "c/o Commission on Women, Children and Seniors\n18-20 Trinity St.\nHartford, CT 06106"
    )
    settings.hotline_name = "National Human Trafficking Hotline"
    settings.hotline_phone = "1-888-373-7888"
    settings.hotline_text = "233733"
    settings.hotline_hours = "Answered 24 hours a day, 7 days a week, in over 200 languages"
    settings.press_contact_name = "Public Information Officer"
    settings.press_contact_phone = "860-240-8449"
    settings.press_contact_email = "press@enddemandct.org"
    settings.save()


def save_drawing(png: bytes, name: str, title: str, description: str) -> CampaignImage:
    """A PNG the seed drew, stored as a campaign image with the seed's credit and licence."""
    image = CampaignImage(
        file=ImageFile(BytesIO(png), name=name),
        title=title,
        description=description,
        credit=POSTER_CREDIT,
        licence=POSTER_LICENCE,
        source="Drawn by the site's seed_campaign command",
    )
    image.save()
    return image


def seed_posters() -> dict[str, CampaignImage]:
    images = {}
    for data in POSTERS:
        image = CampaignImage.objects.filter(title=data["title"]).first()
        if image is None:
            png = draw_poster(data["slogan"], data["tagline"], data["palette"])
            slug = data["title"].lower().replace(":", "").replace(",", "").replace(" ", "-")
            image = save_drawing(png, f"{slug}.png", data["title"], data["description"])
        images[data["title"]] = image
    return images


def seed_fact_sheet():
    Document = get_document_model()
    document = Document.objects.filter(title=FACT_SHEET_TITLE).first()
    if document is None:
        pdf = draw_fact_sheet_pdf(
            FACT_SHEET_TITLE,
            [
                f"{fact['figure']}: {fact['claim']} Source: {fact['source_title']}."
                for fact in FACTS
            ],
        )
        document = Document(title=FACT_SHEET_TITLE)
        document.file.save("end-demand-ct-fact-sheet.pdf", ContentFile(pdf), save=False)
        document.save()
    return document
