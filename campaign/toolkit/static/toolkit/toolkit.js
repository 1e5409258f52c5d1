// Copy buttons for embed codes (the asset page, the admin) and the admin's report links. Where a
// button names a copy URL the copy is counted by a cookie-less POST that says only which code and
// size was copied. Without JavaScript the codes can still be selected by hand.
(function () {
    "use strict";
    var status = document.querySelector("[data-copy-status]");

    function report(button) {
        if (!button.dataset.copyUrl) return;
        var body = new FormData();
        body.append("code", button.dataset.code);
        body.append("size", button.dataset.size);
        body.append("partner", button.dataset.partner);
        fetch(button.dataset.copyUrl, { method: "POST", body: body, credentials: "omit", keepalive: true })
            .catch(function () { /* counting must never get in the way of copying */ });
    }

    function copied(button) {
        if (status) status.textContent = status.dataset.copiedText || "Copied to the clipboard.";
        report(button);
    }

    function fallback(field, button) {
        field.select();
        if (document.execCommand("copy")) copied(button);
    }

    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var field = document.getElementById(button.dataset.copy);
        if (!field) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(
                    function () { copied(button); },
                    function () { fallback(field, button); }
                );
            } else {
                fallback(field, button);
            }
        });
    });
})();
