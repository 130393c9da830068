"""Review dates: each behaviour, example and focus area says when it was last checked
against the report. Old dates are warnings for editors, never build failures."""
from __future__ import annotations

import datetime

from .model import KnowledgeBase
from .problems import Problem


def stale_reviews(kb: KnowledgeBase, today: datetime.date, max_age_days: int) -> list[Problem]:
    oldest = today - datetime.timedelta(days=max_age_days)
    entities = [("behaviour", b.id, b.last_reviewed) for b in kb.behaviours]
    entities += [("example", e.id, e.last_reviewed) for e in kb.examples]
    entities += [("focus_area", area.id, area.last_reviewed) for t in kb.themes for area in t.focus_areas]
    stale = []
    for kind, ident, reviewed in entities:
        if reviewed < oldest:
            where = kb.locations[(kind, ident)]
            message = (f"{kind.replace('_', ' ')} '{ident}' was last reviewed on {reviewed.isoformat()}, "
                       f"more than {max_age_days} days ago; check it against the report and update last_reviewed")
            stale.append(Problem(where.file, where.line, message))
    return stale
