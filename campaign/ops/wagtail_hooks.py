from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import twofactor
from .admin_views import BackgroundWorkView


@hooks.register("register_admin_urls")
def register_ops_urls():
    return [
        path("2fa/verify/", twofactor.verify, name="ops_2fa_verify"),
        path("2fa/enrol/", twofactor.enrol, name="ops_2fa_enrol"),
        path("reports/background-work/", BackgroundWorkView.as_view(), name="ops_background_work"),
        path(
            "reports/background-work/results/",
            BackgroundWorkView.as_view(results_only=True),
            name="ops_background_work_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_background_work_report():
    return MenuItem(
        _("Background work"), reverse("ops_background_work"), icon_name="cogs", order=900
    )
