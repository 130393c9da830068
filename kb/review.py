"""Review dates: each behaviour, example, theme and focus area says when it was last checked
against the report. Old dates are warnings for editors, never build failures."""
from __future__ import annotations

import datetime

from .kinds import BEHAVIOUR, EXAMPLE, FOCUS_AREA, THEME
from .model import KnowledgeBase
from .problems import Problem


def reviewed_entities(kb: KnowledgeBase):
    """(kind, entity) for everything that carries a last_reviewed date."""
    yield from ((BEHAVIOUR, b) for b in kb.behaviours)
    yield from ((EXAMPLE, e) for e in kb.examples)
    yield from ((THEME, t) for t in kb.themes)
    yield from ((FOCUS_AREA, p.area) for p in kb.focus_area.values())


def stale_reviews(kb: KnowledgeBase, today: datetime.date, max_age_days: int) -> list[Problem]:
    """One warning per entity last reviewed before the limit, at the line of its date."""
    oldest = today - datetime.timedelta(days=max_age_days)
    stale = []
    for kind, entity in reviewed_entities(kb):
        if entity.last_reviewed < oldest:
            where = kb.review_locations[(kind.key, entity.id)]
            message = (f"{kind.name} '{entity.id}' was last reviewed on {entity.last_reviewed.isoformat()}, "
                       f"more than {max_age_days} days ago; check it against the report and update last_reviewed")
            stale.append(Problem(where.file, where.line, message))
    return stale
