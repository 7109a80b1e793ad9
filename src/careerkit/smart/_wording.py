"""The words the SMART rules look for, shared by structured goals and sentences.

Each pattern is searched in lower-case text: vague wording (S001), action
verbs (S003), a result named only by its kind (S004), quantities and credentials that can be counted or checked
(S001, M001), and, in sentences only, job titles, time signals without a
single deadline, and purpose clauses. The patterns that look for words where
a word begins are written with :func:`word_starts`, so that a long text is
searched where it has their first letters, not at every position. A pattern
that begins with a digit is still tried at every digit, so those that cannot
match without a character or a word are tried only in texts that have it
(:class:`Guarded`, :func:`untimed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from attrs import frozen

__all__ = [
    "ACTION",
    "CREDENTIAL",
    "GENERIC",
    "JOB_TITLE",
    "NUMERIC_DATE",
    "PURPOSE",
    "QUANTITY",
    "TIME_PHRASE",
    "TIME_SIGNAL",
    "VAGUE",
    "Guarded",
    "normalised",
    "overlap",
    "untimed",
    "word_count",
    "word_starts",
    "words",
]


def normalised(text: str) -> str:
    """``text`` in lower case, its white space single spaces, as deadlines and
    sentences are read.

    >>> normalised("  By March\t2027 ")
    'by march 2027'
    """
    return " ".join(text.lower().split())


@frozen(kw_only=True)
class Guarded:
    r"""A pattern searched only in texts that have one of the strings in ``needs``.

    Every match of ``pattern`` contains one of ``needs``; looking for a string
    costs much less than trying a pattern at every digit of a long text.

    >>> iso = Guarded(pattern=re.compile(r"\d{4}-\d\d-\d\d"), needs=("-",))
    >>> iso.search("9 9 9") is None, iso.search("by 2027-03-01").start()
    (True, 3)
    """

    pattern: re.Pattern[str]
    needs: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        """The first match of ``pattern`` in ``text``, as :meth:`re.Pattern.search`."""
        if not any(needed in text for needed in self.needs):
            return None
        return self.pattern.search(text)


def word_starts(alternatives: Iterable[str], then: str = "") -> str:
    r"""A regular-expression choice of ``alternatives``, each where a word begins, then ``then``.

    It means ``\b(?:earn|lead|...)`` followed by ``then``, for alternatives
    (regular expressions) that begin with a letter or a digit written as
    itself, but costs less: Python's :mod:`re` tries a pattern that begins
    with ``\b`` at every position of the text, and one that begins with a
    choice of characters only where the text has one of them. So the
    alternatives are grouped by their first character, in the order given
    within each group; each group is that character, a look-behind saying
    that no word character comes before it, and the rests of its
    alternatives. Alternatives that differ in their first character never
    match at the same place, so the choice prefers what it prefers as written.

    >>> word_starts(["earn", "lead", "learn"], then=r"\b")
    '(?:e(?<!\\we)(?:arn)|l(?<!\\wl)(?:ead|earn))\\b'
    >>> re.search(word_starts(["earn"]), "learn and earn").start()
    10
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    choice = "|".join(
        rf"{first}(?<!\w{first})(?:{'|'.join(rests)})" for first, rests in groups.items()
    )
    return f"(?:{choice}){then}"


_VAGUE_WORDS = (
    "improve", "better", "more", "some", "faster", "things", "stuff", "various", "a lot",
    "work on", "grow", "develop myself", "enhance", "try to", "be successful", "succeed",
    "advance my career", "progress", "boost",
)  # fmt: skip
VAGUE = re.compile(word_starts(_VAGUE_WORDS, then=r"\b"))
# A result named only by its kind: a verb, "a", "an", "some", "my own" or "new", one
# noun, and nothing that says which ("Take a course", "Find an internship").
GENERIC = re.compile(
    r"^(?:(?:i|we) (?:want|would like|will|plan|hope|need|intend) to |(?:i )?will )?"
    r"[a-z]+ (?:an?|some|my own|a new|new|an? other) (?:new )?[a-z]+[.!]?$"
)
_ACTION_WORDS = (
    "earn", "complete", "finish", "pass", "get", "obtain", "achieve", "attend", "publish",
    "write", "build", "create", "launch", "lead", "manage", "run", "apply", "land", "secure",
    "become", "present", "deliver", "give", "host", "join", "find", "hire", "mentor", "meet",
    "read", "take", "enrol", "enroll", "register", "increase", "reduce", "decrease", "raise",
    "grow", "gain", "save", "update", "submit", "organize", "organise", "speak", "teach",
    "train", "coach", "keep", "maintain", "attain", "expand", "improve", "choose", "select",
    "send", "spend", "distribute", "communicate", "provide", "solicit", "hand", "work",
    "practi[cs]e", "exercise", "call", "visit", "list", "ask", "answer", "respond",
    "share", "invite", "plan", "set", "book", "make", "do", "follow", "check", "help",
    "support", "learn", "study", "reach", "win", "hold", "schedule", "start", "establish",
    "network", "connect", "produce", "design", "develop", "implement", "double", "triple",
    "cut", "contact", "interview", "sign", "master", "certify", "qualify", "volunteer", "post",
    "record", "track", "review", "prepare", "move", "switch", "transition", "pivot",
    "transfer", "relocate", "negotiate", "accept", "resign", "retire", "sell", "convert",
    "migrate", "upgrade", "refresh", "redesign", "rewrite", "revise", "tailor", "polish",
    "translate", "automate", "ship", "release", "deploy", "analy[sz]e", "rebuild",
)  # fmt: skip
"""Verbs that start an action, matched as the start of a word ("leads", "leading");
nouns that begin like a verb ("editor", "investment", "openings") are left out, so
that a title naming only a role or a thing still lacks an action."""
ACTION = re.compile(word_starts(_ACTION_WORDS, then=r"\w*\b"))
_SPAN_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_ISO_DATE = r"\d{3}-\d{1,2}-\d{1,2}\b"
_NUMBER_DATE = r"\d?[/.]\d{1,2}[/.]\d{2,4}\b"
_YEAR = r"\d{3}\b"
_DAY = r"\d?(?:st|nd|rd|th)\b"  # of the month
_DIGIT_PAIR = re.compile(r"[0-9](?:\d|st|nd|rd|th)")
"""What a year, an ISO date or a day of the month has: a digit, then a digit or an
ordinal's ending. A text without it has none of them."""
_SPANS = word_starts(
    [
        r"q\d\b",
        r"h\d\b",
        *(
            rf"{word}\s+(?:the\s+next\s+)?{_SPAN_COUNT}\s+(?:day|week|month|quarter|year)s?\b"
            for word in (
                "within", "in", "by", "over", "for", "after", "before", "until", r"the\s+next",
                "next",
            )
        ),
    ]
)  # fmt: skip


@cache
def _time_phrase(iso: bool, numeric: bool, digits: bool) -> re.Pattern[str]:
    """The dates and spans of time, without the dates a text cannot have: ISO dates
    (``iso``), numeric dates (``numeric``), years and days of the month (``digits``).

    The dates begin with a digit where a word begins (``word_starts`` of each
    digit, written as one choice of a digit); the choice keeps their order.
    """
    kinds = ((_ISO_DATE, iso), (_NUMBER_DATE, numeric), (_YEAR, digits), (_DAY, digits))
    tails = [tail for tail, kept in kinds if kept]
    dates = rf"[0-9](?<!\w[0-9])(?:{'|'.join(tails)})|" if tails else ""
    return re.compile(f"(?:{dates}{_SPANS})")


TIME_PHRASE = _time_phrase(iso=True, numeric=True, digits=True)
"""Dates and spans of time, left out when looking for a quantity: the digits of a
deadline do not make a goal measurable."""


def untimed(text: str) -> str:
    """``text`` with its dates and spans of time (:data:`TIME_PHRASE`) replaced by spaces.

    The kinds of date the text cannot have are not looked for, which gives
    the same text at less cost.

    >>> untimed("earn 3 badges by 2027-03-01 and in q3")
    'earn 3 badges by   and in  '
    """
    digits = _DIGIT_PAIR.search(text) is not None
    numeric = "/" in text or "." in text
    return _time_phrase(iso=digits and "-" in text, numeric=numeric, digits=digits).sub(" ", text)


QUANTITY = re.compile(
    r"\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|dozen|once|twice|weekly|monthly|daily|every)\b"
)
_CREDENTIAL_WORDS = (
    r"certificat\w*", "certified", "license", "licence", "degree", "diploma", "mba", "phd",
    "master'?s", "bachelor'?s", "pmp", "cpa", "cfa", "shrm", "award", "promotion", "promoted",
    "offer", "job", "position", "role", "title", "course", "class", "training", "session",
    "workshop", "program", "programme", "conference", "webinar", "paper", "article",
    "abstract", "report", "letter", "presentation", "portfolio", "website", "system",
    "proposal", "application", "meeting", "internships?", "journal", "group", "5k", "marathon",
)  # fmt: skip
CREDENTIAL = re.compile(word_starts(_CREDENTIAL_WORDS, then=r"\b"))
# Time-bound without a single deadline: a cadence, a named day or season, a date.
_TIME_SIGNAL_WORDS = (
    "daily", "weekly", "monthly", "quarterly", "annually", "yearly", "each", "every", "per",
    *(f"a {unit}" for unit in ("day", "week", "month", "year")),
    *(f"this {period}" for period in (
        "week", "month", "quarter", "year", "summer", "spring", "fall", "autumn", "winter",
        "semester", "term",
    )),
    *(f"next {period}" for period in ("week", "month", "quarter", "year", "semester", "term")),
    *(f"coming {period}" for period in ("week", "month", "year")),
    *(f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")),
    "summer", "spring", "autumn", "winter", "semester", "prior to", "before my next",
    *(f"end of the {school}{period}" for school in ("", "school ")
      for period in ("week", "day", "month", "term", "semester")),
    "mm/dd/yyyy", "20xx",
)  # fmt: skip
TIME_SIGNAL = re.compile(word_starts(_TIME_SIGNAL_WORDS, then=r"\b"))
NUMERIC_DATE = Guarded(
    pattern=re.compile(
        word_starts([rf"{digit}\d?/\d{{1,2}}/\d{{2,4}}\b" for digit in "0123456789"])
    ),
    needs=("/",),
)
"""A date written in numbers, day and month in either order: a time signal too."""
_JOB_MOVES = (
    "become", "be promoted to", "get promoted to", "promotion to", "land", "secure",
    "move into", "a role as", "a position as", "job as", "hired as",
)  # fmt: skip
JOB_TITLE = re.compile(
    word_starts(_JOB_MOVES, then=r"\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}")
    + r"(manager|director|head|lead|senior|principal|vp|vice president|chief|officer|"
    r"supervisor|partner|executive|analyst|engineer|specialist|consultant)\b"
)
_PURPOSES = (
    "so that", "so i can", "in order to", "to become", "to help", "to support", "which will",
    "that will", "to prepare for", "to qualify for", "to advance", "to move into", "to reach",
    "to improve my chances", "because", "to be promoted", "to get promoted", "for my career",
    "to grow my career",
)  # fmt: skip
PURPOSE = re.compile(word_starts(_PURPOSES, then=r"\b"))


_WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789%'"
_WORD = re.compile(f"[{re.escape(_WORD_CHARACTERS)}]+")
_WORD_MARKS = bytes(ord("w") if chr(code) in _WORD_CHARACTERS else ord(" ") for code in range(256))
"""Each ASCII character as ``w`` if it is part of a word, else as a space."""


def words(text: str) -> list[str]:
    """The words of a text, in lower case."""
    return _WORD.findall(text.lower())


def word_count(text: str) -> int:
    """How many words :func:`words` finds, counted without listing them.

    A character outside ASCII is no part of a word, so each is read as a space.

    >>> text = "Earn the CFA's 2nd level, by 2027!"
    >>> word_count(text), len(words(text))
    (7, 7)
    """
    marks = text.lower().encode("ascii", "replace").translate(_WORD_MARKS)
    return (b" " + marks).count(b" w")


_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "to",
        "of",
        "in",
        "for",
        "by",
        "on",
        "at",
        "my",
        "i",
        "me",
        "with",
        "within",
        "next",
        "years",
        "year",
        "be",
        "become",
        "will",
        "into",
        "from",
        "as",
    ]
)


def overlap(text: str, other: str) -> int:
    """How many words of ``text``, other than small ones, ``other`` shares."""
    return len(set(words(text)) - _STOP & set(words(other)))
