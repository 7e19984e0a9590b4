"""The dashboard in a real headless Chromium (Selenium, Debian's chromium + chromium-driver),
served by the real app under uvicorn on a loopback port over a small hand-written store.

``ENTENTE_SCREENSHOT=1`` also saves the dashboard to docs/img/dashboard.png (for the README).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium")
uvicorn = pytest.importorskip("uvicorn")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from api_helpers import HOSTILE, analyses, build_store  # noqa: E402
from entente.api import Settings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "entente" / "web" / "static" / "vendor"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        return "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if not (VENDOR / "cytoscape.esm.min.js").exists():
        return "the dashboard's JavaScript is not built (make web)"
    return None


def _need_browser() -> None:
    why = _missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_browser()
    url = build_store(tmp_path_factory.mktemp("web") / "store.db")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(Settings(db=url, token="s3cret")), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    _need_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver: Any, condition: Any, timeout: float = 20) -> Any:
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def open_dashboard(driver: Any, site: str, fragment: str = "") -> None:
    driver.get(f"{site}/{fragment}")
    wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def no_script_ran(driver: Any) -> None:
    assert driver.execute_script("return window.__pwned === undefined"), "article text ran as script"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def csp_violations(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


def hostile_id() -> str:
    return next(a.article.id for a in analyses() if HOSTILE in a.article.text)


# ------------------------------------------------------------------------------ tests


def test_slider_redraws_the_network(site: str, browser: Any) -> None:
    open_dashboard(browser, site)
    graph = browser.find_element(By.ID, "graph")
    january = graph.get_attribute("data-signature")
    assert graph.get_attribute("data-window") == "2017-01-01 – 2017-01-31"
    assert "RUS-TUR" in january and "IRN+RUS" in january  # Turkey shot down a Russian drone
    slider = browser.find_element(By.ID, "slider")
    slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)  # to March
    wait(browser, lambda d: graph.get_attribute("data-window") == "2017-03-01 – 2017-03-31")
    wait(browser, lambda d: graph.get_attribute("data-signature") != january)
    march = graph.get_attribute("data-signature")
    assert "RUS+TUR" in march and "IRN-SAU" in march  # the gas deal; Saudi warnings
    assert browser.execute_script("return window.__entente.cy.edges().length") == len(march.split(","))
    assert csp_violations(browser) == []


def test_click_on_an_edge_shows_its_evidence(site: str, browser: Any) -> None:
    open_dashboard(browser, site)  # January: the US at odds with both
    graph = browser.find_element(By.ID, "graph")
    x, y = browser.execute_script(
        "const p = window.__entente.cy.getElementById('IRN|RUS').renderedMidpoint(); return [p.x, p.y];"
    )
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    wait(browser, lambda d: d.find_element(By.ID, "panel").get_attribute("data-pair") == "IRN|RUS")
    items = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence li"))
    sentences = [i.find_element(By.CSS_SELECTOR, ".sentence").text for i in items]
    assert "Russia supplied missiles to Iran." in sentences
    triggers = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#evidence mark.trigger")]
    actors = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#evidence mark.actor")}
    assert "supplied" in triggers and "praised" in triggers
    assert {"Russia", "Iran"} <= actors
    # the hostile sentence (February: the timeline covers every month) is there, as text
    assert any(HOSTILE in s for s in sentences)
    assert browser.find_elements(By.CSS_SELECTOR, "#panel script, #panel img") == []
    explain = browser.find_element(By.ID, "explain").text
    assert "shared hostility to USA pushes IRN and RUS together" in explain
    assert browser.find_element(By.ID, "dyad-chart").size["height"] > 50
    assert "We stand with our partners" in browser.find_element(By.ID, "panel").text
    no_script_ran(browser)
    if os.environ.get("ENTENTE_SCREENSHOT") == "1":
        screenshot(browser, graph)


def screenshot(browser: Any, graph: Any) -> None:
    """The whole period's network with the Iran-Russia evidence open, to docs/img/dashboard.png."""
    browser.execute_script(
        "const s = document.getElementById('span'); s.value = '0';"
        "s.dispatchEvent(new Event('input', {bubbles: true}));"
    )
    wait(browser, lambda d: graph.get_attribute("data-window") == "everything")
    x, y = browser.execute_script(
        "const p = window.__entente.cy.getElementById('IRN|RUS').renderedMidpoint(); return [p.x, p.y];"
    )
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence li"))
    time.sleep(0.5)
    (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ROOT / "docs" / "img" / "dashboard.png"))


def test_click_on_an_actor_shows_its_relations(site: str, browser: Any) -> None:
    open_dashboard(browser, site)
    x, y = browser.execute_script(
        "const p = window.__entente.cy.getElementById('RUS').renderedPosition(); return [p.x, p.y];"
    )
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    wait(browser, lambda d: d.find_element(By.ID, "panel").get_attribute("data-actor") == "RUS")
    panel = wait(
        browser,
        lambda d: (
            d.find_element(By.ID, "panel") if "Sergei Lavrov" in d.find_element(By.ID, "panel").text else None
        ),
    )
    assert "Turkey (TUR)" in panel.text and "foreign minister" in panel.text


def test_an_article_with_a_script_tag_renders_as_text(site: str, browser: Any) -> None:
    open_dashboard(browser, site, f"#article/{hostile_id()}")
    text = wait(browser, lambda d: d.find_element(By.ID, "article-text"))
    assert "<script>window.__pwned = 1</script>" in text.text
    assert 'onerror="window.__pwned = 2"' in text.text
    assert browser.find_elements(By.CSS_SELECTOR, "#article script, #article img") == []
    assert HOSTILE in browser.find_element(By.CSS_SELECTOR, "#article h2").text  # the title too
    no_script_ran(browser)
    assert csp_violations(browser) == []
    # the second wall: markup that did reach the DOM still could not run its inline handler
    browser.execute_script(
        "const d = document.createElement('div'); d.innerHTML = arguments[0]; document.body.append(d);",
        HOSTILE,
    )
    wait(browser, lambda d: csp_violations(d))  # the CSP refused the onerror= handler
    no_script_ran(browser)


def test_quote_explorer_and_events_table(site: str, browser: Any) -> None:
    open_dashboard(browser, site, "#events")
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#events-table tbody tr"))
    assert len(rows) == 12
    form = browser.find_element(By.ID, "event-filters")
    form.find_element(By.NAME, "actor").send_keys("TUR")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 3)
    href = browser.find_element(By.ID, "events-csv").get_attribute("href")
    assert "actor=TUR" in href and "format=csv" in href
    browser.get(f"{site}/#quotes")
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#quotes-table tbody tr"))
    assert "We stand with our partners" in rows[0].text
    no_script_ran(browser)


def test_paste_an_article_and_see_it_analysed(site: str, browser: Any) -> None:
    open_dashboard(browser, site, "#analyze")
    text = (
        "MOSCOW, March 3 - Russia and Iran signed a treaty on Monday, the Kremlin said. "
        '"Our partnership is strong," said Sergei Lavrov. '
        '<script>window.__pwned = 3</script><img src=x onerror="window.__pwned = 4">'
    )
    box = browser.find_element(By.ID, "analyze-text")
    browser.execute_script("arguments[0].value = arguments[1];", box, text)  # faster than typing
    browser.find_element(By.ID, "analyze-go").click()
    wait(browser, lambda d: d.find_element(By.ID, "analysis").get_attribute("data-done") == "1", timeout=120)
    marks = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#analysis mark.actor")}
    assert {"Russia", "Iran"} <= marks
    assert browser.find_elements(By.CSS_SELECTOR, "#analysis mark.quote")
    assert "<script>window.__pwned = 3</script>" in browser.find_element(By.ID, "article-text").text
    assert 'onerror="window.__pwned = 4"' in browser.find_element(By.ID, "article-text").text
    assert browser.find_elements(By.CSS_SELECTOR, "#analysis script, #analysis img") == []
    no_script_ran(browser)
    assert csp_violations(browser) == []
