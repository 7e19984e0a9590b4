"""Table tests for each cleaning rule of entente.ingest (short texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from entente.ingest import load_text
from entente.ingest.repair import repair

BODY = "The two ministers met in the capital on Monday and agreed to restart talks on trade."
BODY2 = "Officials said a second round of talks would be held in the spring after the elections."
CAPTION = "The ministers shake hands before their meeting in the capital on Monday."


def cleaned(text: str) -> str:
    return load_text(text).info.text


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in cleaned(text).split("\n")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a caption printed twice keeps its first occurrence, without its credit
        (
            f"{CAPTION} Photo: Reuters\nReuters\n\n{CAPTION} Photo: Reuters\n\n{BODY}",
            f"{CAPTION}\n\n{BODY}",
        ),
        # a paragraph of eight or more words that occurs again later
        (f"{BODY}\n\n{BODY2}\n\n{BODY}", f"{BODY}\n\n{BODY2}"),
        # short repeated lines are not captions: they stay
        (
            f"{BODY}\n\nNo comment.\n\n{BODY2}\n\nNo comment.",
            f"{BODY}\n\nNo comment.\n\n{BODY2}\n\nNo comment.",
        ),
        # a caption that repeats a body sentence with a credit appended is removed
        (f"{BODY} {BODY2}\n\nReuters\n\n{BODY2} Photo: Reuters\n\nMore text follows here.", None),
        # trailing credits are stripped from caption lines
        (f"{CAPTION} Photo: AP\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} (Reuters)\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} Getty Images\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} AFP via Getty Images\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} File photo\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} Image: Jane Doe (flickr).\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        (f"{CAPTION} Reuters/John Smith\n\n{BODY}", f"{CAPTION}\n\n{BODY}"),
        # lone credit and boilerplate lines
        (f"{BODY}\n\nReuters\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\nAP\n{BODY2}", f"{BODY}\n{BODY2}"),
        (f"{BODY}\n\nAFP\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nEPA\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nPhoto: AP\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nImage: A. Photographer.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nGetty Images\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nLoading...\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nAdvertisement\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nRead more\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nShare this\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nRead the rest here.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # map legends
        (f"{BODY}\n\n██ Party A - 12 seats\n██ Party B - 9 seats\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # stray navigation at the very end and start
        (f"{BODY}\n\n{BODY2}\n\nLoading...\nRoute 6", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\n{BODY2}\n\nRelated\nWorld\nPolitics", f"{BODY}\n\n{BODY2}"),
        (f"Talks resume\n\nHome\nWorld\n\n{BODY}\n\n{BODY2}", f"Talks resume\n\n{BODY}\n\n{BODY2}"),
        # breadcrumbs before the title
        (
            f"Home\nWorld\nEurope\nTalks resume in the capital\n\n{BODY}",
            f"Talks resume in the capital\n\n{BODY}",
        ),
        # a heading in the middle of the article stays
        (f"{BODY}\n\nThe road ahead\n\n{BODY2}", f"{BODY}\n\nThe road ahead\n\n{BODY2}"),
        # a final sentence ending with a period is not navigation
        (f"{BODY}\n\nTalks resume soon.", f"{BODY}\n\nTalks resume soon."),
        # a body line mentioning an agency keeps it
        (f"{BODY} Reuters reported the figures first.", f"{BODY} Reuters reported the figures first."),
        # the original newlines and blank lines of kept lines are kept
        (f"{BODY}\r\n\r\n{BODY2}", f"{BODY}\r\n\r\n{BODY2}"),
        (f"{BODY}\n\n\n{BODY2}\n{CAPTION}", f"{BODY}\n\n\n{BODY2}\n{CAPTION}"),
        # curly quotes are kept as they are
        (f"“{BODY}” he said.\n\n‘{BODY2}’", f"“{BODY}” he said.\n\n‘{BODY2}’"),
    ],
)
def test_cleaning_rules(text: str, expected: str | None) -> None:
    out = cleaned(text)
    if expected is None:  # the caption-repeat row: the repeated caption must be gone
        assert out.count(BODY2) == 1
        assert "Photo:" not in out and "\nReuters" not in out
    else:
        assert out == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Talks resume in the capital\n\n" + BODY, "Talks resume in the capital"),
        ("Will the talks resume?\n\n" + BODY, "Will the talks resume?"),
        (BODY + "\n\n" + BODY2, None),  # first line ends with a period
        ("Talks resume. Ministers meet\n\n" + BODY, "Talks resume. Ministers meet"),
        (" ".join(["word"] * 21) + "\n\n" + BODY, None),  # too long for a title
        ("Friday, January 4, 2019\n\n" + BODY, None),  # a dateline is not a title
        ("Home\nWorld\nTalks resume in the capital\n\n" + BODY, "Talks resume in the capital"),
        ("Talks resume\nin the capital\n\n" + BODY, "Talks resume"),
    ],
)
def test_title(text: str, title: str | None) -> None:
    doc = load_text(text)
    assert doc.info.title == title
    if title:
        assert doc.info.text.startswith(title)  # the title stays in the text


@pytest.mark.parametrize(
    ("text", "published", "source"),
    [
        ("Friday, January 4, 2019\n\n" + BODY, date(2019, 1, 4), "text"),
        ("Talks resume\nPublished: 14 October 2024\n\n" + BODY, date(2024, 10, 14), "text"),
        ("Talks resume\n\n" + BODY, None, None),
        ("Talks resume\n17:41 GMT, October 13, 2024\n\n" + BODY, date(2024, 10, 13), "text"),
    ],
)
def test_dateline(text: str, published: date | None, source: str | None) -> None:
    info = load_text(text).info
    assert (info.published, info.date_source) == (published, source)
    # --date stands in only where the text has no date of its own
    given = load_text(text, published=date(2020, 2, 2)).info
    assert (
        (given.published, given.date_source) == (published, source)
        if published
        else (date(2020, 2, 2), "option")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('support for DeVos"?highly unusual', "support for DeVos’ highly unusual"),
        ('"It is our choice,"?Sen. Smith said.', '"It is our choice," Sen. Smith said.'),
        ('"We will win."?The crowd cheered.', '"We will win." The crowd cheered.'),
        ('a raid in Yemen "?in which a soldier died "?was criticised.', None),
        ('She said "no"?to the offer, "?and left.', None),
        ('he didn"t go, and I"ve seen why.', "he didn’t go, and I’ve seen why."),
        ('It costs ?25 a week, said the "shop."?', None),
        ('He said "\ufffdgood plan"?today.', 'He said "good plan" today.'),
        ('He said "\ufffdgood plan"\ufffd?today.', 'He said "good plan" today.'),
        ('Is it "terrorism"? Nobody knows,"?he said.', 'Is it "terrorism"? Nobody knows," he said.'),
        # genuine question marks stay when nothing else is damaged
        ('What is "terrorism"? Nobody knows.', 'What is "terrorism"? Nobody knows.'),
        ("Why? Because it is late.", "Why? Because it is late."),
        ('He asked: "Why now?" and left.', 'He asked: "Why now?" and left.'),
    ],
)
def test_repair(text: str, expected: str | None) -> None:
    out = repair(text).text
    if expected is not None:
        assert out == expected
    if expected is None:
        assert '"?' not in out
        assert "?2" not in out


def test_dash_repair() -> None:
    out = repair('a raid in Yemen "?in which a soldier died "?was criticised.').text
    assert out == "a raid in Yemen — in which a soldier died — was criticised."


def test_removed_spans_index_the_input() -> None:
    text = f"{CAPTION} Photo: Reuters\nReuters\n\n{BODY}\n\nLoading..."
    doc = load_text(text)
    assert [s.text for s in doc.info.removed] == ["Photo: Reuters", "Reuters", "Loading..."]
    for span in doc.info.removed:
        assert text[span.start : span.end] == span.text


# Page furniture seen on real publisher pages (issue 12); every line written for these tests.
BODY3 = "The harbour board will publish its catch figures before the season opens next month."
CAPTION_REPEAT = "The ministers agreed to restart talks on trade after the meeting"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # newsletter and "in your inbox" sign-ups
        (f"{BODY}\n\nSign up for our free morning newsletter here.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (
            f"{BODY}\n\nGet the day's top stories delivered straight to your inbox.\n\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        (f"{BODY}\n\nThe best of our coverage, in your inbox every Friday\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # teasers: the label, and the headline line after a label on its own line
        (f"{BODY}\n\nALSO READ: Fishing fleets return to the northern cape\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nMORE: Lighthouse reopens to visitors\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nWATCH: Mayors sign the harbour accord\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nREAD MORE:\nFerry timetable changes this summer\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nRead more:\n\nFerry timetable changes this summer\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # ... but a sentence after the label line is body text
        (f"{BODY}\n\nREAD MORE:\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # comment prompts
        (f"{BODY}\n\nJoin our commenting forum to share your view.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nWould you like to comment on this article?\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nPlease read our Comment Policy before posting.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # affiliate notices
        (f"We may earn a commission when you buy through links on our site.\n\n{BODY}", BODY),
        (f"{BODY}\n\nThis article contains affiliate links.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # "Follow X on Google News", trust principles, breaking-news tags
        (f"{BODY}\n\nFollow The Coastal Ledger on Google News\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\n{BODY2}\n\nOur Standards: The Harbour Wire Trust Principles.", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\n{BODY2}\n\nThis is a breaking news story - more to follow", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nThis story is being updated.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # tip-offs by e-mail, subscription pitches
        (
            f"{BODY}\n\nSeen something in your town? Get in touch at tips@example.org\n\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        (f"{BODY}\n\nSupport local journalism for only $5 a month.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # agency credits and ads that interrupt the text
        (f"{BODY}\n\n{BODY2}\n\nReporting by Jane Roe; Editing by John Doe", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\n{BODY2}\n\n- Additional reporting by Jane Roe", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\n- Advertisement 3Story continues below\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nMost read in Sport\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # embedded posts: the post's lines go with its signature; pic.twitter.com lines go
        (
            f"{BODY}\n\nThe ferry is running late again today.\n— Jane Roe (@janeroe) May 3, 2024\n\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        (
            f"{BODY}\n\nQueues at the quay this morning pic.twitter.com/AbC123xyz\n\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        # photo captions: one that repeats a body sentence, "Pictured ..." lines, a bare "Image:"
        (
            f"{BODY}\n\n{CAPTION_REPEAT}\n\n{CAPTION_REPEAT}, officials said.",
            f"{BODY}\n\n{CAPTION_REPEAT}, officials said.",
        ),
        (f"{BODY}\n\nPictured from left, the two mayors at the quay.\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        (f"{BODY}\n\nImage:\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
        # body text that only mentions these words stays
        (f"{BODY} The newsletter was founded in 1990.", f"{BODY} The newsletter was founded in 1990."),
        (f"{BODY}\n\nMore than 40 boats took part.", f"{BODY}\n\nMore than 40 boats took part."),
        (
            f"{BODY}\n\nWatch the skies, the old sailors say.",
            f"{BODY}\n\nWatch the skies, the old sailors say.",
        ),
        (
            f"{BODY}\n\n{BODY3}\n\nThe board agreed to restart talks",
            f"{BODY}\n\n{BODY3}\n\nThe board agreed to restart talks",
        ),
    ],
)
def test_page_furniture(text: str, expected: str) -> None:
    assert cleaned(text) == expected


def test_caption_repeat_keeps_the_title() -> None:
    # a plain text's title line is never taken for a caption, even when the body repeats it
    text = "Talks resume in the capital on Monday\n\nTalks resume in the capital on Monday, officials said."
    doc = load_text(text)
    assert doc.info.title == "Talks resume in the capital on Monday"
    assert doc.info.text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an author bio closing the article
        (
            f"{BODY}\n\n{BODY2}\n\nJane Roe is a senior reporter at The Coastal Ledger covering fisheries.",
            f"{BODY}\n\n{BODY2}",
        ),
        (
            f"{BODY}\n\n{BODY2}\n\nAbout the author: John Doe writes on trade and shipping.",
            f"{BODY}\n\n{BODY2}",
        ),
        # the same kind of sentence inside the article stays
        (
            f"{BODY}\n\nJane Roe is a veteran reporter who was held at the border.\n\n{BODY2}",
            f"{BODY}\n\nJane Roe is a veteran reporter who was held at the border.\n\n{BODY2}",
        ),
    ],
)
def test_author_bio(text: str, expected: str) -> None:
    assert cleaned(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        # sentences that share words with sign-ups and pitches but are news
        "If a message like this lands in your inbox, the bank says, delete it at once.",
        "The foundation spends $2m a month on local journalism across the region.",
        "Subscribers to the newsletter fell by a third last year, the company said.",
        "Reporting by the local paper showed that the harbour board had met in secret.",
    ],
)
def test_news_sentences_are_not_furniture(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert cleaned(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label over a list of headlines takes the list
        (
            f"{BODY}\n\nRead More\n- Ferry timetable changes this summer\n- Lighthouse reopens\n\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        # ... but not a list of sentences, nor the prose after a single headline
        (
            f"{BODY}\n\nREAD MORE:\nFerry timetable changes this summer\n{BODY2}",
            f"{BODY}\n\n{BODY2}",
        ),
        (
            f"{BODY}\n\nRelated:\n- Ferry timetable changes this summer\n- {BODY2}",
            f"{BODY}\n\n- {BODY2}",
        ),
    ],
)
def test_teaser_lists(text: str, expected: str) -> None:
    assert cleaned(text) == expected
