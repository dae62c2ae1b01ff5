/* Forum editor: shows the server-rendered Markdown preview in place while the member writes.
   Without this script the "Vorschau" button submits the form and the page shows the preview.
   Screen readers hear "Vorschau aktualisiert" when the member asks for the preview with the
   button, and once per visit to the text field for the updates while typing: announcing every
   pause would interrupt the member's own typing echo again and again. */
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUp(editor) {
    var textarea = editor.querySelector("textarea");
    var output = editor.querySelector("[data-forum-preview]");
    var button = editor.querySelector("[data-forum-preview-button]");
    var url = editor.getAttribute("data-preview-url");
    var form = editor.closest("form");
    var status = editor.querySelector("[data-forum-preview-status]");
    if (!textarea || !output || !url || !window.fetch) {
      return;
    }
    var timer = null;
    var lastSent = null;
    var announcedSinceFocus = false;

    function announce(message, requested) {
      if (!status || (announcedSinceFocus && !requested)) {
        return;
      }
      announcedSinceFocus = true;
      // Emptied first so that a screen reader announces a repeated text again.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }

    function update(requested) {
      var text = textarea.value;
      if (text === lastSent) {
        return;
      }
      lastSent = text;
      var data = new FormData();
      data.append("body", text);
      window.fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.text().then(function (body) {
          if (!response.ok) {
            var message = document.createElement("p");
            message.className = "error";
            message.textContent = body;
            output.replaceChildren(message);
            announce(body, requested);
            return;
          }
          // The server returns HTML that went through the allow-list sanitiser.
          output.innerHTML = body;
          announce(status ? status.getAttribute("data-updated") : "", requested);
        });
      }).catch(function () {
        lastSent = null;
      });
    }

    if (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        lastSent = null;
        update(true);
      });
    }
    textarea.addEventListener("focus", function () {
      announcedSinceFocus = false;
    });
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        update(false);
      }, 700);
    });
  }

  document.querySelectorAll("[data-forum-editor]").forEach(setUp);
})();

/* @mention autocomplete, following the ARIA combobox pattern: the textarea is the combobox,
   the suggestions a listbox; arrow keys move the active option (aria-activedescendant), Enter
   or Tab takes it, Escape closes. Suggestions come from the server: members who may read the
   topic (or category) being written in. Without JavaScript members type the name themselves. */
(function () {
  "use strict";

  var TRIGGER = /(^|[^\w@.+-])@([\w.+-]{1,30})$/;
  var counter = 0;

  function setUp(editor) {
    var textarea = editor.querySelector("textarea");
    var baseUrl = editor.getAttribute("data-mention-url");
    if (!textarea || !baseUrl || !window.fetch) {
      return;
    }
    counter += 1;
    var listId = "mention-list-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    // The texts come from the template, translated there.
    function text(name, fallback) {
      return editor.getAttribute("data-mention-" + name) || fallback;
    }
    list.setAttribute("aria-label", text("label", "Mention members"));
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    textarea.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    textarea.setAttribute("role", "combobox");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-expanded", "false");
    textarea.setAttribute("aria-controls", listId);
    var help = editor.querySelector(".forum-editor__mention-help");
    if (help) {
      var described = textarea.getAttribute("aria-describedby");
      textarea.setAttribute("aria-describedby", (described ? described + " " : "") + help.id);
    }

    var options = [];
    var active = -1;
    var token = null; // {start, end} of "@name" in the text
    var timer = null;
    var requestNumber = 0;

    function categoryParameter() {
      var select = textarea.form && textarea.form.querySelector("select[name=category]");
      return select && select.value ? "kategorie=" + encodeURIComponent(select.value) : "";
    }

    function url(query) {
      var parameters = [];
      if (baseUrl.indexOf("thema=") === -1) {
        var category = categoryParameter();
        if (category) {
          parameters.push(category);
        }
      }
      parameters.push("q=" + encodeURIComponent(query));
      return baseUrl + (baseUrl.indexOf("?") === -1 ? "?" : "&") + parameters.join("&");
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      options = [];
      active = -1;
      token = null;
      textarea.setAttribute("aria-expanded", "false");
      textarea.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        textarea.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      if (!token || index < 0 || index >= options.length) {
        return;
      }
      var username = options[index].getAttribute("data-username");
      var value = textarea.value;
      var insert = "@" + username + " ";
      textarea.value = value.slice(0, token.start) + insert + value.slice(token.end);
      var caret = token.start + insert.length;
      textarea.setSelectionRange(caret, caret);
      status.textContent = text("chosen", "{name} mentioned.").replace("{name}", username);
      close();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function show(results) {
      list.replaceChildren();
      options = results.map(function (member, position) {
        var option = document.createElement("li");
        option.id = listId + "-" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-username", member.username);
        var name = document.createElement("span");
        name.className = "mention-list__name";
        name.textContent = member.name;
        var detail = document.createElement("span");
        detail.className = "mention-list__detail";
        detail.textContent = "@" + member.username + (member.organisation ? " · " + member.organisation : "");
        option.append(name, " ", detail);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the textarea
          choose(position);
        });
        list.append(option);
        return option;
      });
      if (!options.length) {
        status.textContent = text("none", "No matching members.");
        close();
        return;
      }
      list.hidden = false;
      textarea.setAttribute("aria-expanded", "true");
      setActive(0);
      status.textContent = (options.length === 1 ? text("one", "1 suggestion.") : text("many", "{n} suggestions.")).replace("{n}", options.length);
    }

    function lookUp() {
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret);
      var match = TRIGGER.exec(before);
      if (!match || textarea.selectionEnd !== caret) {
        close();
        return;
      }
      var query = match[2];
      var found = { start: caret - query.length - 1, end: caret };
      requestNumber += 1;
      var mine = requestNumber;
      window.fetch(url(query), {
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.ok ? response.json() : { results: [] };
      }).then(function (data) {
        if (mine !== requestNumber) {
          return; // an answer to an older keystroke
        }
        token = found;
        show(data.results || []);
      }).catch(close);
    }

    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 200);
    });
    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !options.length) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setActive((active + 1) % options.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        if (active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    textarea.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  document.querySelectorAll("[data-forum-editor]").forEach(setUp);
})();
