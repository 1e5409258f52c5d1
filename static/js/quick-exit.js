// Quick exit: leave at once and replace this page in the history, so Back does not return here.
// Without JavaScript the link still leaves the site.
(function () {
    "use strict";
    var link = document.querySelector("[data-quick-exit]");
    if (!link) return;
    function leave(event) {
        if (event) event.preventDefault();
        document.body.hidden = true;
        window.location.replace(link.href);
    }
    link.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        var now = Date.now();
        if (now - lastEscape < 1000) leave(event);
        lastEscape = now;
    });
})();
