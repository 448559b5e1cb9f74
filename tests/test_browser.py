"""The web UI in a real browser (Debian Chromium driven by Playwright), as a new analyst would
use it on a store built from the two seeds: find the Goïta–Moscow story, read both outlets'
accounts side by side with the evidence highlighted, open the MLI–RUS timeline and
Abdoulaye Diop's page. Screenshots go to tests/screenshots/ (the README shows one)."""
import shutil
from pathlib import Path

import pytest

from conftest import serving

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, shared, resources):
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (make test installs it)")
    from kibaru.pipeline import run
    from kibaru.store import Store
    db = tmp_path_factory.mktemp("ui") / "seeds.duckdb"
    with Store(db) as store:
        run([shared / "seeds"], store, resources=resources)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        yield pg
        browser.close()


def test_find_the_visit_story_and_read_both_accounts(page, base_url):
    page.goto(base_url + "/")
    link = page.get_by_role("link", name="Visite d’Assimi Goïta à Moscou", exact=False)
    link.click()
    page.wait_for_selector(".account")
    assert page.locator(".account").count() == 2  # both outlets, side by side
    outlets = page.locator("#outlets").inner_text()
    assert "malikunafoni" in outlets.lower()
    marks = page.locator("mark.evidence")
    assert marks.count() >= 5
    assert any("visite officielle" in marks.nth(i).inner_text() for i in range(marks.count()))
    visit = page.locator("tr.event", has_text="Assimi Goïta")
    assert visit.locator(".num-sources").first.inner_text() == "2"
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)


def test_dyad_timeline_has_the_score_chart(page, base_url):
    page.goto(base_url + "/dyad/MLI-RUS")
    assert page.locator("#score-chart circle").count() >= 2  # April and June 2025
    assert page.locator("#by-month tr").count() >= 3
    page.screenshot(path=str(SHOTS / "dyad.png"), full_page=True)


def test_actor_page_of_abdoulaye_diop(page, base_url):
    page.goto(base_url + "/actors")
    page.get_by_role("link", name="Abdoulaye Diop").click()
    assert "MLI" in page.locator("p.muted").first.inner_text()
    assert "ministre" in page.locator("#roles").inner_text().lower()
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)


def test_a_filter_narrows_the_event_list(page, base_url):
    page.goto(base_url + "/events")
    before = page.locator("tr.event").count()
    page.select_option("select[name=category]", "AID")
    page.get_by_role("button", name="filter").click()
    page.wait_for_load_state()
    after = page.locator("tr.event").count()
    assert 0 < after < before
    assert all(page.locator("tr.event").nth(i).locator("td").nth(1).inner_text() == "AID" for i in range(after))
