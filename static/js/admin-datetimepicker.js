// The date picker Wagtail uses (jquery.datetimepicker) builds an apply button labelled in
// English, "Save Selected", and offers no option for the label. Wagtail keeps the button hidden,
// but it is part of the page all the same. The picker is built once per date field, inside the
// field's dialog or form, also for fields added later; this script gives every one the label
// from the site's catalogue (data-label).
(() => {
  const label = document.currentScript.dataset.label;

  const relabel = (root) => {
    for (const button of root.querySelectorAll(".xdsoft_save_selected")) {
      button.textContent = label;
    }
  };

  relabel(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          relabel(node);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
