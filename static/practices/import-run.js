// Follows an import run: updates the progress bar and its status line from the run's JSON
// status, and reloads the page when the run has ended, to show the result or the errors.
// Without JavaScript the page refreshes itself instead (a <noscript> refresh).
(function () {
  "use strict";
  var section = document.querySelector("[data-import-progress]");
  if (!section) {
    return;
  }
  var bar = section.querySelector("[data-import-bar]");
  var status = section.querySelector("[data-import-status]");
  var url = section.getAttribute("data-status-url");

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (run) {
        if (run.finished) {
          window.location.reload();
          return;
        }
        bar.max = Math.max(run.total, 1);
        bar.value = run.done;
        bar.textContent = Math.floor((run.done * 100) / Math.max(run.total, 1)) + " %";
        if (status.textContent !== run.text) {
          status.textContent = run.text;
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () {
        // A lost connection is retried more slowly; the page's own refresh is the fallback.
        window.setTimeout(poll, 10000);
      });
  }
  window.setTimeout(poll, 2000);
})();
