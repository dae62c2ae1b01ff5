// Moves the focus to a form's error summary when the page comes back with errors, so that
// screen-reader and keyboard users start where the problems are listed (WCAG 3.3.1, 2.4.3).
// A link in the summary focuses its input, not only scrolls to it: the browser's default jump
// to a fragment leaves the focus on the link's target only for focusable elements, and the
// label above the input should stay in view.
(function () {
    "use strict";

    function focusField(event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) {
            return;
        }
        var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (!field) {
            return;
        }
        event.preventDefault();
        var container = field.closest(".field, fieldset") || field;
        container.scrollIntoView();
        field.focus({ preventScroll: true });
    }

    function init() {
        var summaries = document.querySelectorAll("[data-error-summary]");
        summaries.forEach(function (summary) {
            summary.addEventListener("click", focusField);
        });
        if (summaries.length) {
            summaries[0].focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
