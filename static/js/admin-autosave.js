// Wagtail's editor marks a publish or a review step by adding hidden fields to the edit form
// just before it submits. The unsaved-changes check sees those fields as an edit and autosaves
// the same form in the background, which would run the step a second time, racing the real
// submission. An autosave only ever saves a draft; the submission itself carries the step.
// The step fields come from the server (cms.review.STEP_FIELDS), on this script's element.
(() => {
  const STEP_FIELDS = JSON.parse(document.currentScript.dataset.stepFields);

  document.addEventListener("w-autosave:save", (event) => {
    const formData = event.detail && event.detail.formData;
    if (formData && STEP_FIELDS.some((name) => formData.has(name))) {
      event.preventDefault();
    }
  });
})();
