// The embed document's one script. The document is the same cached bytes on every site, so the
// site it is framed on is learnt here, in the visitor's browser, and told only to our beacon:
// the beacon counts the impression (for the partner code in our address, or the site's host)
// and answers 200 when that site is blocked, and then the neutral card with the hotline
// replaces the asset. The asset stays hidden until the answer, at most a second and a half.
(function () {
    "use strict";
    var root = document.documentElement;
    root.classList.add("embed-pending");

    function embeddingOrigin() {
        if (window.parent === window) return "";
        if (location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
        try { return new URL(document.referrer).origin; } catch (error) { return ""; }
    }

    function reveal() { root.classList.remove("embed-pending"); }

    function showCard() {
        var figure = document.querySelector(".embed__figure");
        if (figure) figure.remove();
        document.querySelector(".embed__card").hidden = false;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var main = document.querySelector("[data-count]");
        var partner = new URLSearchParams(location.search).get("partner") || "";
        var origin = embeddingOrigin();
        var host = "";
        try { host = origin ? new URL(origin).hostname : ""; } catch (error) { host = ""; }
        // A click from inside our frame has our own page as its Referer: the link says whose it is.
        document.querySelectorAll("a[data-go]").forEach(function (link) {
            var url = new URL(link.href);
            if (partner) url.searchParams.set("partner", partner);
            else if (host) url.searchParams.set("site", host);
            link.href = url.toString();
        });
        var count = new URL(main.dataset.count, location.href);
        if (partner) count.searchParams.set("p", partner);
        if (origin) count.searchParams.set("o", origin);
        var fallback = setTimeout(reveal, 1500);
        fetch(count.toString(), { method: "POST", credentials: "omit", cache: "no-store", keepalive: true })
            .then(function (response) { if (response.status === 200) showCard(); })
            .catch(function () { /* uncounted; the embed still shows */ })
            .finally(function () { clearTimeout(fallback); reveal(); });
    });
})();
