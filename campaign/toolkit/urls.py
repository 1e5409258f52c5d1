"""Routes outside the page tree. The asset pages are routes of the ToolkitPage at /toolkit/;
their downloads are here because the page tree serves no URL ending in a file extension."""

from django.urls import path

from . import partner_views, views

urlpatterns = [
    path("embed.js", views.embed_js, name="toolkit_embed_js"),
    path("embed/<slug:slug>/", views.embed, name="toolkit_embed"),
    path("embed/<slug:slug>/data.json", views.embed_data, name="toolkit_embed_data"),
    path(
        "embed/<slug:slug>/<slug:preset>.<slug:extension>",
        views.embed_image,
        name="toolkit_embed_image",
    ),
    path("embed/<slug:slug>/copied/", views.copied, name="toolkit_copied"),
    # campaign.toolkit.beacon.BEACON_PATH: with Redis, answered before Django.
    path("count/impression/", views.beacon, name="toolkit_beacon"),
    path(
        "toolkit/<slug:slug>/download/<slug:preset>.<slug:extension>",
        views.download,
        name="toolkit_download",
    ),
    path(
        "toolkit/<slug:slug>/file/<slug:preset>.<slug:extension>",
        views.download_file,
        name="toolkit_file",
    ),
    path("toolkit-register/", partner_views.register, name="toolkit_register"),
    path("partner-report/<str:token>/", partner_views.report, name="toolkit_partner_report"),
    path(
        "partner-report/<str:token>/report.csv",
        partner_views.report_csv,
        name="toolkit_partner_report_csv",
    ),
    path("go/<slug:slug>/", views.go, name="toolkit_go"),
    path("oembed/", views.oembed, name="toolkit_oembed"),
]
