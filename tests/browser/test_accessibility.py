"""Accessibility in a real browser: axe-core on every public page type and every embed, and
keyboard-only navigation that reaches every control with a visible focus."""

from pathlib import Path

import pytest
from django.conf import settings

from campaign.toolkit.models import CampaignAsset
from tests.services import needs_node_tools

from .conftest import needs_chromium

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    needs_chromium,
    needs_node_tools,
    pytest.mark.usefixtures("seeded_site"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGE_TYPES = {
    "home": "/",
    "goal": "/raise-public-awareness/",
    "content": "/about/",
    "policy": "/policy/",
    "search": "/search/?q=buyers",
    "newsroom": "/newsroom/",
    "release": "/newsroom/council-report-puts-buyers-at-the-centre/",
    "toolkit": "/toolkit/",
    "toolkit goal": "/toolkit/?goal=raise-public-awareness",
    "asset": "/toolkit/no-buyers-no-trafficking/",
    "action form": "/leaders-pledge/",
    "partner registration": "/toolkit-register/",
    "not found": "/no-such-page/",
}

# The Spanish site (issue 19): the same page types under /es/.
SPANISH_PAGE_TYPES = {
    "es home": "/es/",
    "es goal": "/es/dar-a-conocer/",
    "es content": "/es/sobre-la-campana/",
    "es resources": "/es/recursos/",
    "es policy": "/es/politicas/",
    "es toolkit": "/es/materiales/",
    "es action form": "/es/compromiso-de-lideres/",
    "es not found": "/es/no-existe/",
}

SERIOUS_VIOLATIONS = """async () => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => `${v.impact} ${v.id}: ${v.help} at ` +
            v.nodes.map(n => n.target.join(" ")).join(", "));
}"""

# Mark every control a keyboard user should be able to reach; return a snippet of each.
MARK_CONTROLS = """() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, iframe, " +
        "summary, [tabindex]";
    const controls = [...document.querySelectorAll(selector)].filter(el =>
        el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}) &&
        !el.closest("[inert]"));
    controls.forEach((el, i) => el.dataset.kb = String(i));
    return controls.map(el => el.outerHTML.slice(0, 120));
}"""

# Which marked control has the focus, and whether the focus can be seen on it.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== "none";
    return {kb: el.dataset.kb ?? null, html: el.outerHTML.slice(0, 120),
            visible: el.matches(":focus-visible") && (outlined || shadowed)};
}"""


def embed_paths() -> list[str]:
    return [f"/embed/{slug}/" for slug in CampaignAsset.objects.values_list("slug", flat=True)]


def test_no_serious_or_critical_axe_violations(site_url, new_context, shot):
    """axe-core finds no serious or critical violation on any public page type or embed."""
    # The site's CSP rightly refuses injected scripts; axe is the tester's, not the page's.
    page = new_context(bypass_csp=True).new_page()
    embeds = {f"embed {path}": path for path in embed_paths()}
    paths = {**PAGE_TYPES, **SPANISH_PAGE_TYPES, **embeds}
    assert len(paths) > len(PAGE_TYPES)
    found = {}
    for name, path in paths.items():
        page.goto(f"{site_url}{path}")
        page.add_script_tag(path=AXE)
        found[name] = page.evaluate(SERIOUS_VIOLATIONS)
    shot(page, "last-embed")
    assert {name: violations for name, violations in found.items() if violations} == {}


def tab_through(page, limit: int) -> tuple[set[str], list[str]]:
    """Press Tab until the focus leaves the page or comes round again; what it reached, unseen."""
    reached, unseen = set(), []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["kb"] in reached:
            break
        reached.add(focused["kb"])
        if not focused["visible"]:
            unseen.append(focused["html"])
    return reached, unseen


def test_keyboard_alone_reaches_every_control_with_visible_focus(site_url, new_context, shot):
    """Tab alone reaches every link, button and field of each page type, and shows where it is."""
    page = new_context().new_page()
    missed, invisible = {}, {}
    for name, path in PAGE_TYPES.items():
        page.goto(f"{site_url}{path}")
        controls = page.evaluate(MARK_CONTROLS)
        reached, unseen = tab_through(page, limit=len(controls) + 5)
        not_reached = [html for i, html in enumerate(controls) if str(i) not in reached]
        if not_reached:
            missed[name] = not_reached
        if unseen:
            invisible[name] = unseen
        if name == "action form":
            shot(page, "action-form-focus")
    assert missed == {}
    assert invisible == {}
