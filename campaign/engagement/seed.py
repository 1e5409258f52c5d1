"""Demo content for engagement: indicators with targets for the four goals, and the three action
pages. Existing records are left alone, so seeding twice changes nothing."""

from decimal import Decimal

from wagtail.models import Page

from .models import ActionFormField, ActionFormPage, Aggregation, Indicator, Period, SourceKind

FIND_LEGISLATOR_URL = "https://www.cga.ct.gov/asp/menu/cgafindleg.asp"
GENERAL_ASSEMBLY_URL = "https://www.cga.ct.gov/"

PLAUSIBLE_PAGES = SourceKind.PLAUSIBLE_PAGES
COUNT = SourceKind.COUNT
MANUAL = SourceKind.MANUAL
YEAR, QUARTER, MONTH = Period.YEAR, Period.QUARTER, Period.MONTH

# (name, kind, config, target, period, unit, description[, aggregation])
INDICATORS = {
    1: [
        (
            "Visitors to awareness pages",
            PLAUSIBLE_PAGES,
            {"metric": "visitors", "goal_tag": "raise-public-awareness"},
            1500,
            QUARTER,
            "visitors",
            "People who visited pages tagged with this goal in the quarter (each counted once).",
        ),
        (
            "Partner embed impressions",
            COUNT,
            {"key": "toolkit.impressions"},
            20000,
            YEAR,
            "impressions",
            "Times partners' pages showed a campaign embed.",
        ),
        (
            "Clicks from partner embeds",
            COUNT,
            {"key": "toolkit.clicks"},
            1000,
            YEAR,
            "clicks",
            "Visits that came through an embed on a partner's site.",
        ),
        (
            "Toolkit downloads",
            COUNT,
            {"key": "toolkit.downloads"},
            500,
            YEAR,
            "downloads",
            "Posters and other toolkit files downloaded.",
        ),
        (
            "Embed codes copied",
            COUNT,
            {"key": "toolkit.embed_copies"},
            100,
            YEAR,
            "copies",
            "Times someone copied an embed code from the toolkit.",
        ),
        (
            "Fact sheet downloads",
            SourceKind.PLAUSIBLE_PROPERTY,
            {"goal": "File Download", "property": "url", "value": "fact-sheet", "metric": "events"},
            300,
            YEAR,
            "downloads",
            "Downloads of the campaign fact sheet, from Plausible.",
        ),
        (
            "Hotline taps",
            SourceKind.PLAUSIBLE_GOAL,
            {"goal": "Hotline call", "metric": "events"},
            100,
            YEAR,
            "taps",
            "Taps on the hotline number on a phone.",
        ),
        (
            "Press clips",
            COUNT,
            {"key": "newsroom.press_clips"},
            24,
            YEAR,
            "clips",
            "Stories in the press about the campaign.",
        ),
        (
            "Press releases issued",
            COUNT,
            {"key": "newsroom.releases"},
            6,
            YEAR,
            "releases",
            "Releases published in the newsroom.",
        ),
        (
            "Media alert deliveries",
            COUNT,
            {"key": "alerts.deliveries"},
            600,
            YEAR,
            "e-mails",
            "Media alerts delivered to press contacts.",
        ),
        (
            "Media alert opens",
            COUNT,
            {"key": "alerts.opens"},
            200,
            YEAR,
            "opens",
            "Media alerts opened by press contacts.",
        ),
        (
            "Media alert clicks",
            COUNT,
            {"key": "alerts.clicks"},
            60,
            YEAR,
            "clicks",
            "Links followed from media alerts.",
        ),
    ],
    2: [
        (
            "Leaders who took the pledge",
            COUNT,
            {"key": "engagement.form_submissions.leaders-pledge"},
            50,
            YEAR,
            "pledges",
            "Submissions of the leaders' pledge form.",
        ),
        (
            "Active partners",
            COUNT,
            {"key": "toolkit.active_partners"},
            25,
            YEAR,
            "partners",
            "Partner organisations using the toolkit, as of the latest day.",
            Aggregation.LATEST,
        ),
        (
            "Leaders briefed",
            MANUAL,
            {},
            40,
            YEAR,
            "leaders",
            "Mayors, agency heads and other leaders the Council briefed, entered by the officer.",
        ),
        (
            "Visitors to leaders' pages",
            PLAUSIBLE_PAGES,
            {"metric": "visitors", "goal_tag": "engage-leaders"},
            600,
            QUARTER,
            "visitors",
            "People who visited pages tagged with this goal in the period (each counted once).",
        ),
    ],
    3: [
        (
            "Training requests",
            COUNT,
            {"key": "engagement.form_submissions.request-training"},
            20,
            YEAR,
            "requests",
            "Requests for training from hotels, motels and police.",
        ),
        (
            "Trainings given",
            MANUAL,
            {},
            12,
            YEAR,
            "trainings",
            "Trainings delivered to police departments and hotels, entered by the officer.",
        ),
        (
            "Visitors to law enforcement pages",
            PLAUSIBLE_PAGES,
            {"metric": "visitors", "goal_tag": "support-law-enforcement"},
            500,
            QUARTER,
            "visitors",
            "People who visited pages tagged with this goal in the period (each counted once).",
        ),
    ],
    4: [
        (
            "Messages to legislators",
            COUNT,
            {"key": "engagement.form_submissions.tell-your-legislator"},
            300,
            YEAR,
            "messages",
            "People who told us they contacted their legislators.",
        ),
        (
            "Legislators briefed",
            MANUAL,
            {},
            30,
            YEAR,
            "legislators",
            "Lawmakers the Council met or testified to, entered by the officer.",
        ),
        (
            "Policy page pageviews",
            PLAUSIBLE_PAGES,
            {"metric": "pageviews", "path": "/policy/"},
            200,
            MONTH,
            "pageviews",
            "Views of the policy recommendations page.",
        ),
    ],
}

EMAIL, SINGLE, MULTI, DROPDOWN, CHECKBOX, NUMBER = (
    "email",
    "singleline",
    "multiline",
    "dropdown",
    "checkbox",
    "number",
)

# (label, field_type, required, choices, help_text)
ACTION_PAGES = [
    {
        "goal": 2,
        "title": "Take the leaders' pledge",
        "slug": "leaders-pledge",
        "event_name": "Form: Leaders pledge",
        "intro": "Mayors, first selectmen, agency heads, employers, clergy and school leaders: "
        "commit your office or organisation to naming the buyers who drive trafficking.",
        "body": "<h2>What you commit to</h2><ul><li>Speak about demand whenever your office "
        "talks about trafficking.</li><li>Back local police and prosecutors who go after "
        "buyers.</li><li>Share the campaign's material with the people you lead.</li></ul>",
        "submit_label": "Take the pledge",
        "thank_you": "<p>Thank you for taking the pledge. The campaign team will be in touch "
        "with material you can share.</p>",
        "fields": [
            ("Your name", SINGLE, True, "", ""),
            ("Your role", SINGLE, True, "", "E.g. Mayor, Police Chief, Pastor."),
            ("Office or organisation", SINGLE, True, "", ""),
            ("Town", SINGLE, True, "", ""),
            ("Email", EMAIL, True, "", "We use it only to follow up on your pledge."),
            (
                "I pledge to help end the demand for commercial sex in my community",
                CHECKBOX,
                True,
                "",
                "",
            ),
        ],
    },
    {
        "goal": 3,
        "title": "Request training",
        "slug": "request-training",
        "event_name": "Form: Training request",
        "intro": "Hotels, motels and police departments can ask for training on recognising "
        "trafficking and on investigating the people who buy sex.",
        "body": "<p>Connecticut law requires hotels, motels and inns to train their staff to "
        "spot trafficking. Police departments can ask for help with investigations that focus "
        "on buyers. Tell us who you are and what you need, and we will arrange a time.</p>",
        "submit_label": "Request training",
        "thank_you": "<p>Thank you. We have your request and will contact you to arrange the "
        "training.</p>",
        "fields": [
            (
                "Organisation type",
                DROPDOWN,
                True,
                "Hotel, motel or inn\nPolice department\nOther",
                "",
            ),
            ("Organisation name", SINGLE, True, "", ""),
            ("Town", SINGLE, True, "", ""),
            ("Contact name", SINGLE, True, "", ""),
            ("Email", EMAIL, True, "", ""),
            ("Phone", SINGLE, False, "", "Optional."),
            ("Number of people to train", NUMBER, False, "", "An estimate is fine."),
            ("What would help most", MULTI, False, "", ""),
        ],
    },
    {
        "goal": 4,
        "title": "Tell your legislator",
        "slug": "tell-your-legislator",
        "event_name": "Form: Legislator contacted",
        "intro": "Your state representative and senator listen to the people who elect them. "
        "A short call or e-mail helps them see that ending demand matters here.",
        "body": "<h2>1. Find your legislators</h2><p>Look up your state representative and "
        f'senator by address on the <a href="{FIND_LEGISLATOR_URL}">General Assembly\'s '
        f'legislator finder</a>, or browse the <a href="{GENERAL_ASSEMBLY_URL}">Connecticut '
        "General Assembly</a> site.</p>"
        "<h2>2. Call or write</h2><p>You can use these words or your own:</p>"
        "<ul><li>I live in your district and I care about ending sex trafficking in "
        "Connecticut.</li><li>Since 2013, buying sex from a child has been a felony here, yet "
        "no one was convicted under that law by the end of 2016.</li><li>Please support the "
        "Trafficking in Persons Council's recommendations that hold buyers to account.</li>"
        "</ul><h2>3. Let us know</h2><p>Tell us you did it, so that we can show lawmakers how "
        "many people care.</p>",
        "submit_label": "I contacted my legislator",
        "thank_you": "<p>Thank you for speaking up. Every message counts.</p>",
        "fields": [
            ("Town", SINGLE, True, "", "So we know which districts we reached."),
            (
                "How did you get in touch?",
                DROPDOWN,
                True,
                "Phone call\nE-mail\nLetter\nMeeting in person",
                "",
            ),
            (
                "Who did you contact?",
                SINGLE,
                False,
                "",
                "Optional: your representative, senator, or both.",
            ),
            ("Email", EMAIL, False, "", "Optional, if you would like campaign updates."),
        ],
    },
]


def seed_indicators(goals: dict) -> int:
    created = 0
    for number, rows in INDICATORS.items():
        for order, row in enumerate(rows):
            name, kind, config, target, period, unit, description, *rest = row
            _, was_created = Indicator.objects.get_or_create(
                goal=goals[number],
                name=name,
                defaults={
                    "source_kind": kind,
                    "source_config": config,
                    "target": Decimal(target),
                    "period": period,
                    "unit": unit,
                    "description": description,
                    "aggregation": rest[0] if rest else Aggregation.SUM,
                    "sort_order": order,
                },
            )
            created += was_created
    return created


def seed_action_pages(home: Page, goals: dict) -> None:
    for data in ACTION_PAGES:
        if home.get_children().filter(slug=data["slug"]).exists():
            continue
        page = ActionFormPage(
            title=data["title"],
            slug=data["slug"],
            goal=goals[data["goal"]],
            intro=data["intro"],
            body=data["body"],
            submit_label=data["submit_label"],
            thank_you_text=data["thank_you"],
            event_name=data["event_name"],
            search_description=data["intro"],
            show_in_menus=False,
        )
        for order, (label, field_type, required, choices, help_text) in enumerate(data["fields"]):
            page.form_fields.add(
                ActionFormField(
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                )
            )
        home.add_child(instance=page)
        page.save_revision().publish()


def seed_engagement(data, stdout) -> None:
    created = seed_indicators(data.goals)
    seed_action_pages(data.site.root_page, data.goals)
    stdout.write(f"Seeded engagement: {created} new indicators and the three action pages.")
