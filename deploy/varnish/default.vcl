# Varnish 7 in front of gunicorn: caches anonymous GET/HEAD pages, passes everything personal,
# and accepts PURGE from Wagtail's frontend cache (HTTPBackend) on this machine only.
#
#   client -> nginx (TLS, :443) -> varnishd (:6081) -> gunicorn (:8000)
#
# Django decides what may be cached through Cache-Control (campaign/ops/middleware.py): public
# pages send "public, max-age=60, s-maxage=600"; the admin, previews, embargo links, forms and
# anything with a session send "private, no-store", which this file refuses to store.
# Toolkit embeds: the embed document (/embed/<slug>/) and its data (/embed/<slug>/data.json) are
# the same bytes on every site, so they are cached per asset and size only: the query is cut down
# to `size` (the partner code and site are read by the embed's script in the browser and reach
# only the beacon). Wagtail purges these URLs when the asset changes (campaign/toolkit/signals.py).
# The beacon (/count/impression/) counts and is passed, never cached, to its own service
# (backend `beacon`, campaign/beacon_asgi.py); while that is down, the site's gunicorn answers it.
# Toolkit downloads need no rule here: /toolkit/<slug>/download/<size>.<ext> is Django's counted,
# "no-store" redirect, and the file it leads to (/toolkit/<slug>/file/...) is public and cached.
# tests/ops/test_varnish.py runs this file in a real varnishd, changing only the backend port.
vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

backend beacon {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 1s;
    .first_byte_timeout = 5s;
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the app servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # The embed's beacon (a POST, or GET) goes to its own service while that is healthy.
    if (req.url ~ "^/count/impression/") {
        if (std.healthy(beacon)) {
            set req.backend_hint = beacon;
        }
        return (pass);
    }
    if (req.url ~ "^/embed/[^/?]+/(data\.json)?(\?|$)") {
        if (req.url ~ "[?&]size=[a-z0-9-]{1,32}(&|$)") {
            set req.url = regsub(req.url, "\?.*$", "") + "?size=" +
                regsub(req.url, "^.*[?&]size=([a-z0-9-]{1,32})(&.*)?$", "\1");
        } else {
            set req.url = regsub(req.url, "\?.*$", "");
        }
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        # Form posts, the admin's saves and everything else that changes state.
        return (pass);
    }
    # Health checks must reflect this backend now, never a cached answer.
    if (req.url ~ "^/(healthz|readyz)/?$") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    if (req.url ~ "^/count/") {
        return (pass);
    }
    # Plain-HTTP requests are redirected to HTTPS by Django; keep those redirects out of the cache.
    if (req.http.X-Forwarded-Proto && req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (none are set by this site) must not split or bypass the cache.
    unset req.http.Cookie;
    # The language is in the URL (/es/... Spanish, the rest English), never taken from the
    # browser: without this, Django's "Vary: Accept-Language" on English pages would keep one
    # copy per browser language.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_fetch {
    # A beacon the beacon service could not take (stopped, and its probe has not noticed yet)
    # is retried once on the site's gunicorn, which answers it the same way: none is lost.
    if (bereq.retries > 0 && bereq.url ~ "^/count/impression/") {
        set bereq.backend = default;
    }
}

sub vcl_backend_response {
    # Django's "private, no-store" (admin, previews, forms, sessions) and any Set-Cookie: never
    # stored. Remember the decision for a minute so the next request goes straight to the backend.
    if (beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # Serve a stale page for a while if every backend is down, rather than an error.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    # X-Cache and X-Cache-Hits make cache behaviour visible to operators and to the tests.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    # Nothing tells a visitor which software and versions serve the site; fewer bytes per hit.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Server;
}

sub vcl_synth {
    set resp.http.Cache-Control = "private, no-store";
}

sub vcl_backend_error {
    if (bereq.retries == 0 && bereq.url ~ "^/count/impression/") {
        return (retry);
    }
    # Varnish's own error page would name the backend; visitors get a plain message instead.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "private, no-store";
    set beresp.body = "The site is busy or being updated. Please try again in a minute.";
    return (deliver);
}
