"""Spam protection for action forms: a honeypot field and a per-address submission limit.

The limit is kept in the cache under campaign.core.ratelimit's keyed hash of the address, so no
IP address is stored anywhere and the key cannot be turned back into one without the secret key.
Only accepted submissions count, so someone correcting a mistake is never locked out.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from campaign.core.ratelimit import client_key

HONEYPOT_FIELD = "website"


class SubmissionRateLimit:
    """At most ENGAGEMENT_FORM_RATE_LIMIT = (count, seconds) submissions per address."""

    def __init__(self, request: HttpRequest):
        self.limit, self.window = settings.ENGAGEMENT_FORM_RATE_LIMIT
        self.key = f"engagement:submissions:{client_key(request)}"

    def exceeded(self) -> bool:
        return cache.get(self.key, 0) >= self.limit

    def record(self) -> None:
        if cache.add(self.key, 1, timeout=self.window):
            return
        try:
            cache.incr(self.key)
        except ValueError:  # the key expired between add() and incr()
            cache.add(self.key, 1, timeout=self.window)
