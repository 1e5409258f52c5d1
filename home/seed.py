"""Demo pages for the campaign site, in our own words from the Council's documents. Pages that
already exist are left alone, so seeding twice changes nothing."""

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from campaign.core.models import CampaignSettings

from .models import ContentPage, GoalPage, HomePage, HomePageFact, PolicyPage

HOME_FACTS = ["referrals-456", "buyers-2000", "arrests-zero"]

GOAL_PAGES = {
    1: {
        "intro": "Most talk about trafficking leaves out the person paying. We want every "
        "Connecticut resident to know that buyers create the market.",
        "problem": "<p>When people picture sex trafficking they tend to think of traffickers and "
        "victims, and of faraway places. In Connecticut it happens here, to Connecticut "
        "residents, and it runs on money paid by buyers. Without buyers there would be no "
        "sex-for-pay industry at all.</p><p>The Council's 2016 report found that buyers are "
        "mostly missing from public conversation, and that awareness is the first step to "
        "prevention.</p>",
        "actions": [
            (
                "visitor",
                "Learn the signs and the number",
                "<p>Save the national hotline "
                "number in your phone and share the campaign's posters with your networks.</p>",
                "Get the posters",
                "toolkit",
            ),
            (
                "leader",
                "Speak about demand",
                "<p>When you speak about trafficking, name the buyers and the harm they do.</p>",
                "",
                "",
            ),
        ],
        "social": "Poster: No buyers, no trafficking",
    },
    2: {
        "intro": "Mayors, agency heads, employers, clergy and school leaders can make "
        "buying sex something their communities will not tolerate.",
        "problem": "<p>Trafficking looks different in a city, a casino town and a rural "
        "county. Local leaders know their communities and can bring police, schools, "
        "businesses and service providers together against demand.</p>",
        "actions": [
            (
                "leader",
                "Take the leaders' pledge",
                "<p>Commit your office or organisation to "
                "naming demand and backing anti-demand work.</p>",
                "Take the pledge",
                "leaders-pledge",
            ),
            (
                "visitor",
                "Ask your local leaders",
                "<p>Ask your mayor or first selectman what "
                "your town is doing about the demand side of trafficking.</p>",
                "",
                "",
            ),
        ],
        "social": "Poster: Look at who is buying",
    },
    3: {
        "intro": "Buyers of children are rarely charged. We support police and prosecutors "
        "who go after demand.",
        "problem": "<p>In 2013 Connecticut made patronizing a person under 18 a Class C felony, "
        "yet by the end of 2016 no one had been arrested or convicted under that section. "
        "Much of the trade with young people is arranged online and carried out in hotels, "
        "which calls for investigative tools and training.</p>",
        "actions": [
            (
                "officer",
                "Request training",
                "<p>Police departments, hotels and motels can "
                "ask for training on recognising trafficking and investigating buyers.</p>",
                "Request training",
                "request-training",
            ),
            (
                "visitor",
                "Report what you see",
                "<p>If you suspect trafficking, call the hotline. In an emergency, call 911.</p>",
                "",
                "",
            ),
        ],
        "social": "Poster: Buying a child is a felony",
    },
    4: {
        "intro": "The law should treat buying sex from a child as the serious crime it is, "
        "and give investigators what they need.",
        "problem": "<p>The Council recommends changes to state law each year. Its 2016 "
        "recommendations include asking why the 2013 felony has brought no convictions, "
        "raising its penalty, and considering whether those convicted of trafficking or of "
        "buying sex from a minor belong on the sex offender registry.</p>",
        "actions": [
            (
                "lawmaker",
                "Read the recommendations",
                "<p>See each recommendation, the statute it concerns and where it stands.</p>",
                "See the policy page",
                "policy",
            ),
            (
                "visitor",
                "Tell your legislator",
                "<p>Let your state representative and "
                "senator know that ending demand matters to you.</p>",
                "Write to your legislator",
                "tell-your-legislator",
            ),
        ],
        "social": "Poster: End demand",
    },
}


def rich(html: str) -> RichText:
    return RichText(html)


def ensure_home_page(data) -> HomePage:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's install leaves a placeholder page at the root; the campaign's home replaces it.
    placeholders = [p for p in root.get_children() if p.specific_class is Page]
    for placeholder in placeholders:
        placeholder.slug = f"{placeholder.slug}-placeholder"
        placeholder.save()
    home = HomePage(
        title="End Demand CT",
        slug="home",
        seo_title="End Demand CT: stop the buyers who fuel sex trafficking",
        search_description="Connecticut's campaign against the demand that drives sex "
        "trafficking of children and exploited adults.",
        hero_heading="No buyers. No trafficking.",
        hero_text="Sex trafficking in Connecticut is driven by the people who pay for sex. "
        "End Demand CT, a campaign of the state's Trafficking in Persons Council, turns the "
        "spotlight on those buyers.",
        hero_image=data.posters["Poster: No buyers, no trafficking"],
        goals_intro="The Council's campaign against demand has four aims.",
    )
    root.add_child(instance=home)
    for order, key in enumerate(HOME_FACTS):
        HomePageFact.objects.create(page=home, fact=data.facts[key], sort_order=order)
    home.save_revision().publish()
    data.site.root_page = home
    data.site.save()
    for placeholder in placeholders:
        placeholder.delete()
    return home


def add_page(parent: Page, page: Page) -> Page:
    """Create and publish `page` under `parent`, unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_goal_pages(home: HomePage, data) -> None:
    for number, content in GOAL_PAGES.items():
        goal = data.goals[number]
        if GoalPage.objects.filter(goal=goal).exists():
            continue
        actions = [
            (
                "action",
                {
                    "audience": audience,
                    "heading": heading,
                    "text": rich(text),
                    "link_label": label,
                    "page": home.get_children().filter(slug=slug).first() if slug else None,
                    "external_url": "",
                },
            )
            for audience, heading, text, label, slug in content["actions"]
        ]
        add_page(
            home,
            GoalPage(
                title=goal.title,
                slug=goal.slug,
                goal=goal,
                intro=content["intro"],
                problem=rich(content["problem"]),
                actions=actions,
                search_description=content["intro"],
                social_image=data.posters[content["social"]],
                show_in_menus=False,
            ),
        )


def seed_policy_page(home: HomePage) -> None:
    add_page(
        home,
        PolicyPage(
            title="Policy",
            slug="policy",
            intro="Every year the Trafficking in Persons Council reports to the General "
            "Assembly with recommendations. Here is each one, the statute it concerns, how the "
            "Council voted and where it stands.",
            show_in_menus=True,
        ),
    )


def seed_content_pages(home: HomePage, data) -> None:
    about = ContentPage(
        title="About the campaign",
        slug="about",
        show_in_menus=True,
        intro="End Demand CT is the Connecticut Trafficking in Persons Council's campaign "
        "against the demand for commercial sex that drives trafficking.",
        body=[
            (
                "paragraph",
                rich(
                    "<h2>Why demand</h2><p>For a long time the blame for prostitution fell on the "
                    "people sold, not on the people buying. The Council sees the sale of sex, "
                    "and above all the sale of children, as a form of human trafficking, and it "
                    "has set out to change where attention falls.</p>"
                ),
            ),
            ("fact", {"fact": data.facts["buyers-80000"]}),
            (
                "paragraph",
                rich(
                    "<h2>Who we are</h2><p>The Trafficking in Persons Council brings together "
                    "state agencies, the Judicial Branch, police, and organisations that work with "
                    "survivors of sexual and domestic violence, immigrants and refugees. It "
                    "reports to the General Assembly every year.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": data.posters["Poster: Look at who is buying"],
                    "caption": "One of the campaign's posters.",
                    "credit": "",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "See the four goals",
                    "text": "Each goal says what the problem is and what you can do.",
                    "button_label": "Go to the home page",
                    "page": home,
                    "external_url": "",
                },
            ),
        ],
    )
    add_page(home, about)
    resources = ContentPage(
        title="Resources",
        slug="resources",
        show_in_menus=True,
        intro="Where to get help, how to report, and material to download.",
        body=[
            (
                "help",
                {
                    "heading": "",
                    "text": rich(
                        "<p>The National Human Trafficking Hotline takes calls and texts at any "
                        "hour, in English, Spanish and more than 200 other languages through "
                        "interpreters. You can report a tip without giving your name.</p>"
                    ),
                },
            ),
            (
                "document",
                {
                    "document": data.fact_sheet,
                    "title": "",
                    "description": "The campaign's key figures on one page, with sources.",
                },
            ),
            (
                "accordion",
                {
                    "heading": "Questions people ask",
                    "items": [
                        {
                            "question": "Is buying sex from a minor a crime in Connecticut?",
                            "answer": rich(
                                "<p>Yes. Since 2013 it has been a Class C felony under "
                                "Sec. 53a-83(c), and a 2016 law made it a felony to buy "
                                "sex from a trafficking victim too.</p>"
                            ),
                        },
                        {
                            "question": "Does trafficking really happen in Connecticut?",
                            "answer": rich(
                                "<p>Yes. It happens here, to Connecticut residents. Much of "
                                "it is arranged online and takes place in hotels.</p>"
                            ),
                        },
                        {
                            "question": "What does the campaign ask of me?",
                            "answer": rich(
                                "<p>Learn the facts, share them, save the hotline number, "
                                "and ask your leaders what they are doing about demand.</p>"
                            ),
                        },
                    ],
                },
            ),
        ],
    )
    add_page(home, resources)


BROWSE_SAFELY = [
    (
        "<p>Quick exit takes you away from this site at once, but the pages you have already "
        "seen stay in your browser's history, where anyone who picks up your phone or computer "
        "can find them. If that worries you, here is how to leave fewer traces.</p>"
    ),
    (
        "<h2>Open a private window</h2><p>Pages you open in a private window are not kept in "
        "the history once you close it.</p><ul>"
        "<li><b>iPhone (Safari):</b> tap the tabs button, then <i>Private</i>.</li>"
        "<li><b>Android (Chrome):</b> tap the three dots, then <i>New Incognito tab</i>.</li>"
        "<li><b>Chrome on a computer:</b> Ctrl+Shift+N (Cmd+Shift+N on a Mac).</li>"
        "<li><b>Edge:</b> Ctrl+Shift+N opens an InPrivate window.</li>"
        "<li><b>Firefox:</b> Ctrl+Shift+P (Cmd+Shift+P on a Mac).</li></ul>"
    ),
    (
        "<h2>Remove this site from your history</h2><p>Removing only the pages of this site "
        "draws less attention than clearing everything.</p><ul>"
        "<li><b>iPhone (Safari):</b> tap the book icon, then the clock; swipe left on each "
        "page of this site and tap <i>Delete</i>.</li>"
        "<li><b>Android (Chrome):</b> tap the three dots, then <i>History</i>; tap the cross "
        "beside each page of this site.</li>"
        "<li><b>Chrome and Edge on a computer:</b> press Ctrl+H (Cmd+Y in Chrome on a Mac), "
        "find the pages of this site and delete them.</li>"
        "<li><b>Firefox on a computer:</b> press Ctrl+Shift+H (Cmd+Shift+H on a Mac), "
        "right-click a page of this site and choose <i>Forget About This Site</i>.</li></ul>"
    ),
    (
        "<h2>Other things to keep in mind</h2><p>A browser signed in to an account (Google, "
        "Apple, Microsoft) may copy your history to your other devices. If you think someone "
        "watches your phone or computer, use another one, at a library or a friend's, and "
        "call the hotline from a phone that is safe.</p>"
    ),
]


def seed_browse_safely_page(home: HomePage, site: Site) -> None:
    """The page beside the quick exit on private windows and clearing history."""
    page = add_page(
        home,
        ContentPage(
            title="Browse safely",
            slug="browse-safely",
            show_in_menus=False,
            intro="How to keep your visit to this site private on a phone or computer.",
            body=[("paragraph", rich(html)) for html in BROWSE_SAFELY],
        ),
    )
    settings = CampaignSettings.for_site(site)
    if settings.browse_safely_page_id is None:
        settings.browse_safely_page = page
        settings.save(update_fields=["browse_safely_page"])


def seed_home(data, stdout) -> None:
    home = ensure_home_page(data)
    seed_policy_page(home)
    seed_content_pages(home, data)
    seed_browse_safely_page(home, data.site)
    stdout.write("Seeded the home, policy and content pages.")


def seed_goals(data, stdout) -> None:
    """Runs after the other apps' seeds, so the goal pages can link to their forms and toolkit."""
    seed_goal_pages(HomePage.objects.get(locale=Locale.get_default()), data)
    stdout.write("Seeded the goal pages.")
