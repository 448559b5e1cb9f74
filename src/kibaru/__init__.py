"""kibaru: sourced political event data (PLOVER) from French and English news."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kibaru")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
