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
