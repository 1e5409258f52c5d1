"""Demo media lists, fictional press contacts (example.org / example.com addresses only) and
one draft alert. Seeding twice changes nothing."""

from campaign.newsroom.models import PressReleasePage

from .models import MediaAlert, MediaList, PressContact

LISTS = {
    "Hartford TV": "Assignment desks and reporters at Hartford-area television stations.",
    "Statewide print": "Newspapers and news sites that cover the whole state.",
    "Policy reporters": "Reporters who follow the legislature, courts and state agencies.",
}

# (name, e-mail, outlet, beat, region, lists)
CONTACTS = [
    (
        "Dana Whitfield",
        "dana.whitfield@example.com",
        "Channel 9 Example News",
        "General assignment",
        "Hartford",
        ["Hartford TV"],
    ),
    (
        "Marcus Ortega",
        "assignments@example.com",
        "Example 30 Hartford",
        "Assignment desk",
        "Hartford",
        ["Hartford TV"],
    ),
    (
        "Priya Raman",
        "priya.raman@example.org",
        "The Example Courant",
        "State politics",
        "Statewide",
        ["Statewide print", "Policy reporters"],
    ),
    (
        "Tom Kowalski",
        "tom.kowalski@example.org",
        "Example Shoreline Register",
        "Courts",
        "New Haven",
        ["Statewide print"],
    ),
    (
        "Grace Okafor",
        "grace.okafor@example.com",
        "Example Public Radio",
        "Public policy",
        "Statewide",
        ["Policy reporters"],
    ),
    (
        "Leah Brennan",
        "leah.brennan@example.org",
        "Example Mirror",
        "Children and families",
        "Statewide",
        ["Policy reporters", "Statewide print"],
    ),
]

DRAFT_SUBJECT = "Media alert: Connecticut's trafficking council puts buyers in focus"
DRAFT_SUMMARY = (
    "The Connecticut Trafficking in Persons Council is asking why the people who pay for sex "
    "with children are so rarely charged.\n\n"
    "Since 2013, 456 children have been referred to the Department of Children and Families as "
    "being at high risk of sex trafficking, yet there have been no arrests or convictions for "
    "patronizing a person under 18 since that became a Class C felony.\n\n"
    "Council members are available for interviews."
)


def seed_alerts(data, stdout) -> None:
    lists = {
        name: MediaList.objects.get_or_create(name=name, defaults={"description": text})[0]
        for name, text in LISTS.items()
    }
    for name, email, outlet, beat, region, list_names in CONTACTS:
        contact, created = PressContact.objects.get_or_create(
            email=email,
            defaults={"name": name, "outlet": outlet, "beat": beat, "region": region},
        )
        if created:
            contact.lists.add(*[lists[list_name] for list_name in list_names])
    if not MediaAlert.objects.filter(subject=DRAFT_SUBJECT).exists():
        release = PressReleasePage.objects.live().public().released().first()
        alert = MediaAlert.objects.create(
            subject=DRAFT_SUBJECT,
            summary=DRAFT_SUMMARY,
            release=release,
            link_url=release.get_full_url() if release else "",
        )
        alert.lists.add(lists["Policy reporters"])
    stdout.write("Seeded media lists, press contacts and a draft media alert.")
