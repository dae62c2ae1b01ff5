/* “Ähnliche Themen” while a member writes a new topic: after a pause in typing the title (or
   when it loses focus, or the text changes) the server answers the existing topics closest in
   meaning; the status line announces how many. Without this script the button sends the form
   back with the list, publishing nothing. */
(function () {
  "use strict";

  var PAUSE = 600;
  var BODY_PREFIX = 500;

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUp(region) {
    var form = region.closest("form");
    var url = region.getAttribute("data-url");
    var minLength = parseInt(region.getAttribute("data-min-length"), 10) || 10;
    var title = form && form.querySelector("input[name=title]");
    var body = form && form.querySelector("textarea[name=body]");
    var button = region.querySelector("[data-forum-similar-button]");
    var status = region.querySelector("[data-forum-similar-status]");
    var list = region.querySelector("[data-forum-similar-list]");
    if (!title || !url || !status || !list || !window.fetch || !window.AbortController) {
      return;
    }
    var timer = null;
    var running = null;
    var lastSent = null;

    function typed() {
      var text = body ? body.value.slice(0, BODY_PREFIX) : "";
      return { title: title.value, body: text };
    }

    function show(data) {
      var items = (data.results || []).map(function (topic) {
        var item = document.createElement("li");
        item.className = "forum-similar__item";
        var link = document.createElement("a");
        link.href = topic.url;
        link.textContent = topic.title;
        var meta = document.createElement("span");
        meta.className = "forum-similar__meta";
        meta.textContent = topic.category + " · " + topic.replies_label;
        item.append(link, " ", meta);
        return item;
      });
      list.replaceChildren.apply(list, items);
      list.hidden = items.length === 0;
      status.textContent = data.status || "";
    }

    function update(force) {
      window.clearTimeout(timer);
      var values = typed();
      var key = values.title + "\n" + values.body;
      if ((values.title + " " + values.body).replace(/\s+/g, " ").trim().length < minLength) {
        if (running) {
          running.abort();
          running = null;
        }
        lastSent = null;
        if (force) {
          status.textContent = region.getAttribute("data-too-short") || "";
        }
        return;
      }
      if (key === lastSent && !force) {
        return;
      }
      lastSent = key;
      if (running) {
        running.abort();
      }
      var controller = new AbortController();
      running = controller;
      var data = new FormData();
      data.append("title", values.title);
      data.append("body", values.body);
      window.fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "X-CSRFToken": csrfToken(form),
          "X-Requested-With": "fetch"
        },
        signal: controller.signal
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      }).then(function (data) {
        if (running === controller) {
          running = null;
          show(data);
        }
      }).catch(function (error) {
        if (error.name === "AbortError") {
          return;
        }
        if (running === controller) {
          running = null;
        }
        lastSent = null;
        status.textContent = region.getAttribute("data-error") || "";
      });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, PAUSE);
    }

    title.addEventListener("input", later);
    title.addEventListener("blur", function () {
      update(false);
    });
    if (body) {
      body.addEventListener("change", function () {
        update(false);
      });
    }
    if (button) {
      // Also reached by Enter in the title (the form's first button): nothing is sent.
      button.addEventListener("click", function (event) {
        event.preventDefault();
        update(true);
      });
    }
  }

  document.querySelectorAll("[data-forum-similar]").forEach(setUp);
})();
