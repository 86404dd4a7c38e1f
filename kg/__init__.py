"""kg: event knowledge graphs from news text."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"kg-rules/{__version__}"
