"""The words the SMART rules look for, shared by structured goals and sentences.

Each pattern is searched in lower-case text: vague wording (S001), action
verbs (S003), a result named only by its kind (S004), quantities and credentials that can be counted or checked
(S001, M001), and, in sentences only, job titles, time signals without a
single deadline, and purpose clauses.
"""

from __future__ import annotations

import re

__all__ = [
    "ACTION",
    "CREDENTIAL",
    "GENERIC",
    "JOB_TITLE",
    "PURPOSE",
    "QUANTITY",
    "TIME_PHRASE",
    "TIME_SIGNAL",
    "VAGUE",
    "overlap",
    "words",
]

VAGUE = re.compile(
    r"\b(improve|better|more|some|faster|things|stuff|various|a lot|work on|"
    r"grow|develop myself|enhance|try to|be successful|succeed|advance my career|"
    r"progress|boost)\b"
)
# A result named only by its kind: a verb, "a", "an", "some", "my own" or "new", one
# noun, and nothing that says which ("Take a course", "Find an internship").
GENERIC = re.compile(
    r"^(?:(?:i|we) (?:want|would like|will|plan|hope|need|intend) to |(?:i )?will )?"
    r"[a-z]+ (?:an?|some|my own|a new|new|an? other) (?:new )?[a-z]+[.!]?$"
)
ACTION = re.compile(
    r"\b(earn|complete|finish|pass|get|obtain|achieve|attend|publish|write|build|create|"
    r"launch|lead|manage|run|apply|land|secure|become|present|deliver|give|host|join|"
    r"find|hire|mentor|meet|read|take|enrol|enroll|register|increase|reduce|decrease|"
    r"raise|grow|gain|save|update|submit|organize|organise|speak|teach|train|coach|keep|"
    r"maintain|attain|complete|expand|improve|land|choose|select|send|spend|distribute|"
    r"communicate|provide|solicit|hand|work|practi[cs]e|exercise|call|visit|list|ask|"
    r"answer|respond|share|invite|plan|set|book|make|do|follow|check|help|support|"
    r"learn|study|complete|reach|win|hold|schedule|start|establish|network|connect|"
    r"network|produce|design|develop|implement|double|triple|cut|contact|interview|"
    r"network|sign|master|certify|qualify|volunteer|post|record|track|review|prepare)\w*\b"
)
TIME_PHRASE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b[qh]\d\b|\b\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b"
    r"|\b(?:within|in|by|over|for|after|before|until|the\s+next|next)\s+(?:the\s+next\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(?:day|week|month|quarter|year)s?\b"
)
"""Dates and spans of time, left out when looking for a quantity: the digits of a
deadline do not make a goal measurable."""
QUANTITY = re.compile(
    r"\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|dozen|once|twice|weekly|monthly|daily|every)\b"
)
CREDENTIAL = re.compile(
    r"\b(certificat\w*|certified|license|licence|degree|diploma|mba|phd|master'?s|bachelor'?s|"
    r"pmp|cpa|cfa|shrm|award|promotion|promoted|offer|job|position|role|title|course|class|"
    r"training|session|workshop|program|programme|conference|webinar|paper|article|abstract|"
    r"report|letter|presentation|portfolio|website|system|proposal|application|meeting|"
    r"internships?|journal|group|5k|marathon)\b"
)
# Time-bound without a single deadline: a cadence, a named day or season, a date.
TIME_SIGNAL = re.compile(
    r"\b(daily|weekly|monthly|quarterly|annually|yearly|each|every|per|a (?:day|week|month|"
    r"year)|this (?:week|month|quarter|year|summer|spring|fall|autumn|winter|semester|term)|"
    r"next (?:week|month|quarter|year|semester|term)|coming (?:week|month|year)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|summer|spring|autumn|winter|semester|"
    r"prior to|before my next|end of the (?:school )?(?:week|day|month|term|semester)|"
    r"mm/dd/yyyy|20xx)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
JOB_TITLE = re.compile(
    r"\b(?:become|be promoted to|get promoted to|promotion to|land|secure|move into|"
    r"a role as|a position as|job as|hired as)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}"
    r"(manager|director|head|lead|senior|principal|vp|vice president|chief|officer|"
    r"supervisor|partner|executive|analyst|engineer|specialist|consultant)\b"
)
PURPOSE = re.compile(
    r"\b(so that|so i can|in order to|to become|to help|to support|which will|that will|"
    r"to prepare for|to qualify for|to advance|to move into|to reach|to improve my chances|"
    r"because|to be promoted|to get promoted|for my career|to grow my career)\b"
)


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
