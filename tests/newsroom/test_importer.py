"""`import_press_releases FILE...` turns plain-text releases into drafts, file by file."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from campaign.newsroom.dates import RELEASE_TIME_ZONE
from campaign.newsroom.importer import ReleaseParseError, decode, parse_release
from campaign.newsroom.models import ImportedRelease, MediaContact, PressReleasePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

SEED_RELEASE = Path(__file__).parent / "data" / "000_5ed4e1cf5bccefb4.txt"


def run(*paths) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_press_releases", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def imported_page() -> PressReleasePage:
    return ImportedRelease.objects.select_related("page").get().page.specific


def test_seed_release_becomes_a_draft_with_date_dateline_and_contact(newsroom):
    """The Jan. 11, 2017 release imports as a draft dated 2017-01-11 from HARTFORD."""
    out, err, error = run(SEED_RELEASE)
    assert error is None and err == ""
    assert f"imported: {SEED_RELEASE}" in out
    page = imported_page()
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific == newsroom
    assert page.release_at.astimezone(RELEASE_TIME_ZONE).date() == datetime.date(2017, 1, 11)
    assert page.dateline == "HARTFORD"
    contact = page.contacts.get()
    assert (contact.name, contact.title) == ("Christine Palm", "Public Information Officer")
    assert contact.phones == ["860-240-8449", "860-836-2145"]


def test_seed_release_headline_and_lead(newsroom):
    """The headline is guessed from the lead; the lead becomes the summary."""
    run(SEED_RELEASE)
    page = imported_page()
    assert page.title.startswith("Today, in honor of National Human Trafficking Awareness Day")
    assert len(page.title) < 120
    assert page.summary.endswith("tip-council_2016-annual-report.pdf)")


def test_seed_release_body_blocks(newsroom):
    """The body holds paragraphs, the three quotes with speaker and role, and both lists."""
    run(SEED_RELEASE)
    body = imported_page().body
    kinds = [block.block_type for block in body]
    assert kinds[0] == "paragraph"
    assert body[0].value.source.startswith("<p>For too long, the onus for the crime")
    quotes = [block.value for block in body if block.block_type == "quote"]
    assert [q["speaker"] for q in quotes] == ["Jillian Gilchrest", "Tammy Sneed", "Beth Hamilton"]
    assert quotes[2]["role"] == "associate director of the Alliance"
    assert quotes[2]["quote"].startswith(
        "Demand keeps sexual exploitation and trafficking profitable."
    )
    lists = [block.value for block in body if block.block_type == "highlights"]
    assert [len(value["items"]) for value in lists] == [3, 4]
    assert lists[1]["heading"] == "Key Policy Recommendations of the report include:"
    assert "53a-192a. Trafficking in persons" in lists[1]["items"][0].source


def test_reimport_is_skipped(newsroom):
    """Importing the same file again is reported as skipped and creates nothing."""
    run(SEED_RELEASE)
    out, _, error = run(SEED_RELEASE)
    assert error is None
    assert f"skipped: {SEED_RELEASE}: already imported as" in out
    assert ImportedRelease.objects.count() == 1
    assert MediaContact.objects.filter(name="Christine Palm").count() == 1


def test_bad_files_fail_with_reasons_and_do_not_stop_the_rest(newsroom, tmp_path):
    """Empty, binary, dateless and non-release files fail with a reason; the good one imports."""
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe")
    no_date = tmp_path / "no-date.txt"
    no_date.write_text("CONTACT: Someone, Officer\n\nFOR IMMEDIATE RELEASE\n\nHARTFORD – Text.\n")
    not_release = tmp_path / "letter.txt"
    not_release.write_text("Dear members,\n\nThe meeting moves to Thursday.\n")
    missing = tmp_path / "missing.txt"
    out, err, error = run(empty, binary, no_date, SEED_RELEASE, not_release, missing)
    assert f"failed: {empty}: the file is empty" in err
    assert f"failed: {binary}: binary file, not plain text" in err
    assert f"failed: {no_date}: no release date after 'FOR IMMEDIATE RELEASE'" in err
    assert f"failed: {not_release}: no 'FOR IMMEDIATE RELEASE' line" in err
    assert f"failed: {missing}: cannot read the file" in err
    assert f"imported: {SEED_RELEASE}" in out
    assert str(error) == "5 of 6 files failed."
    assert ImportedRelease.objects.count() == 1


def test_non_utf8_text_fails_clearly():
    """Text in another encoding is refused, naming the problem."""
    with pytest.raises(ReleaseParseError, match="not UTF-8 text"):
        decode("FOR IMMEDIATE RELEASE Jan. 11, 2017 - caf\u00e9".encode("latin-1"))


def test_simple_single_spaced_release_parses():
    """An ordinary text file with blank lines between paragraphs and '-' bullets also parses."""
    parsed = parse_release(
        "CONTACT: Ann Lee, Press Secretary, 860-555-0100, ann@example.org\n\n"
        "FOR IMMEDIATE RELEASE\nSeptember 5, 2018\n\n"
        "Council backs hotel training\n\n"
        "NEW HAVEN, Conn. -- The Council welcomed the new rules.\n\n"
        "The rules require:\n"
        "- training at hiring\n"
        "- records of guest transactions\n\n"
        "###\n"
    )
    assert parsed.release_date == datetime.date(2018, 9, 5)
    assert parsed.dateline == "NEW HAVEN"
    assert parsed.headline == "Council backs hotel training"
    assert parsed.contact.email == "ann@example.org"
    assert parsed.blocks[0][1].source == "<p>The Council welcomed the new rules.</p>"
    assert parsed.blocks[1][0] == "highlights"
    assert [item.source for item in parsed.blocks[1][1]["items"]] == [
        "training at hiring",
        "records of guest transactions",
    ]


def test_release_without_dateline_fails():
    """A release whose body never opens with 'CITY –' is refused with that reason."""
    with pytest.raises(ReleaseParseError, match="no dateline"):
        parse_release("FOR IMMEDIATE RELEASE Jan. 11, 2017\n\nJust some text.\n")


def test_import_without_newsroom_page_fails_clearly(newsroom):
    """With no newsroom page to put drafts under, the command says so."""
    newsroom.delete()
    _, _, error = run(SEED_RELEASE)
    assert "There is no newsroom page yet" in str(error)
