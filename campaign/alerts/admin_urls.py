from django.urls import path

from . import admin_views, import_views, reconcile_views

app_name = "alerts_admin"
urlpatterns = [
    path("alert/<int:pk>/", admin_views.alert_detail, name="alert_detail"),
    path("alert/<int:pk>/preview/", admin_views.alert_preview, name="alert_preview"),
    path("alert/<int:pk>/send/", admin_views.alert_send, name="alert_send"),
    path("alert/<int:pk>/confirm/", admin_views.alert_confirm_send, name="alert_confirm_send"),
    path("alert/<int:pk>/cancel/", admin_views.alert_cancel, name="alert_cancel"),
    path("alert/<int:pk>/test/", admin_views.alert_send_test, name="alert_send_test"),
    path("alert/<int:pk>/unknown/", reconcile_views.settle_unknown, name="settle_unknown"),
    path(
        "from-release/<int:page_id>/",
        admin_views.create_from_release,
        name="create_from_release",
    ),
    path("contacts/import/", import_views.contacts_import, name="contacts_import"),
    path(
        "contacts/import/<int:pk>/",
        import_views.contacts_import_detail,
        name="contacts_import_detail",
    ),
    path(
        "contacts/import/<int:pk>/confirm/",
        import_views.contacts_import_confirm,
        name="contacts_import_confirm",
    ),
    path(
        "contacts/import/<int:pk>/discard/",
        import_views.contacts_import_discard,
        name="contacts_import_discard",
    ),
    path("signups/<int:pk>/review/", admin_views.signup_review, name="signup_review"),
    path("contacts/export/", admin_views.contacts_export, name="contacts_export"),
]
