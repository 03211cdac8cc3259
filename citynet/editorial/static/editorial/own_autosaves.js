// A manual save is checked against the version its form was loaded from (concurrent_edits.py).
// Wagtail's autosave moves that version on without telling the form's loaded-revision inputs, so
// after an autosave the editor's own save looked like someone else's: keep them in step.
document.addEventListener("w-autosave:success", (event) => {
  const { revision_id: id, revision_created_at: createdAt } = event.detail.data;
  const form = event.target;
  form.querySelectorAll("input[name=loaded_revision_id]").forEach((input) => {
    input.value = id;
  });
  form.querySelectorAll("input[name=loaded_revision_created_at]").forEach((input) => {
    input.value = createdAt;
  });
  autosaveAnswered(event);
});

// A Save pressed while the tab's own autosave is on its way posted the form as it was before
// that autosave: on a new page, a second page with the same slug; on a page, a save on top of a
// version that looked like someone else's (issue 26). Hold the save until the autosave has
// answered (Wagtail then points the form at the page and its revision), and send it once
// (decisions 0263, 0271).
//
// Wagtail 8.0 sends one autosave of a form at a time. An edit made while one is on its way
// (each edit is a `w-unsaved:add` event, the `trigger` of the autosave it asks for) is autosaved
// as soon as that one has answered. So the wait ends only with the answer to the autosave of
// the latest edit: the answer to an earlier one (a new page refused for its missing title, say)
// is followed by another autosave, the one that creates the page.
const latestEdits = new Map(); // form -> its latest w-unsaved:add event
const autosaving = new Set(); // forms with an autosave on its way
const heldSaves = new Map(); // form -> the button whose submission waits

document.addEventListener("w-unsaved:add", (event) => latestEdits.set(event.target, event));

document.addEventListener("w-autosave:save", (event) => {
  // Only once every listener has had the event: a cancelled autosave is not sent.
  queueMicrotask(() => {
    if (!event.defaultPrevented) autosaving.add(event.target);
  });
});

document.addEventListener("w-autosave:error", autosaveAnswered);

// Autosave switched off (a newer version was saved elsewhere): no autosave follows.
document.addEventListener("w-autosave:deactivated", (event) => sendHeldSave(event.target));

document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    if (!autosaving.has(form)) return;
    event.preventDefault();
    // Wagtail's own listeners (the unsaved-changes warning among them) see the submission
    // when it is sent.
    event.stopImmediatePropagation();
    heldSaves.set(form, event.submitter);
  },
  true,
);

function autosaveAnswered(event) {
  const form = event.target;
  const { trigger } = event.detail;
  if (trigger && latestEdits.has(form) && latestEdits.get(form) !== trigger) return;
  sendHeldSave(form);
}

function sendHeldSave(form) {
  autosaving.delete(form);
  if (!heldSaves.has(form)) return;
  let submitter = heldSaves.get(form);
  heldSaves.delete(form);
  // The page is leaving with this save: no autosave after it.
  form.setAttribute("data-w-autosave-active-value", "false");
  if (submitter && !form.contains(submitter)) {
    // Replaced meanwhile (the footer can be redrawn): press the button of the same action.
    submitter = submitter.name
      ? form.querySelector(`button[type=submit][name="${CSS.escape(submitter.name)}"]`)
      : form.querySelector("button[type=submit]:not([name])");
  }
  // Wagtail's progress spinner disabled the button a moment after its click; a disabled
  // button's name (its action: publish, submit) would not be posted.
  if (submitter) submitter.disabled = false;
  form.requestSubmit(submitter || undefined);
}
