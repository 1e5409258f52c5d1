// The one-line embed for partner sites:
//   <script src="https://OUR-SITE/embed.js" data-asset="SLUG" data-partner="CODE" data-size="SIZE" async></script>
// It draws the campaign asset right after its own script tag. It asks only the origin it was
// loaded from, sends no cookies (credentials: "omit") and sets none; images load without a referrer.
// The data is the same cached bytes on every site; the beacon counts the impression for this
// site (or the partner code) and answers 200 when the site is blocked: then the neutral card shows.
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !script.dataset.asset) return;
    var origin = new URL(script.src).origin;
    var partner = script.dataset.partner || "";
    var params = new URLSearchParams();
    if (script.dataset.size) params.set("size", script.dataset.size);
    var url = origin + "/embed/" + encodeURIComponent(script.dataset.asset) + "/data.json?" + params;

    function element(name, text) {
        var node = document.createElement(name);
        if (text) node.textContent = text;
        return node;
    }

    function link(href, text) {
        var anchor = element("a", text);
        anchor.href = href;
        anchor.target = "_blank";
        anchor.rel = "noopener";
        return anchor;
    }

    function clickLink(href) {
        var url = new URL(href);
        if (partner) url.searchParams.set("partner", partner);
        else url.searchParams.set("site", location.hostname);
        return url.toString();
    }

    function counted(data) {
        var count = new URL(data.count, origin);
        if (partner) count.searchParams.set("p", partner);
        count.searchParams.set("o", location.origin);
        return fetch(count.toString(), { method: "POST", credentials: "omit", mode: "cors", keepalive: true })
            .then(function (response) {
                if (response.status === 200) data.asset = null;
                return data;
            })
            .catch(function () { return data; });
    }

    function render(data) {
        var box = element("figure");
        box.className = "enddemandct-embed";
        box.style.margin = "0";
        box.style.maxWidth = "100%";
        var asset = data.asset;
        if (asset) {
            var image = element("img");
            image.src = asset.image.src;
            image.width = asset.image.width;
            image.height = asset.image.height;
            image.alt = asset.image.alt;
            image.referrerPolicy = "no-referrer";
            image.style.maxWidth = "100%";
            image.style.height = "auto";
            var anchor = link(clickLink(asset.link));
            anchor.appendChild(image);
            box.appendChild(anchor);
        } else {
            box.appendChild(link(data.home_url, data.organisation));
        }
        var caption = element("figcaption");
        if (asset) {
            caption.appendChild(element("span", [asset.credit || "End Demand CT", asset.licence].filter(Boolean).join(" · ")));
            caption.appendChild(element("br"));
        } else {
            caption.appendChild(element("span", data.neutral_message));
            caption.appendChild(element("br"));
        }
        caption.appendChild(document.createTextNode(data.hotline.name + ": "));
        var phone = element("a", data.hotline.phone);
        phone.href = "tel:" + data.hotline.tel;
        caption.appendChild(phone);
        box.appendChild(caption);
        script.parentNode.insertBefore(box, script.nextSibling);
    }

    fetch(url, { credentials: "omit", mode: "cors", referrerPolicy: "strict-origin-when-cross-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { return data ? counted(data) : null; })
        .then(function (data) { if (data) render(data); })
        .catch(function () { /* the partner page stays as it was */ });
})();
