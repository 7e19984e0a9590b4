"""The readers behind ``entente ingest`` that read the web's formats: RSS/Atom, WARC, URL lists, URLs.

Every input is written here, in tmp_path, in the tests' own words; web pages come from a real
``http.server`` on 127.0.0.1 (``allow_private=True``). Nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from entente.batch import Item
from entente.ingest.sources import SourceStats, kind_of
from sources_helpers import OTHER, PAGE, STORY, Site, failures, items, run, serve, write_warc


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve()


# --- feeds --------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Example Times</title><link>https://example.org/</link>
<item><title>Talks resume</title><link>https://example.org/talks</link>
<pubDate>Tue, 07 Feb 2017 10:00:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{story}</p><p>{other}</p><script>track()</script>]]></content:encoded>
</item>
<item><title>Teaser only</title><link>https://example.org/teaser</link>
<description>&lt;p&gt;{other}&lt;/p&gt;</description></item>
<item><title>Link only</title><link>{link}</link></item>
<item><title>Nothing at all</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title>
<id>urn:example:wire</id><updated>2017-03-01T00:00:00Z</updated>
<entry><title>Lima meeting</title><id>urn:example:1</id>
<link href="https://example.org/lima"/><updated>2017-03-01T09:30:00Z</updated>
<content type="html">&lt;p&gt;{other}&lt;/p&gt;</content></entry>
<entry><title>Plain</title><id>urn:example:2</id><updated>2017-03-02T09:30:00Z</updated>
<summary type="text">{story}</summary></entry>
</feed>
"""


def test_rss_file_content_summary_and_linked_page(tmp_path: Path, site: Site) -> None:
    link = site.add("/linked", PAGE)
    path = tmp_path / "feed.rss"
    path.write_text(RSS.format(story=STORY, other=OTHER, link=link))
    results = run([str(path)], allow_private=True)
    found = items(results)
    assert [i.id for i in found] == ["https://example.org/talks", "https://example.org/teaser", link]
    first = found[0]
    assert first.text == f"{STORY}\n\n{OTHER}"  # content wins over the teaser; scripts dropped
    assert (first.title, first.outlet, first.published, first.format) == (
        "Talks resume",
        "The Example Times",
        date(2017, 2, 7),
        "text",
    )
    assert found[1].text == OTHER
    assert found[2].format == "html" and STORY in found[2].text and found[2].title == "Link only"
    (cause,) = failures(results).values()
    assert "[E042]" in cause and "no content, summary or web link" in cause


def test_atom_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM.format(story=STORY, other=OTHER))
    found = items(run([str(path)]))
    assert [(i.id, i.text, i.published, i.outlet) for i in found] == [
        ("https://example.org/lima", OTHER, date(2017, 3, 1), "Example Wire"),
        ("urn:example:2", STORY, date(2017, 3, 2), "Example Wire"),
    ]


def test_a_file_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<config><value>3</value></config>")
    (cause,) = failures(run([str(path)])).values()
    assert "[E043]" in cause


def test_feed_and_page_urls(site: Site) -> None:
    feed = site.add("/feed", ATOM.format(story=STORY, other=OTHER), "application/atom+xml")
    page = site.add("/page", PAGE)
    results = run([feed, page, site.base + "/missing"], allow_private=True)
    found = items(results)
    assert [i.id for i in found] == ["https://example.org/lima", "urn:example:2", page]
    assert found[2].format == "html" and found[2].url == page
    (cause,) = failures(results).values()
    assert "[E007]" in cause and "404" in cause


# --- WARC ---------------------------------------------------------------------------------------


CRAWL = [
    ("request", "https://example.org/a", "", b""),
    ("response", "https://example.org/a", "200 text/html; charset=utf-8", PAGE.encode()),
    ("response", "https://example.org/logo.png", "200 image/png", b"\x89PNG...."),
    ("response", "https://example.org/gone", "404 text/html", b"<html>gone</html>"),
    ("response", "https://example.org/b", "200 text/html", PAGE.replace("Talks", "Talks again").encode()),
]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, CRAWL, gz=gz)
    stats = SourceStats()
    found = items(run([str(path)], stats=stats))
    assert [(i.id, i.url, i.published, i.format) for i in found] == [
        ("https://example.org/a", "https://example.org/a", date(2017, 2, 7), "html"),
        ("https://example.org/b", "https://example.org/b", date(2017, 2, 7), "html"),
    ]
    assert STORY in found[0].text
    assert stats.skipped["WARC request records"] == 1
    assert stats.skipped["WARC responses that are not HTML"] == 1
    assert stats.skipped["WARC responses with a status other than 2xx"] == 1


def test_truncated_warc_keeps_the_records_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, CRAWL, gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 120])
    results = run([str(path)])
    assert [i.id for i in items(results)] == ["https://example.org/a"]
    (cause,) = failures(results).values()
    assert "[E045]" in cause


def test_a_warc_name_on_something_else(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n")
    (cause,) = failures(run([str(path)])).values()
    assert "[E045]" in cause and "not a WARC file" in cause


def test_warc_found_by_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, CRAWL[:2], gz=True)
    assert kind_of(path) == "warc"
    assert [i.id for i in items(run([str(path)]))] == ["https://example.org/a"]


# --- URL lists ----------------------------------------------------------------------------------


def test_url_list_fetched_one_by_one(tmp_path: Path, site: Site) -> None:
    one, two = site.add("/one", PAGE), site.add("/two", STORY, "text/plain; charset=utf-8")
    path = tmp_path / "links.urls"
    path.write_text(f"# today's links\n{one}\n\nnot a url\n{site.base}/missing\n{two}\n")
    results = run([str(path)], allow_private=True)
    assert [(i.id, i.format) for i in items(results)] == [(one, "html"), (two, "text")]
    failed = failures(results)
    assert "[E046]" in failed[f"{path}:4"] and "'not a url'" in failed[f"{path}:4"]
    assert "404" in failed[f"{site.base}/missing"]


def test_txt_of_urls_is_a_url_list_and_other_txt_a_document(tmp_path: Path, site: Site) -> None:
    one = site.add("/one", PAGE)
    links, story = tmp_path / "links.txt", tmp_path / "story.txt"
    links.write_text(f"\n{one}\n  {one}  \n")
    story.write_text(f"{one}\n{STORY}\n")
    found = items(run([str(links), str(story)], allow_private=True))
    assert [i.id for i in found] == [one, one, str(story)]


def test_loopback_refused_unless_allowed(tmp_path: Path, site: Site) -> None:
    page = site.add("/page", PAGE)
    results = run([page])
    assert not items(results) and page in failures(results)
    assert items(run([page], allow_private=True))


def test_credentials_in_a_url_stay_out_of_ids(site: Site) -> None:
    page = site.add("/page", PAGE)
    secret = page.replace("http://", "http://reader:hunter2@")
    (result,) = run([secret], allow_private=True)
    assert isinstance(result, Item) and "hunter2" not in result.id and "hunter2" not in (result.url or "")
