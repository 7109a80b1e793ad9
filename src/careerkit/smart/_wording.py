"""The words the SMART rules look for, shared by structured goals and sentences.

Each pattern is searched in lower-case text: vague wording (S001), action
verbs (S003), a result named only by its kind (S004), quantities and credentials that can be counted or checked
(S001, M001), and, in sentences only, job titles, time signals without a
single deadline, and purpose clauses. The patterns that look for words where
a word begins are written with :func:`word_starts`, so that a long text is
searched where it has their first letters, not at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    "overlap",
    "word_starts",
    "words",
]


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
    "record", "track", "review", "prepare",
)  # fmt: skip
ACTION = re.compile(word_starts(_ACTION_WORDS, then=r"\w*\b"))
_SPAN_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
TIME_PHRASE = re.compile(
    word_starts(
        [
            *(
                digit + tail
                for digit in "0123456789"
                for tail in (
                    r"\d{3}-\d{1,2}-\d{1,2}\b",  # an ISO date
                    r"\d?[/.]\d{1,2}[/.]\d{2,4}\b",  # a numeric date
                    r"\d{3}\b",  # a year
                    r"\d?(?:st|nd|rd|th)\b",  # a day of the month
                )
            ),
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
    )
)  # fmt: skip
"""Dates and spans of time, left out when looking for a quantity: the digits of a
deadline do not make a goal measurable."""
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
NUMERIC_DATE = re.compile(
    word_starts([rf"{digit}\d?/\d{{1,2}}/\d{{2,4}}\b" for digit in "0123456789"])
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


def words(text: str) -> list[str]:
    """The words of a text, in lower case."""
    return re.findall(r"[a-z0-9%']+", text.lower())


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
