"""Status kinds of the eighth NewsArticles hand check (attribution.py, scenario.py, status.py).

Sentences written for each kind, with rows that keep the other reading next to the rows a
rule changes: a whole sentence in quotation marks that the quote finder lost to a stray mark
inside (on its speaker's word) next to a narrated sentence with a scare quote (asserted); a
state's verbal stance told in a mixed quote with the verb outside the marks (the statement
itself, narrated) next to the verb inside the marks, a material act so told and another
state's stance (on the speaker's word); the object of an inquiry (given) next to the claim of
a report and an "alleged" object; a standing state of affairs framing a reported act
("despite the sanctions", "during the occupation": given) next to the reported act itself; a
clause under a negated "mean" (denied) next to the plain "mean"; a possessed event as the
object of its own possessor's verb in reported speech (its own account) next to the possessed
event as subject (given); an imagined scenario's present-tense narrative (hypothetical) next
to past news and a run broken by a past sentence; the cause a reported act answers ("in
response to the sanctions": given); a relative clause set off by a comma in reported speech
(the reporter's aside, given) next to the same in a direct quote and the reported act itself; a
quote told with "went on to say" (on the speaker's word) next to a performative so told.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
ROWS = [
    # a quoted sentence whose quote the finder lost to a stray mark: on the speaker's word
    (
        '"Trade between Russia and Iran keeps growing," the Russian ambassador said. "Russia\'s and '
        'Iran\'s" navies are currently holding talks on joint exercises in the Caspian Sea."',
        ("RUS", "IRN", "CONSULT"),
        "attributed",
    ),
    # the same talks narrated, a scare quote inside: the reporter's own
    (
        'Russian and Iranian navies are holding "intensive" talks on joint exercises in the Caspian Sea.',
        ("RUS", "IRN", "CONSULT"),
        "asserted",
    ),
    # a state's stance told by its own minister, the verb outside the quoted words: narrated
    (
        'Defence Secretary Mattis said during his trip to Tokyo that the US stood "firmly" with Japan.',
        ("USA", "JPN", "SUPPORT"),
        "asserted",
    ),
    (
        'Foreign Minister Lavrov said on Monday that Russia rejected the "absurd" accusations from Ukraine.',
        ("RUS", "UKR", "REJECT"),
        "asserted",
    ),
    # the verb inside the quoted words: the quote's claim
    (
        'Defence Secretary Mattis said during his trip to Tokyo that the US "stood firmly with Japan".',
        ("USA", "JPN", "SUPPORT"),
        "attributed",
    ),
    # a material act so told, or another state's stance: on the minister's word
    (
        'Defence Secretary Mattis said during his trip to Tokyo that the US had delivered "many more" '
        "weapons to Japan.",
        ("USA", "JPN", "AID"),
        "attributed",
    ),
    (
        'Defence Secretary Mattis said during his trip to Tokyo that Russia stood "firmly" with Syria.',
        ("RUS", "SYR", "SUPPORT"),
        "attributed",
    ),
    # what an inquiry looks into is its given object, not the claim of the one who reports it
    (
        "The senator will testify before a Senate committee investigating Russian interference in the "
        "French election, his office said.",
        ("RUS", "FRA", "COERCE"),
        "asserted",
    ),
    (
        "The senator will testify at hearings on Russian interference in the French election, his "
        "office said.",
        ("RUS", "FRA", "COERCE"),
        "asserted",
    ),
    (
        "Investigators looking into the bombing of the Syrian embassy by Turkish jets met on Monday, the "
        "ministry said.",
        ("TUR", "SYR", "ASSAULT"),
        "asserted",
    ),
    # the claim of a report, or an "alleged" object of the inquiry: on others' word
    (
        "Russian interference in the French election was widespread, the committee said.",
        ("RUS", "FRA", "COERCE"),
        "attributed",
    ),
    (
        "The senator will testify before a committee investigating alleged Russian interference in the "
        "French election, his office said.",
        ("RUS", "FRA", "COERCE"),
        "attributed",
    ),
    # a standing state of affairs that frames a reported act: given
    (
        "The Syrian defence minister said trade with Iran had grown despite the American sanctions on Iran.",
        ("USA", "IRN", "SANCTION"),
        "asserted",
    ),
    (
        "He said older Algerians remember life during the French occupation of Algeria.",
        ("FRA", "DZA", "COERCE"),
        "asserted",
    ),
    # the reported act itself, or one framed by a time (not a state of affairs): on their word
    (
        "The Syrian defence minister said the US had imposed new sanctions on Iran.",
        ("USA", "IRN", "SANCTION"),
        "attributed",
    ),
    (
        "The minister said Russia had attacked Ukraine during the night.",
        ("RUS", "UKR", "ASSAULT"),
        "attributed",
    ),
    # the cause a reported act answers: given
    (
        "Russia's foreign minister said Moscow would respond in kind in response to the new US sanctions "
        "against Russia.",
        ("USA", "RUS", "SANCTION"),
        "asserted",
    ),
    (
        "Russia's foreign minister said Moscow would respond in kind in retaliation for the American "
        "strikes on Syria.",
        ("USA", "SYR", "ASSAULT"),
        "asserted",
    ),
    # the reporter's aside on a noun of reported speech: given; in a direct quote, or the reported
    # act itself: on the speaker's word
    (
        "The minister said his government would keep the embassy in Tehran, which Saudi Arabia attacked "
        "last year.",
        ("SAU", "IRN", "ASSAULT"),
        "asserted",
    ),
    (
        '"Our government will keep the embassy in Tehran, which Saudi Arabia attacked last year," the '
        "minister said.",
        ("SAU", "IRN", "ASSAULT"),
        "attributed",
    ),
    (
        "The minister said Saudi Arabia had attacked the embassy in Tehran last year.",
        ("SAU", "IRN", "ASSAULT"),
        "attributed",
    ),
    # ... and one before a report tail: the whole sentence is on the paper's word
    (
        "Lavrov also spoke with US Secretary of State Rex Tillerson, who met Chinese officials on Friday, "
        "Izvestia writes.",
        ("USA", "CHN", "CONSULT"),
        "attributed",
    ),
    (
        "Lavrov said he had spoken with US Secretary of State Rex Tillerson, who met Chinese officials on "
        "Friday.",
        ("USA", "CHN", "CONSULT"),
        "asserted",
    ),
    # a quote whose reporting verb is the infinitive of a catenative ("went on to say"): on its
    # speaker's word; the speaker's own present-tense verbal act so told is done by saying it
    (
        '"Russia attacked Ukraine last night," the Polish foreign minister went on to say.',
        ("RUS", "UKR", "ASSAULT"),
        "attributed",
    ),
    (
        '"We strongly condemn the Russian attack on Ukraine," the Polish foreign minister went on to say.',
        ("POL", "RUS", "ACCUSE"),
        "asserted",
    ),
    # a clause under a negated "mean": denied; under a plain "mean": as its own clause reads
    ("This does not mean Russia will attack Ukraine.", ("RUS", "UKR", "ASSAULT"), "negated"),
    (
        "The talks do not mean that China supports the American plan for the region.",
        ("CHN", "USA", "SUPPORT"),
        "negated",
    ),
    ("This means Russia will attack Ukraine.", ("RUS", "UKR", "ASSAULT"), "hypothetical"),
    # a possessed event as the object of its own possessor's verb in reported speech: its account
    (
        "The minister added that Sweden is strengthening its military cooperation with Finland.",
        ("SWE", "FIN", "COOPERATE"),
        "attributed",
    ),
    (
        "The minister said Russia is expanding its cooperation with Iran.",
        ("RUS", "IRN", "COOPERATE"),
        "attributed",
    ),
    # the same narrated, or the possessed event as a subject the speaker talks about: given
    (
        "Sweden is strengthening its military cooperation with Finland.",
        ("SWE", "FIN", "COOPERATE"),
        "asserted",
    ),
    (
        "The minister said Sweden's cooperation with Finland had helped its army.",
        ("SWE", "FIN", "COOPERATE"),
        "asserted",
    ),
    # an imagined scenario and the present-tense narrative that goes on telling it
    (
        "This is the scenario that worries planners: Russia invades Estonia. NATO troops rush to the "
        "border. Out of options, Germany bombs Russia with every jet it has.",
        ("DEU", "RUS", "ASSAULT"),
        "hypothetical",
    ),
    (
        "Suppose the talks in Geneva fail. Russia attacks Estonia, and NATO responds within hours.",
        ("RUS", "EST", "ASSAULT"),
        "hypothetical",
    ),
    # past news next to the word "scenario", and a run broken by a sentence in the past
    (
        "Russia attacked Estonia in the scenario played out last year.",
        ("RUS", "EST", "ASSAULT"),
        "asserted",
    ),
    (
        "Imagine the worst. Instead, on Monday Russia signed a treaty with Estonia. Russia also "
        "threatens Latvia.",
        ("RUS", "LVA", "THREATEN"),
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), ROWS)
def test_status_round8(nlp: Language, text: str, event: tuple[str, str, str], status: str) -> None:
    found = {(s, t, ty): st for s, t, ty, st in events(nlp, text, PUB)}
    assert found.get(event) == status, found
