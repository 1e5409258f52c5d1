from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("subscribe/", views.signup, name="signup"),
    path("subscribe/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
]
