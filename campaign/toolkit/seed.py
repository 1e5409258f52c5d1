"""Demo content for the toolkit: the toolkit page, one asset per campaign poster with artwork
designed for every size, and a few fictional partners on example.org. What exists is left alone,
so seeding twice changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, Locale, Page

from campaign.core.models import CampaignImage
from campaign.core.posters import HOTLINE_SPANISH, draw_artwork, draw_poster
from campaign.core.seed import POSTERS, save_drawing

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

# The Spanish assets, by the English asset's slug: written in Spanish, not word for word, with
# the hotline's Spanish-language service on the artwork.
ASSETS_ES = {
    "no-buyers-no-trafficking": {
        "title": "Sin compradores no hay trata",
        "slug": "sin-compradores-no-hay-trata",
        "message": "La trata sexual existe porque hay quien paga por sexo. Hablemos de los "
        "compradores.",
        "slogan": "Sin compradores no hay trata.",
        "tagline": "La trata sexual existe porque hay quien paga por sexo. Pongamos la mirada "
        "en los compradores.",
        "description": "Cartel de la campaña sobre fondo ciruela: «Sin compradores no hay trata».",
    },
    "buying-a-child-is-a-felony": {
        "title": "Comprar sexo a un menor es un delito grave",
        "slug": "comprar-sexo-a-un-menor-es-delito-grave",
        "message": "En Connecticut, pagar por sexo con una persona menor de 18 años es un delito "
        "grave de clase C desde 2013.",
        "slogan": "Comprar sexo a un menor es un delito grave.",
        "tagline": "En Connecticut es delito grave de clase C desde 2013, y aún nadie ha sido "
        "condenado por ello.",
        "description": "Cartel de la campaña sobre fondo rojo: «Comprar sexo a un menor es un "
        "delito grave».",
    },
    "look-at-who-is-buying": {
        "title": "Mire quién compra",
        "slug": "mire-quien-compra",
        "message": "La demanda alimenta la trata de menores y de adultos en nuestro estado. Los "
        "líderes pueden decirlo en voz alta.",
        "slogan": "Mire quién compra.",
        "tagline": "La demanda alimenta la trata de menores y de adultos explotados en nuestro "
        "estado.",
        "description": "Cartel de la campaña sobre fondo oscuro: «Mire quién compra».",
    },
    "end-demand-end-trafficking": {
        "title": "Sin demanda no hay trata",
        "slug": "sin-demanda-no-hay-trata",
        "message": "Las leyes que piden cuentas a los compradores cierran el mercado. Si sospecha "
        "un caso de trata, llame a la línea de ayuda: atiende en español.",
        "slogan": "Acabemos con la demanda y con la trata.",
        "tagline": "Si sospecha un caso de trata, llame a la Línea Nacional contra la Trata de "
        "Personas: atiende en español.",
        "description": "Cartel de la campaña sobre fondo amarillo: «Acabemos con la demanda y "
        "con la trata».",
    },
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
        artwork = save_drawing(
            png,
            f"{asset.slug}-{preset.key}.png",
            f"{asset.title}: {preset.label} artwork, {preset.dimensions}",
            poster.description,
        )
        AssetSize.objects.create(asset=asset, preset=preset.key, artwork=artwork)


def seed_spanish_assets(data, stdout) -> None:
    """Each seeded asset in Spanish: a translation with its own slug, message, poster and
    artwork drawn for every size in Spanish, pointing at the Spanish goal and home page."""
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None:
        return
    english = CampaignAsset.objects.filter(locale=Locale.get_default(), slug__in=ASSETS_ES)
    for asset in english.select_related("image", "goal", "link_page"):
        if asset.get_translation_or_none(spanish) is not None or asset.image is None:
            continue
        text = ASSETS_ES[asset.slug]
        palette = DRAWN[asset.image.title]["palette"] if asset.image.title in DRAWN else "plum"
        copy = asset.copy_for_translation(spanish)
        copy.title, copy.slug, copy.message = text["title"], text["slug"], text["message"]
        copy.goal = asset.goal.get_translation_or_none(spanish) or asset.goal
        if asset.link_page is not None:
            copy.link_page = asset.link_page.get_translation_or_none(spanish) or asset.link_page
        poster = draw_poster(text["slogan"], text["tagline"], palette, hotline=HOTLINE_SPANISH)
        copy.image = save_drawing(
            poster, f"{copy.slug}.png", f"Cartel: {copy.title}", text["description"]
        )
        for size in copy.sizes.all():  # copied from the English asset, not saved yet
            preset = PRESETS[size.preset]
            png = draw_artwork(
                text["slogan"],
                text["tagline"],
                palette,
                (preset.width, preset.height),
                hotline=HOTLINE_SPANISH,
            )
            size.artwork = save_drawing(
                png,
                f"{copy.slug}-{preset.key}.png",
                f"{copy.title}: {preset.dimensions}",
                text["description"],
            )
            size.approved_version = ""
        copy.save()
    stdout.write("Seeded the Spanish campaign assets.")


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
