"""Match a browser's Origin header against a partner's allowed domains (CSP host-source rules)."""

from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def _split(source: str) -> tuple[str, str, int | None]:
    scheme, _, rest = source.rpartition("://")
    host, _, port = rest.partition(":")
    return scheme, host, int(port) if port else None


def origin_allowed(origin: str, domains: list[str]) -> bool:
    """True when the origin is one of the domains, as a browser applies frame-ancestors."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:  # "http://[::1" or a port that is not a number: no allowed origin
        return False
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return False
    port = port or DEFAULT_PORTS[parts.scheme]
    for source in domains:
        scheme, host, source_port = _split(source)
        if scheme and scheme != parts.scheme and not (scheme == "http" and parts.scheme == "https"):
            continue
        if host.startswith("*."):
            host_ok = parts.hostname.endswith(host[1:])
        else:
            host_ok = parts.hostname == host
        if host_ok and port == (source_port or DEFAULT_PORTS[parts.scheme]):
            return True
    return False
