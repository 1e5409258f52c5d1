from django.urls import path

from . import views

app_name = "newsroom"

urlpatterns = [
    path("<str:token>/", views.embargo_preview, name="embargo_preview"),
]
