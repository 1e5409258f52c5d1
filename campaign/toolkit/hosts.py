"""The embedding site's host name, read from what the browser sends (Origin or Referer). Only the
host is kept: never the scheme, port, path or query, and nothing about the visitor."""

import re
from urllib.parse import urlsplit

from django.http import HttpRequest

HOST_NAME = re.compile(
    r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def normalise_host(text: str) -> str:
    """A bare, lower-case host name from a host or URL someone typed; '' if it is not one."""
    text = text.strip().lower()
    if "//" not in text:
        text = f"//{text}"
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".")
    return host if len(host) <= 253 and HOST_NAME.match(host) else ""


def embedding_origin(request: HttpRequest) -> str:
    """The embedding page's origin as the browser told us (Origin, else Referer); '' if unsaid."""
    for header in ("Origin", "Referer"):
        value = request.headers.get(header, "")
        if value and value != "null":
            try:
                parts = urlsplit(value)
            except ValueError:  # e.g. "http://[::1": names no site
                continue
            if parts.scheme in ("http", "https") and parts.netloc:
                return f"{parts.scheme}://{parts.netloc}"
    return ""


def embedding_host(request: HttpRequest) -> str:
    """The embedding site's host name; '' when unknown or when it is this site itself."""
    origin = embedding_origin(request)
    if not origin or urlsplit(origin).netloc == request.get_host():
        return ""
    return normalise_host(origin)


def clean_origin(text: str) -> str:
    """scheme://host[:port] of an http(s) origin or URL an embed reported; '' for anything else."""
    try:
        parts = urlsplit(text.strip()[:300])
        port = parts.port
    except ValueError:
        return ""
    host = normalise_host(parts.hostname or "")
    if parts.scheme not in ("http", "https") or not host:
        return ""
    return f"{parts.scheme}://{host}:{port}" if port else f"{parts.scheme}://{host}"
