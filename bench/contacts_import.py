"""How long the officer waits for a 3,000-row contacts import, over HTTP, with production's task
backend: gunicorn serves the admin, a `db_worker` process runs the import. Prints the time of
the upload (which returns the preview), of the confirm (which returns the report page), and
until the report says the import finished.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/contacts_import.py

It migrates that database and adds a user and 3,000 contacts (bulkN@example.com) to it: use a
database of its own. Port 8130 unless BENCH_IMPORT_PORT is set.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_IMPORT_PORT", 8130))
URL = f"http://127.0.0.1:{PORT}"
ROWS = 3000
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.import_settings"}


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=ENV, check=True)


def csrf(session: requests.Session, path: str) -> str:
    html = session.get(URL + path).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def timed(call):
    start = time.perf_counter()
    response = call()
    return response, time.perf_counter() - start


def main() -> None:
    manage("migrate", "--no-input", "-v", "0")
    manage("shell", "-c", SETUP)
    rows = [f"Reporter {n},bulk{n}@example.com,Outlet {n % 40},Bench list" for n in range(ROWS)]
    data = ("name,email,outlet,lists\n" + "\n".join(rows) + "\n").encode()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "campaign.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2"],
        cwd=BASE_DIR,
        env=ENV,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
        cwd=BASE_DIR,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server()
        session = requests.Session()
        token = csrf(session, "/admin/login/")
        session.post(
            URL + "/admin/login/",
            {"username": "bench-officer", "password": "bench-pw", "csrfmiddlewaretoken": token},
            headers={"Referer": URL + "/admin/login/"},
        )
        path = "/admin/alerts/contacts/import/"
        token = csrf(session, path)
        preview, upload_s = timed(
            lambda: session.post(
                URL + path,
                {"csrfmiddlewaretoken": token},
                files={"file": ("big.csv", data, "text/csv")},
                headers={"Referer": URL + path},
            )
        )
        if f"{ROWS} to add" not in preview.text:
            raise SystemExit(f"The preview did not count {ROWS} new rows:\n{preview.text[:500]}")
        confirm = re.search(r'action="([^"]+/confirm/)"', preview.text).group(1)
        report, confirm_s = timed(
            lambda: session.post(
                URL + confirm,
                {"csrfmiddlewaretoken": token, "new_lists": "Bench list"},
                headers={"Referer": preview.url},
            )
        )
        start = time.perf_counter()
        while f"{ROWS} contacts added" not in session.get(report.url).text:
            time.sleep(0.5)
        done_s = time.perf_counter() - start + confirm_s
        print(f"rows: {ROWS}")
        print(f"upload -> preview page: {upload_s:.2f} s")
        print(f"confirm -> report page: {confirm_s:.2f} s")
        print(f"confirm -> report says finished (worker): {done_s:.1f} s")
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)


def wait_for_server() -> None:
    for _ in range(100):
        try:
            requests.get(URL + "/admin/login/", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


SETUP = """
from django.contrib.auth.models import Permission, User
from campaign.alerts.models import ContactImport, PressContact
PressContact.objects.filter(email__startswith="bulk").delete()
ContactImport.objects.all().delete()
user, _ = User.objects.get_or_create(username="bench-officer", defaults={"email": "b@example.org"})
user.set_password("bench-pw")
user.save()
user.user_permissions.add(*Permission.objects.filter(
    codename__in=["access_admin", "add_presscontact", "change_presscontact"]))
"""

if __name__ == "__main__":
    main()
