// The main navigation on phones: one "Menü" button that shows and hides the links, so that a
// page's own content starts on the first screen. Without the script, or on wider screens, the
// links are always shown. Loaded without `defer` right after the navigation: it is folded
// before the first paint.
(function () {
    "use strict";
    var narrow = window.matchMedia("(max-width: 40rem)");
    var nav = document.currentScript && document.currentScript.previousElementSibling;
    if (!nav || !nav.classList.contains("main-nav")) {
        return;
    }
    var toggle = nav.querySelector(".main-nav__toggle");
    var links = document.getElementById(toggle.getAttribute("aria-controls"));

    function show(expanded) {
        toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
        links.hidden = !expanded;
    }
    function sync() {
        toggle.hidden = !narrow.matches;
        show(!narrow.matches);
    }
    toggle.addEventListener("click", function () {
        show(toggle.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && narrow.matches && !links.hidden) {
            show(false);
            toggle.focus();
        }
    });
    sync();
    if (narrow.addEventListener) {
        narrow.addEventListener("change", sync);
    }
})();
