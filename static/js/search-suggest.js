/* Suggestions while typing in the search boxes, following the ARIA 1.2 combobox pattern
   ("list autocomplete", https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the input is the
   combobox, the suggestions a listbox below it. ArrowDown/ArrowUp move the highlighted option
   (aria-activedescendant, the focus stays in the input), Enter takes it (a title opens its
   page, a term or frequent search is searched for), Escape closes the list and a second Escape
   clears the box, Tab leaves. Without JavaScript the boxes are plain search inputs. */
(function () {
  "use strict";

  var DELAY = 250; // ms after the last keystroke; earlier answers would be outdated anyway
  var MIN_LENGTH = 2;
  var counter = 0;

  function setUp(input) {
    var url = input.getAttribute("data-suggest-url");
    var form = input.form;
    if (!url || !form || !window.fetch || !window.AbortController) {
      return;
    }
    counter += 1;
    var listId = "search-suggest-" + counter;
    // The texts come from the template, translated there.
    function text(name, fallback) {
      return input.getAttribute("data-suggest-" + name) || fallback;
    }

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", text("label", "Search suggestions"));
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    input.parentNode.classList.add("suggest-host");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    // The browser's own list of earlier entries would cover ours.
    input.setAttribute("autocomplete", "off");

    var options = [];
    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;

    function isOpen() {
      return !list.hidden;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      setActive(-1);
    }

    function open() {
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function forget() {
      window.clearTimeout(timer);
      if (pending) {
        pending.abort();
        pending = null;
      }
      close();
      list.replaceChildren();
      options = [];
      items = [];
      status.textContent = "";
    }

    function setActive(index) {
      options.forEach(function (option, position) {
        if (position === index) {
          option.setAttribute("aria-selected", "true");
        } else {
          option.removeAttribute("aria-selected");
        }
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function take(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      if (item.kind === "title") {
        close();
        window.location.assign(item.url);
        return;
      }
      input.value = item.label;
      forget();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    function show(found) {
      list.replaceChildren();
      items = found;
      options = found.map(function (item, position) {
        var option = document.createElement("li");
        option.id = listId + "-" + position;
        option.className = "suggest-list__option suggest-list__option--" + item.kind;
        option.setAttribute("role", "option");
        var label = document.createElement("span");
        label.className = "suggest-list__label";
        label.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "suggest-list__kind";
        kind.textContent = text("kind-" + item.kind, "");
        option.append(label, " ", kind);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // the focus stays in the input
        });
        option.addEventListener("click", function () {
          take(position);
        });
        list.append(option);
        return option;
      });
      setActive(-1);
      if (options.length) {
        open();
        status.textContent = (
          options.length === 1 ? text("one", "1 suggestion available") : text("many", "{n} suggestions available")
        ).replace("{n}", options.length);
      } else {
        close();
        status.textContent = "";
      }
    }

    function lookUp() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        forget();
        return;
      }
      if (pending) {
        pending.abort();
      }
      var controller = new window.AbortController();
      pending = controller;
      var separator = url.indexOf("?") === -1 ? "?" : "&";
      window.fetch(url + separator + "q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
        signal: controller.signal
      }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (data) {
        if (pending !== controller || document.activeElement !== input) {
          return; // outdated, or the visitor has moved on
        }
        pending = null;
        show(data.suggestions || []);
      }).catch(function (error) {
        if (error.name !== "AbortError" && pending === controller) {
          pending = null;
          forget();
        }
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (input.value.trim().length < MIN_LENGTH) {
        forget();
        return;
      }
      timer = window.setTimeout(lookUp, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
        return;
      }
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          open();
          setActive(active + 1 < options.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          open();
          setActive(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            take(active);
          } else {
            forget(); // a plain search: no late answer may open the list over the next page
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            forget();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
