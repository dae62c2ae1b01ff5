// Filter panels are <details class="filter-disclosure">, closed in the HTML so that phones show
// the results first. On wide screens the panel sits beside the results and is shown open; the
// `open` state follows the screen width so that assistive technology announces what is seen.
// Loaded without `defer` right after the panels: they open before the first paint.
(function () {
    "use strict";
    var wide = window.matchMedia("(min-width: 48em)");
    function sync() {
        var panels = document.querySelectorAll("details.filter-disclosure");
        for (var i = 0; i < panels.length; i++) {
            panels[i].open = wide.matches;
        }
    }
    sync();
    if (wide.addEventListener) {
        wide.addEventListener("change", sync);
    }
})();
