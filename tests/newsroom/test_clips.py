"""Press clips: seeded from the real coverage, and imported from CSV by `import_press_clips`."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from campaign.newsroom.models import PressClip

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

HEADER = "date,outlet,headline,url,about,reach\n"


def run(path) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_press_clips", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_seed_has_the_five_real_clips(seeded_release):
    """The five stories of press-clips.csv are seeded; three cover the Jan. 11 release."""
    assert PressClip.objects.count() == 5
    assert set(seeded_release.press_clips.values_list("outlet", flat=True)) == {
        "CT News Junkie",
        "The Middletown Press",
        "Republican-American",
    }


def test_import_keeps_good_rows_and_reports_bad_ones_by_line(tmp_path):
    """Good rows are created; each bad row is reported with its line number."""
    path = tmp_path / "clips.csv"
    path.write_text(
        HEADER
        + "2021-03-04,WNPR,Buyers face new law,https://example.org/a,new law,5000\n"
        + "not-a-date,WNPR,Bad date,https://example.org/b,,\n"
        + "2021-03-05,,No outlet,https://example.org/c,,\n"
        + "2021-03-06,Courant,Good again,https://example.org/d,,\n"
    )
    out, err, error = run(path)
    assert "2 created, 0 updated, 2 failed." in out
    assert "line 3: date: Enter a valid date." in err
    assert "line 4: outlet: This field is required." in err
    assert str(error) == "2 row(s) failed."
    clip = PressClip.objects.get(url="https://example.org/a")
    assert (clip.outlet, clip.published_on, clip.reach) == ("WNPR", datetime.date(2021, 3, 4), 5000)
    assert PressClip.objects.filter(url="https://example.org/d").exists()


def test_reimport_updates_existing_clips(tmp_path):
    """Importing a clip's URL again updates that clip instead of adding another."""
    path = tmp_path / "clips.csv"
    path.write_text(HEADER + "2021-03-04,WNPR,First headline,https://example.org/a,,\n")
    run(path)
    path.write_text(HEADER + "2021-03-04,WNPR,Corrected headline,https://example.org/a,,7000\n")
    out, _, error = run(path)
    assert error is None and "0 created, 1 updated, 0 failed." in out
    clip = PressClip.objects.get(url="https://example.org/a")
    assert (clip.headline, clip.reach) == ("Corrected headline", 7000)


def test_file_without_required_columns_is_refused(tmp_path):
    """A CSV without the url column is refused as a whole, naming the column."""
    path = tmp_path / "clips.csv"
    path.write_text("date,outlet,headline\n2021-03-04,WNPR,Story\n")
    _, _, error = run(path)
    assert "missing column(s): url" in str(error)
    assert not PressClip.objects.filter(headline="Story").exists()
