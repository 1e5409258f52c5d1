"""Two-factor sign-in to the admin, end to end: password, enrol with a TOTP app, verify."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def enrolled_editor(editor):
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    return editor


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the editor's authenticator app shows now (or `steps_ahead` periods from now)."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def sign_in(client) -> None:
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302


def test_password_alone_does_not_open_the_admin(client, enrolled_editor):
    """After the password, an enrolled editor is sent to enter a code, not into the admin."""
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verify/?next=/admin/pages/"


def test_correct_code_opens_the_admin_and_returns_to_the_page_asked_for(client, enrolled_editor):
    """The right six digits lead on to the page the editor wanted."""
    sign_in(client)
    device = enrolled_editor.totpdevice_set.get()
    response = client.post(
        "/admin/2fa/verify/", {"otp_token": code_for(device), "next": "/admin/pages/"}
    )
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_wrong_code_is_refused_with_a_clear_message(client, enrolled_editor):
    """A wrong code keeps the editor out and tells them what to check."""
    sign_in(client)
    response = client.post("/admin/2fa/verify/", {"otp_token": "000000"})
    assert response.status_code == 400
    assert "That code did not match" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_code_that_is_not_six_digits_is_explained(client, enrolled_editor):
    """Letters or a short code get a message about the format."""
    sign_in(client)
    response = client.post("/admin/2fa/verify/", {"otp_token": "12ab"})
    assert "Enter the six digits" in response.content.decode()


def test_repeated_wrong_codes_are_throttled(client, enrolled_editor):
    """After failures even the right code waits, so codes cannot be guessed quickly."""
    sign_in(client)
    for _ in range(3):
        client.post("/admin/2fa/verify/", {"otp_token": "000000"})
    device = enrolled_editor.totpdevice_set.get()
    response = client.post("/admin/2fa/verify/", {"otp_token": code_for(device)})
    assert response.status_code == 400


def test_editor_without_a_device_is_sent_to_enrol(client, editor):
    """A first sign-in leads to set-up: a QR code, the otpauth URI and the key to type."""
    sign_in(client)
    response = client.get("/admin/")
    assert response["Location"] == "/admin/2fa/enrol/?next=/admin/"
    html = client.get(response["Location"]).content.decode()
    assert "<svg" in html
    assert "otpauth://totp/End%20Demand%20CT%3Aeditor?secret=" in html
    assert re.search(r"<code>[A-Z2-7]{32,}</code>", html)


def test_enrolling_with_the_first_code_confirms_the_device_and_opens_the_admin(client, editor):
    """Typing the app's first code confirms the device and signs the editor in fully."""
    sign_in(client)
    client.get("/admin/2fa/enrol/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post("/admin/2fa/enrol/", {"otp_token": code_for(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").status_code == 200


def test_next_sign_in_asks_for_a_code_from_the_enrolled_app(client, editor):
    """Once enrolled, a fresh session needs a code again, and the app's next code works."""
    sign_in(client)
    client.get("/admin/2fa/enrol/")
    device = TOTPDevice.objects.get(user=editor)
    client.post("/admin/2fa/enrol/", {"otp_token": code_for(device)})
    client.post("/admin/logout/")
    sign_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    # The code just used cannot be replayed; the app's next one is accepted.
    client.post("/admin/2fa/verify/", {"otp_token": code_for(device, steps_ahead=1)})
    assert client.get("/admin/").status_code == 200


def test_a_password_alone_cannot_enrol_a_second_device(client, enrolled_editor):
    """Someone with only the password cannot add their own phone to an enrolled account."""
    sign_in(client)
    response = client.get("/admin/2fa/enrol/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert TOTPDevice.objects.filter(user=enrolled_editor).count() == 1


def test_public_site_is_not_blocked_for_signed_in_editors(client, enrolled_editor, home_page):
    """The check guards the admin; an editor can still read the public site."""
    sign_in(client)
    assert client.get(home_page.url).status_code == 200


def test_switched_off_in_settings_the_admin_opens_after_the_password(
    client, enrolled_editor, settings
):
    """ADMIN_REQUIRE_2FA=False (development and other apps' tests) skips the step."""
    settings.ADMIN_REQUIRE_2FA = False
    sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_reset_command_removes_a_lost_device(enrolled_editor):
    """`manage.py reset_two_factor editor` lets someone who lost their phone enrol again."""
    call_command("reset_two_factor", "editor", stdout=None)
    assert not TOTPDevice.objects.filter(user=enrolled_editor).exists()
