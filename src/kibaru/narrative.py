"""narrative: the day a report's story is on, sentence after sentence — the day last told, the
story's own day while a look back in the pluperfect is told, and the year last named — and the
time expressions of a sentence read against them ("le lendemain", "de la même année")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import TimeParser
from .event_dates import imperfect, nearest_time, pluperfect, recent_tense, simple_present, starts_ahead
from .records import DateInterval


@dataclass
class Narrative:
    """Where the telling is in time, updated once per sentence by `EventCoder.code`."""

    time: TimeParser
    lr: object
    anchor: date | None
    #: the day the story was last told to be on
    last_day: DateInterval | None = None
    #: the story's day while a look back is told ("La veille, X avaient…")
    story_day: DateInterval | None = None
    #: the year of the last time told ("en janvier de la même année")
    told_year: int | None = None
    #: was the last day set by a verb describing a state ("La vie reprenait lundi")?
    state_day: bool = False
    #: did the look back under way leave such a day? Then only the present comes back to it.
    look_from_state: bool = False

    def times(self, sent, found, narrative: DateInterval | None) -> list:
        """(expression, interval) of a sentence's time expressions `found`: "le lendemain", "two
        days later" from the day the narrative is on; "de la même année", "the following year"
        from the year last told; the rest from the report's day (ahead when the sentence looks
        ahead)."""
        out = [(f, self._resolve(f, sent, narrative)) for f in found]
        self.told_year = next((int(iv.start[:4]) for _, iv in reversed(out) if iv.start), self.told_year)
        return out

    def _resolve(self, f, sent, narrative) -> DateInterval:
        if f.kind == "shift":
            return self.time.resolve(f, date.fromisoformat(narrative.start)) \
                if narrative is not None and narrative.precision == "day" else DateInterval.unknown()
        if f.kind == "year_shift":
            return self.time.resolve(f, date(self.told_year, 1, 1)) if self.told_year else DateInterval.unknown()
        return self.time.resolve(f, self.anchor, future=starts_ahead(sent, f, self.lr))

    def back_to_story(self, sent, times) -> None:
        """After a look back, the next act told in the present or passé composé with no time of
        its own is on the story's day again ("Le gouvernement malien a dénoncé…")."""
        if self.story_day is not None and not times and recent_tense(sent.root, None) and (
                not self.look_from_state or simple_present(sent.root, None)):
            self.last_day, self.story_day = self.story_day, None

    def move_on(self, sent, days, occasion) -> None:
        """The day the sentence's main clause names (`days`: its past days) is the story's now;
        a look back in the pluperfect keeps the story's own day to come back to ("La veille,
        Londres et Ottawa avaient ouvert la voie"), unless the day left only described a state
        ("La vie reprenait lundi à Cotonou, au lendemain d'une tentative de coup d'État. Dimanche à
        l'aube, des militaires avaient…": the story is the look back)."""
        if days:  # the main clause's day ("ont annoncé dimanche…, après … la nuit du 31 mars")
            main = nearest_time(days, sent.root, sent)
            if main and pluperfect(sent.root, None):
                if self.story_day is None:
                    self.story_day, self.look_from_state = self.last_day, self.state_day
            elif main:
                self.story_day = None
            if main:
                self.state_day = imperfect(sent.root)
                self.last_day = main[1]
        elif occasion is not None and occasion.date.precision == "day":
            self.last_day = occasion.date  # "À l'issue des échanges, …": the story is back on that day
