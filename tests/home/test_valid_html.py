"""Valid HTML: the Nu HTML checker (vnu, the W3C validator's engine) finds no error on any page
of the seeded site's sitemap."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.services import VNU_JAR, needs_vnu

pytestmark = [needs_vnu, pytest.mark.usefixtures("seeded_site")]


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.text)]


def vnu_errors(files) -> list[dict]:
    """The checker's errors for the given HTML files, each naming its file by a file: URL."""
    run = subprocess.run(
        [
            shutil.which("java"),
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [
        m
        for m in json.loads(run.stderr)["messages"]
        if m["type"] in {"error", "non-document-error"}
    ]


def test_every_sitemap_page_is_valid_html(client, tmp_path):
    """vnu reports 0 errors on every page the sitemap lists."""
    paths = sitemap_paths(client)
    assert len(paths) > 10, paths
    pages = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        pages[file] = path
    errors = [
        f"{pages[Path(urlsplit(error['url']).path)]}:{error.get('lastLine')}: {error['message']}"
        for error in vnu_errors(pages)
    ]
    assert errors == []
