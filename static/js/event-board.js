// Proposal board: the vote buttons send their form with fetch and update the counts in place,
// announcing the result in the page's live region. Without this script the same forms post
// and redirect, so nothing here is required to vote.
(function () {
    "use strict";
    const board = document.querySelector("[data-event-board]");
    if (!board || !window.fetch) {
        return;
    }
    const announce = board.querySelector("[data-announce]");
    const remaining = board.querySelector("[data-remaining]");

    function say(text) {
        if (!announce) {
            return;
        }
        // Clearing first makes screen readers repeat an identical message.
        announce.textContent = "";
        window.setTimeout(function () {
            announce.textContent = text;
        }, 50);
    }

    board.addEventListener("submit", function (event) {
        const form = event.target.closest("[data-vote-form]");
        if (!form) {
            return;
        }
        event.preventDefault();
        const button = event.submitter;
        const data = new FormData(form);
        if (button && button.name) {
            data.set(button.name, button.value);
        }
        fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        })
            .then(function (response) {
                return response.json();
            })
            .then(function (result) {
                if (result.ok) {
                    const article = form.closest("[data-proposal]");
                    const mine = form.querySelector("[data-my-points]");
                    if (mine) {
                        mine.textContent = result.points;
                    }
                    const total = article && article.querySelector("[data-total]");
                    if (total && result.total !== undefined) {
                        total.textContent = result.total;
                    }
                    if (remaining) {
                        remaining.textContent = result.remaining_text;
                    }
                }
                say(result.message);
            })
            .catch(function () {
                // Fall back to the plain form: the server answers with a page and a message.
                // form.submit() sends no submitter, so the button's value goes along as a field.
                if (button && button.name) {
                    const field = document.createElement("input");
                    field.type = "hidden";
                    field.name = button.name;
                    field.value = button.value;
                    form.appendChild(field);
                }
                form.submit();
            });
    });
})();
