from django.urls import path
from wagtail import hooks

from . import twofactor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/verify/", twofactor.verify, name="ops_2fa_verify"),
        path("2fa/enrol/", twofactor.enrol, name="ops_2fa_enrol"),
    ]
