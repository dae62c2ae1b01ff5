// Narrows long checkbox lists (Jobcenters, Länder, taxonomy terms) as the editor types, and says
// what a derived choice will replace. Without this script the widget is a plain list of
// checkboxes; the filter box only appears once it runs. Widgets that enter the page later
// (Wagtail's editor swaps parts of the form after an autosave, inline panels add rows) are
// connected when they arrive.
(() => {
  "use strict";

  const WIDGET = "[data-searchable-checkboxes]";
  const ANNOUNCE_DELAY_MS = 400;
  const connected = new WeakSet();

  const withoutMarks = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  // Both spellings of an umlaut count: "muen", "mün" and "mun" all find "München".
  const spellings = (text) => {
    const base = text.toLocaleLowerCase("de").replace(/ß/g, "ss");
    const expanded = base.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
    return [withoutMarks(expanded), withoutMarks(base)];
  };
  const format = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (whole, key) => (key in values ? String(values[key]) : whole));

  function connectDerivation(root, notice, options) {
    const scope = root.closest("form") || document;
    const mapping = JSON.parse(notice.dataset.mapping || "{}");
    const ownName = options.length ? options[0].checkbox.name : "";
    const labels = new Map(options.map((option) => [option.checkbox.value, option.label]));
    const inputsNamed = (name) =>
      name ? Array.from(scope.querySelectorAll(`input[name="${CSS.escape(name)}"]`)) : [];
    const names = (values) =>
      Array.from(values, (value) => labels.get(value))
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, "de"))
        .join(", ");

    const update = () => {
      const handedBack = inputsNamed(notice.dataset.unless).some((input) => input.checked);
      const chosen = new Set(
        options.filter((option) => option.checkbox.checked).map((option) => option.checkbox.value),
      );
      const derived = new Set(
        inputsNamed(notice.dataset.source)
          .filter((input) => input.checked && input.value in mapping)
          .map((input) => mapping[input.value]),
      );
      const differs = chosen.size !== derived.size || [...chosen].some((v) => !derived.has(v));
      const text =
        !handedBack && chosen.size && differs
          ? format(notice.dataset.message, {
              derived: names(derived) || notice.dataset.nothing,
              chosen: names(chosen),
            })
          : "";
      if (notice.textContent === text) return;
      if (!text) {
        notice.replaceChildren();
        return;
      }
      const paragraph = document.createElement("p");
      paragraph.className = "searchable-checkboxes__notice";
      paragraph.textContent = text;
      notice.replaceChildren(paragraph);
    };

    const onChange = (event) => {
      if (!root.isConnected) {
        scope.removeEventListener("change", onChange);
        return;
      }
      const name = event.target && event.target.name;
      if (name && [notice.dataset.source, notice.dataset.unless, ownName].includes(name)) {
        update();
      }
    };
    scope.addEventListener("change", onChange);
    update();
  }

  function connectWidget(root) {
    if (connected.has(root)) return;
    connected.add(root);

    const filterBox = root.querySelector("[data-filter]");
    const input = filterBox.querySelector("input[type=search]");
    const status = root.querySelector("[data-status]");
    const list = root.querySelector("[data-options]");
    const options = Array.from(list.querySelectorAll("li"), (item) => {
      const checkbox = item.querySelector("input[type=checkbox]");
      const label = (item.querySelector("label") || checkbox).textContent.trim();
      return { item, checkbox, label, spellings: spellings(label) };
    });
    let announceTimer = null;

    const queryTerms = () => input.value.trim().split(/\s+/).filter(Boolean).map(spellings);
    const fits = (option, terms) =>
      terms.every(
        ([expanded, bare]) =>
          option.spellings[0].includes(expanded) || option.spellings[1].includes(bare),
      );
    const visibleBoxes = () =>
      options.filter((option) => !option.item.hidden).map((option) => option.checkbox);

    const statusText = () => {
      const terms = queryTerms();
      const total = options.length;
      const selected = options.filter((option) => option.checkbox.checked).length;
      if (!terms.length) return format(root.dataset.statusAll, { total, selected });
      const matches = options.filter((option) => fits(option, terms)).length;
      return format(root.dataset.statusFiltered, { matches, total, selected });
    };
    // Screen readers hear the count once typing pauses, not after every letter.
    const announce = (delay) => {
      window.clearTimeout(announceTimer);
      const write = () => {
        const text = statusText();
        if (status.textContent !== text) status.textContent = text;
      };
      if (delay) announceTimer = window.setTimeout(write, delay);
      else write();
    };
    const applyFilter = () => {
      const terms = queryTerms();
      for (const option of options) {
        // A ticked entry stays in view: the filter never hides what has been chosen.
        option.item.hidden = !(option.checkbox.checked || fits(option, terms));
      }
    };

    input.addEventListener("input", () => {
      applyFilter();
      announce(ANNOUNCE_DELAY_MS);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        // Enter in a text box would submit the whole page form.
        event.preventDefault();
      } else if (event.key === "ArrowDown") {
        const first = visibleBoxes()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === "Escape" && input.value) {
        event.preventDefault();
        input.value = "";
        applyFilter();
        announce(0);
      }
    });
    list.addEventListener("keydown", (event) => {
      const boxes = visibleBoxes();
      const position = boxes.indexOf(event.target);
      if (position < 0) return;
      const moves = {
        ArrowDown: () => boxes[position + 1],
        ArrowUp: () => (position === 0 ? input : boxes[position - 1]),
        Home: () => boxes[0],
        End: () => boxes[boxes.length - 1],
      };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const target = moves[event.key]();
      if (target) target.focus();
    });
    // Unticking does not re-filter at once, so the entry under the keyboard focus stays put.
    list.addEventListener("change", () => announce(0));

    applyFilter();
    announce(0);
    filterBox.hidden = false;

    const notice = root.querySelector("[data-derivation]");
    if (notice) connectDerivation(root, notice, options);
  }

  const connectWithin = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(WIDGET)) connectWidget(node);
    node.querySelectorAll(WIDGET).forEach(connectWidget);
  };

  const start = () => {
    connectWithin(document.documentElement);
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(connectWithin);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
