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
});
