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
  sendHeldSave(form);
});

// A Save pressed while the tab's own autosave is on its way posted the form as it was before
// that autosave: on a new page, a second page with the same slug; on a page, a save on top of a
// version that looked like someone else's (issue 26). Hold the save until the autosave has
// answered (Wagtail then points the form at the page and its revision), and send it once.
let autosaving = null; // the form whose autosave is on its way
let heldSave = null;

document.addEventListener("w-autosave:save", (event) => {
  // Only once every listener has had the event: a cancelled autosave is not sent.
  queueMicrotask(() => {
    if (!event.defaultPrevented) autosaving = event.target;
  });
});

document.addEventListener("w-autosave:error", (event) => sendHeldSave(event.target));

document.addEventListener(
  "submit",
  (event) => {
    if (event.target !== autosaving) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    heldSave = { submitter: event.submitter };
  },
  true,
);

function sendHeldSave(form) {
  autosaving = null;
  if (heldSave === null) return;
  const { submitter } = heldSave;
  heldSave = null;
  // The page is leaving with this save: no autosave after it.
  form.setAttribute("data-w-autosave-active-value", "false");
  // Wagtail disabled the button on its click; a disabled button's name would not be posted.
  if (submitter) submitter.disabled = false;
  form.requestSubmit(submitter);
}
