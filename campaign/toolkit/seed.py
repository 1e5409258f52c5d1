"""Demo content for the toolkit: the toolkit page, one asset per campaign poster, and a few
fictional partners on example.org. What exists is left alone, so seeding twice changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.utils.text import slugify
from wagtail.models import Page

from .models import CampaignAsset, Partner, ToolkitPage

# The officers' group (created by the newsroom's seed) runs the toolkit: assets, partners, blocks.
COMMUNICATIONS_GROUP = "Communications"
TOOLKIT_MODELS = ["campaignasset", "partner", "blockedhost"]

# Poster title -> (asset title, goal number, message), in our own words.
ASSETS = {
    "Poster: No buyers, no trafficking": (
        "No buyers, no trafficking",
        1,
        "Sex trafficking exists because people pay for sex. Put the buyers in the picture.",
    ),
    "Poster: Buying a child is a felony": (
        "Buying a child is a felony",
        3,
        "Paying for sex with anyone under 18 has been a Class C felony in Connecticut since 2013.",
    ),
    "Poster: Look at who is buying": (
        "Look at who is buying",
        2,
        "Demand fuels the trafficking of children and adults in our state. Leaders can name it.",
    ),
    "Poster: End demand": (
        "End demand, end trafficking",
        4,
        "Laws that hold buyers to account cut off the market. Call the hotline if you suspect "
        "trafficking.",
    ),
}

PARTNERS = [
    {
        "code": "demo-family-services",
        "organisation": "Example Family Services (demo partner)",
        "website": "https://family-services.example.org/",
        "allowed_domains": "family-services.example.org\nwww.family-services.example.org",
        "contact_email": "web@family-services.example.org",
        "active": True,
    },
    {
        "code": "demo-town-police",
        "organisation": "Example Town Police Department (demo partner)",
        "website": "https://police.example.org/",
        "allowed_domains": "police.example.org",
        "contact_email": "community@police.example.org",
        "active": True,
    },
    {
        "code": "demo-harbor-hotel",
        "organisation": "Example Harbor Hotel (demo partner, inactive)",
        "website": "https://harbor-hotel.example.org/",
        "allowed_domains": "harbor-hotel.example.org",
        "contact_email": "manager@harbor-hotel.example.org",
        "active": False,
    },
]


def seed_toolkit_page(home: Page) -> ToolkitPage:
    page = ToolkitPage.objects.first()
    if page is None:
        page = ToolkitPage(
            title="Campaign toolkit",
            slug="toolkit",
            show_in_menus=True,
            intro="Posters and banners for partner organisations to share on their sites and "
            "social media, in every common size, free to use with credit.",
            partner_note="Service providers, police departments, hotels, schools and councils "
            "can register as partners to get a partner code; with it, embeds on your sites are "
            "counted for you and you get a private report of how often they are seen.",
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def seed_assets(data) -> None:
    for poster_title, image in data.posters.items():
        title, goal_number, message = ASSETS.get(
            poster_title, (poster_title.removeprefix("Poster: "), 1, image.alt_text)
        )
        CampaignAsset.objects.get_or_create(
            slug=slugify(title),
            defaults={
                "title": title,
                "message": message,
                "image": image,
                "goal": data.goals[goal_number],
                "link_page": data.site.root_page,
            },
        )


def seed_partners() -> None:
    for fields in PARTNERS:
        Partner.objects.get_or_create(code=fields["code"], defaults=fields)


def seed_toolkit(data, stdout) -> None:
    seed_toolkit_page(data.site.root_page.specific)
    seed_assets(data)
    seed_partners()
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="toolkit", content_type__model__in=TOOLKIT_MODELS
        )
    )
    stdout.write("Seeded the toolkit page, campaign assets and demo partners.")
