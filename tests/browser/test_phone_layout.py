"""Phones first, in Chromium at 390 and 1366 px: the menu fits a phone and its button works
without JavaScript and by keyboard, states its expanded state to screen readers, and gives way
to the links on a wide screen; the pages fit the phone's width."""

import pytest

from tests.services import needs_node_tools

from .conftest import needs_chromium
from .test_accessibility import AXE, SERIOUS_VIOLATIONS

pytestmark = [
    needs_chromium,
    pytest.mark.usefixtures("seeded_site"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PAGES = [
    "/",
    "/support-law-enforcement/",
    "/resources/",
    "/browse-safely/",
    "/leaders-pledge/",
    "/newsroom/council-report-puts-buyers-at-the-centre/",
    "/toolkit/no-buyers-no-trafficking/",
]


def menu_button_state(page) -> dict:
    """The menu button as Chromium gives it to screen readers: its role and expanded state."""
    cdp = page.context.new_cdp_session(page)
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("name", {}).get("value") == "Menu" and not node.get("ignored"):
            props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            if "expanded" in props:
                return {"role": node["role"]["value"], "expanded": props["expanded"]}
    return {}


def test_menu_opens_by_keyboard_without_javascript_on_a_phone(site_url, new_context, shot):
    """Without JavaScript, at 390 px: one header row, the button reached by Tab opens and closes
    the menu with Enter, and the actions are in it."""
    context = new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/")
    header = page.locator(".site-header__inner").bounding_box()
    assert header["height"] < 80
    assert not page.locator(".main-nav").get_by_role("link", name="Policy").is_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.textContent") == "Menu"
    page.keyboard.press("Enter")
    nav = page.locator(".main-nav")
    assert nav.get_by_role("link", name="Policy").is_visible()
    assert nav.get_by_role("link", name="Take the leaders' pledge").is_visible()
    assert menu_button_state(page) == {"role": "DisclosureTriangle", "expanded": True}
    shot(page, "menu-open-no-js")
    page.keyboard.press("Enter")
    assert not nav.get_by_role("link", name="Policy").is_visible()
    assert menu_button_state(page) == {"role": "DisclosureTriangle", "expanded": False}
    context.close()


def test_escape_and_a_tap_outside_close_the_menu(site_url, new_context):
    """With JavaScript, Escape closes the menu and puts the focus back on its button; a tap
    outside closes it too."""
    context = new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/")
    button = page.locator(".menu__button")
    button.click()
    assert menu_button_state(page)["expanded"] is True
    page.keyboard.press("Escape")
    assert menu_button_state(page)["expanded"] is False
    assert page.evaluate("document.activeElement.className") == "menu__button"
    button.click()
    page.mouse.click(30, 800)  # below the open panel
    assert menu_button_state(page)["expanded"] is False
    context.close()


def test_wide_screen_shows_the_links_without_the_button(site_url, new_context, shot):
    """At 1366 px the links and the actions sit in the header; there is no menu button."""
    context = new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}/about/")
    nav = page.locator(".main-nav")
    assert not page.locator(".menu__button").is_visible()
    for name in ["Home", "Policy", "Newsroom", "Search", "Tell your legislator"]:
        assert nav.get_by_role("link", name=name).is_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 120
    shot(page, "header-wide")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_spanish_header_is_as_tall_as_the_english_one(site_url, new_context, shot, viewport):
    """Spanish labels are longer, yet the header keeps the English rows: one row on a phone; at
    1366 px the pages above the actions, and the actions on one line (not 142 px tall)."""
    context = new_context(viewport=viewport)
    page = context.new_page()
    heights = {}
    for path in ["/leaders-pledge/", "/es/compromiso-de-lideres/"]:
        page.goto(f"{site_url}{path}")
        heights[path] = page.locator(".site-header").bounding_box()["height"]
        if viewport is DESKTOP:
            tops = {round(box["y"]) for box in boxes(page.locator(".menu__actions a"))}
            assert len(tops) == 1, (path, tops)
    shot(page, f"header-es-{viewport['width']}")
    assert heights["/es/compromiso-de-lideres/"] == heights["/leaders-pledge/"]
    assert heights["/es/compromiso-de-lideres/"] < (120 if viewport is DESKTOP else 80)
    context.close()


def boxes(locator) -> list[dict]:
    return [locator.nth(i).bounding_box() for i in range(locator.count())]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_pages_fit_the_screen(site_url, new_context, shot, viewport):
    """No page is wider than the screen; the quick exit and "Browse safely" stay in view."""
    context = new_context(viewport=viewport)
    page = context.new_page()
    for path in PAGES:
        page.goto(f"{site_url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (path, width)
        for selector in [".quick-exit", ".browse-safely"]:
            box = page.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (path, selector)
            assert box["y"] + box["height"] <= viewport["height"], (path, selector)
        shot(page, path.strip("/").replace("/", "-") or "home")
    context.close()


@needs_node_tools
def test_open_menu_on_a_phone_has_no_serious_axe_violations(site_url, new_context):
    """axe-core finds no serious or critical violation at 390 px with the menu open."""
    # The site's CSP rightly refuses injected scripts; axe is the tester's, not the page's.
    context = new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/about/")
    page.locator(".menu__button").click()
    page.add_script_tag(path=AXE)
    assert page.evaluate(SERIOUS_VIOLATIONS) == []
    context.close()
