"""Admin for media alerts: contacts, lists and alerts as snippets; the alert's send page;
CSV import/export; 'Draft a media alert' on press releases; audit log actions; counts."""

from django.db.models import Count, Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button, HeaderButton, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource
from campaign.newsroom.models import PressReleasePage

from . import admin_urls
from .forms import MediaAlertForm, PressContactForm
from .models import MediaAlert, MediaList, NewsroomSignup, PressContact
from .seed import seed_alerts
from .webhooks import count_events


class PressContactIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = super().header_buttons
        buttons.append(
            HeaderButton(
                "Import CSV", url=reverse("alerts_admin:contacts_import"), icon_name="upload"
            )
        )
        buttons.append(
            HeaderButton(
                "Export CSV", url=reverse("alerts_admin:contacts_export"), icon_name="download"
            )
        )
        return buttons


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = "Press contacts"
    index_view_class = PressContactIndexView
    list_display = ["name", "email", "outlet", "region", "state"]
    list_filter = ["state", "lists"]
    search_fields = ["name", "email", "outlet"]
    edit_handler = ObjectList(PressContact.panels, base_form_class=PressContactForm)


class MediaListViewSet(SnippetViewSet):
    model = MediaList
    icon = "group"
    menu_label = "Media lists"
    list_display = ["name", "active_contact_count"]


def delivery_counts(queryset):
    """One query for the listing's delivery counts, however many alerts it shows."""
    statuses = ["queued", "sent", "failed", "unknown"]
    events = ["delivered", "opened", "clicked", "bounced"]
    return queryset.annotate(
        **{
            f"n_{status}": Count("deliveries", filter=Q(deliveries__status=status))
            for status in statuses
        },
        **{
            f"n_{event}": Count(
                "deliveries", filter=Q(**{f"deliveries__{event}_at__isnull": False})
            )
            for event in events
        },
    )


class MediaAlertIndexView(IndexView):
    def get_base_queryset(self):
        return delivery_counts(super().get_base_queryset())


class MediaAlertViewSet(SnippetViewSet):
    model = MediaAlert
    icon = "mail"
    menu_label = "Media alerts"
    index_view_class = MediaAlertIndexView
    list_display = [
        "subject",
        "status",
        "scheduled_at",
        *[
            Column(f"n_{name}", label=name.capitalize())
            for name in [
                "queued",
                "sent",
                "failed",
                "unknown",
                "delivered",
                "opened",
                "clicked",
                "bounced",
            ]
        ],
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    edit_handler = ObjectList(MediaAlert.panels, base_form_class=MediaAlertForm)


class NewsroomSignupViewSet(SnippetViewSet):
    """Sign-ups from the newsroom's form; confirmed ones wait here for the officer's review."""

    model = NewsroomSignup
    icon = "user"
    menu_label = _("Newsroom sign-ups")
    list_display = ["name", "email", "outlet", "beat", "confirmed_at", "review"]
    list_filter = ["review"]
    search_fields = ["name", "email", "outlet"]
    ordering = ["-created_at"]
    inspect_view_enabled = True


class MediaAlertsGroup(SnippetViewSetGroup):
    menu_label = "Media alerts"
    menu_icon = "mail"
    menu_order = 300
    items = (MediaAlertViewSet, MediaListViewSet, PressContactViewSet, NewsroomSignupViewSet)


register_snippet(MediaAlertsGroup)


@hooks.register("register_admin_urls")
def register_alerts_admin_urls():
    return [path("alerts/", include(admin_urls, namespace="alerts_admin"))]


@hooks.register("register_snippet_listing_buttons")
def alert_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, MediaAlert):
        yield ListingButton(
            "Send page",
            url=reverse("alerts_admin:alert_detail", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )


@hooks.register("register_snippet_listing_buttons")
def signup_listing_buttons(snippet, user, next_url=None):
    if (
        isinstance(snippet, NewsroomSignup)
        and snippet.is_confirmed
        and snippet.review == NewsroomSignup.Review.PENDING
    ):
        yield ListingButton(
            _("Review"),
            url=reverse("alerts_admin:signup_review", args=[snippet.pk]),
            icon_name="tick",
            priority=5,
        )


@hooks.register("register_page_listing_more_buttons")
def release_alert_button(page, user, next_url=None):
    if page.specific_class is PressReleasePage and user.has_perm("alerts.add_mediaalert"):
        yield Button(
            "Draft a media alert",
            url=reverse("alerts_admin:create_from_release", args=[page.pk]),
            icon_name="mail",
            priority=45,
        )


@hooks.register("register_log_actions")
def register_alert_log_actions(actions):
    actions.register_action("alerts.send", "Send media alert", "Media alert sent")
    actions.register_action("alerts.schedule", "Schedule media alert", "Media alert scheduled")
    actions.register_action("alerts.cancel", "Cancel media alert", "Media alert cancelled")
    actions.register_action("alerts.test_send", "Send test alert", "Test of media alert sent")
    actions.register_action(
        "alerts.import_contacts", "Import contacts", "Contacts import confirmed"
    )
    actions.register_action(
        "alerts.resend_unknown",
        "Resend unknown deliveries",
        "Deliveries with an unknown outcome sent again",
    )
    actions.register_action(
        "alerts.fail_unknown",
        "Mark unknown deliveries failed",
        "Deliveries with an unknown outcome marked failed",
    )
    actions.register_action(
        "alerts.signup_accept", _("Accept newsroom sign-up"), _("Newsroom sign-up accepted")
    )
    actions.register_action(
        "alerts.signup_decline", _("Decline newsroom sign-up"), _("Newsroom sign-up declined")
    )


@hooks.register(COUNT_SOURCES_HOOK)
def alert_count_sources():
    return [
        CountSource(
            "alerts.deliveries",
            "Media alerts sent",
            lambda day_from, day_to: count_events("sent_at", day_from, day_to),
        ),
        CountSource(
            "alerts.opens",
            "Media alerts opened",
            lambda day_from, day_to: count_events("opened_at", day_from, day_to),
        ),
        CountSource(
            "alerts.clicks",
            "Media alerts clicked",
            lambda day_from, day_to: count_events("clicked_at", day_from, day_to),
        ),
    ]


hooks.register("register_campaign_seed", fn=seed_alerts, order=40)
