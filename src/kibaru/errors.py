"""The exceptions kibaru raises. Each message says what went wrong and what to do next.

The CLI catches `KibaruError` once and turns it into a one-line message and a non-zero exit;
inside a batch, an `InputError` about one file becomes a row of the `failures` table.
"""


class KibaruError(Exception):
    """Base of every error kibaru raises on purpose."""


class InputError(KibaruError):
    """An input file or record cannot be read; `source` names it."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ConfigError(KibaruError):
    """A setting or command-line option is invalid."""


class ResourceError(KibaruError):
    """A model or data file kibaru needs is missing or broken."""


class StoreError(KibaruError):
    """The database cannot be opened or written."""


class StageError(KibaruError):
    """A pipeline stage failed on one article."""

    def __init__(self, stage: str, article_id: str, reason: str):
        self.stage, self.article_id, self.reason = stage, article_id, reason
        super().__init__(f"stage {stage} failed on article {article_id}: {reason}")
