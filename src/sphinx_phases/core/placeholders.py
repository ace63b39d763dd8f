"""The sentences ``sphinx-phases new`` and ``init`` write where the author has still to
write (pure).

The build imports :data:`PLACEHOLDER_TEXT` (or :func:`is_placeholder`) to count a required
question that still holds one as unanswered (docs/reference/questions.md). This module
imports nothing else of the package, so that costs the build nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

#: The placeholder of each default question key.
QUESTION_PLACEHOLDERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "objective": "Say what this phase sets out to achieve.",
        "contents": "Say what the work of this phase includes.",
        "duration": "Say how long this phase usually takes.",
        "team": "List the roles this phase needs.",
        "outputs": "List what this phase produces.",
    }
)
#: The placeholder of a question key a project configures itself.
GENERIC_PLACEHOLDER: Final = "Answer this question for this phase."
#: The placeholder summary (the ``phase`` directive's body, or ``summary`` in front matter).
SUMMARY_PLACEHOLDER: Final = "Summarise this phase in one paragraph."
#: The placeholder criterion of a gate ``sphinx-phases init`` declares (a gate without a
#: criterion is reported, docs/reference/gates.md).
CRITERION_PLACEHOLDER: Final = "Name one thing this gate checks before the work goes on."

#: Every placeholder sentence ``new`` and ``init`` write, each one paragraph of plain text.
PLACEHOLDER_TEXT: Final[tuple[str, ...]] = (
    *QUESTION_PLACEHOLDERS.values(),
    GENERIC_PLACEHOLDER,
    SUMMARY_PLACEHOLDER,
    CRITERION_PLACEHOLDER,
)


def placeholder_for(key: str) -> str:
    """The sentence ``new`` writes as the answer to question *key*."""
    return QUESTION_PLACEHOLDERS.get(key, GENERIC_PLACEHOLDER)


def is_placeholder(text: str) -> bool:
    """Whether *text* (an answer's text, whitespace as it comes) is still a placeholder."""
    return " ".join(text.split()) in PLACEHOLDER_TEXT
