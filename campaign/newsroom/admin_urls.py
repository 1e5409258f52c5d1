from django.urls import path

from . import views

app_name = "newsroom_admin"

urlpatterns = [
    path("releases/<int:page_id>/preview-links/", views.preview_links, name="preview_links"),
    path(
        "preview-links/<int:link_id>/revoke/",
        views.revoke_preview_link,
        name="revoke_preview_link",
    ),
]
