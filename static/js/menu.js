// The menu works as a plain <details> without this script. With it, Escape and a click or tap
// outside close an open menu, and Escape returns focus to the menu button.
(function () {
    "use strict";
    var menu = document.querySelector("[data-menu]");
    if (!menu) return;
    var button = menu.querySelector("summary");
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !menu.open) return;
        menu.open = false;
        button.focus();
    });
    document.addEventListener("click", function (event) {
        if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
})();
