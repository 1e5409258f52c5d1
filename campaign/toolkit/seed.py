"""Demo content for the toolkit: the toolkit page, one asset per campaign poster with artwork
designed for every size, and a few fictional partners on example.org. What exists is left alone,
so seeding twice changes nothing."""

from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, Locale, Page

from campaign.core.models import CampaignImage
from campaign.core.posters import draw_artwork
from campaign.core.seed import POSTERS

from .models import AssetSize, CampaignAsset, Partner, ToolkitPage
from .presets import PRESETS

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
    page = ToolkitPage.objects.filter(locale=Locale.get_default()).first()
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
            poster_title, (poster_title.removeprefix("Poster: "), 1, image.description)
        )
        asset, _ = CampaignAsset.objects.get_or_create(
            slug=slugify(title),
            defaults={
                "title": title,
                "message": message,
                "image": image,
                "goal": data.goals[goal_number],
                "link_page": data.site.root_page,
            },
        )
        if poster_title in DRAWN and not asset.sizes.exists():
            seed_designed_sizes(asset, image, DRAWN[poster_title])


DRAWN = {poster["title"]: poster for poster in POSTERS}


def seed_designed_sizes(asset: CampaignAsset, poster: CampaignImage, drawing: dict) -> None:
    """Artwork drawn for each size, so every size keeps the slogan and the hotline readable."""
    for preset in PRESETS.values():
        png = draw_artwork(
            drawing["slogan"], drawing["tagline"], drawing["palette"], (preset.width, preset.height)
        )
        artwork = CampaignImage(
            file=ImageFile(BytesIO(png), name=f"{asset.slug}-{preset.key}.png"),
            title=f"{asset.title}: {preset.label} artwork, {preset.dimensions}",
            description=poster.description,
            credit=poster.credit,
            licence=poster.licence,
            source=poster.source,
        )
        artwork.save()
        AssetSize.objects.create(asset=asset, preset=preset.key, artwork=artwork)


def seed_partners() -> None:
    for fields in PARTNERS:
        Partner.objects.get_or_create(code=fields["code"], defaults=fields)


COMMUNICATIONS_GROUP = "Communications"
# The officer uploads artwork and draws each image's safe area.
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def seed_communications_permissions() -> None:
    """Communications edits the assets, their sizes and partners, and the images they use."""
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="toolkit"),
    )
    root = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


def seed_toolkit(data, stdout) -> None:
    seed_toolkit_page(data.site.root_page.specific)
    seed_assets(data)
    seed_partners()
    seed_communications_permissions()
    stdout.write("Seeded the toolkit page, campaign assets and demo partners.")
