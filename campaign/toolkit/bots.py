"""Leave obvious robots out of the counts. The user agent is read here and never stored."""

import re

from django.http import HttpRequest

BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|"
    r"curl/|wget/|python-requests|python-urllib|httpx|go-http-client|java/|okhttp|scrapy",
    re.IGNORECASE,
)


def is_bot(request: HttpRequest) -> bool:
    """True for a missing user agent or one that names itself a robot, crawler or script."""
    return is_bot_agent(request.headers.get("User-Agent", ""))


def is_bot_agent(user_agent: str) -> bool:
    """is_bot for the User-Agent header's value."""
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))
