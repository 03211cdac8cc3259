"""
One warning per cache outage instead of one traceback per cache call.

django-redis, told to ignore connection errors (settings.redis_cache), logs each one it ignores
at ERROR with a traceback: with Redis down that is several per request. This filter turns the
first of an outage into a single warning and drops the rest; an outage is over once no error has
been seen for QUIET_SECONDS, so the next one warns again.
"""

import logging
import time

QUIET_SECONDS = 60


class OncePerOutage(logging.Filter):
    def __init__(self):
        super().__init__()
        self.last_error_at = None

    def filter(self, record):
        now = time.monotonic()
        new_outage = self.last_error_at is None or now - self.last_error_at > QUIET_SECONDS
        self.last_error_at = now
        if not new_outage:
            return False
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "The cache is unreachable (%s); serving without it until it is back"
        record.args = (cause,)
        record.exc_info = record.exc_text = None
        return True
