// Fills in the comment form's personal parts, which the cached article page must not contain:
// the signed form token (fetched from an uncached URL) and who is signed in. Also wires the
// "Reply" buttons to the form's hidden parent field.
(function () {
  const script = document.currentScript;
  const form = document.getElementById("comment-form");
  if (!form || !script) return;
  fetch(script.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" })
    .then((response) => response.json())
    .then((data) => {
      form.elements.token.value = data.token;
      if (data.signed_in) {
        for (const name of ["author_name", "author_email"]) {
          form.querySelector(".field--" + name).hidden = true;
        }
        const signedIn = form.querySelector(".reader-comment-form__signed-in");
        signedIn.querySelector("span").textContent = data.name;
        signedIn.hidden = false;
      }
    });
  const replying = form.querySelector(".reader-comment-form__replying");
  document.querySelectorAll("[data-reply-to]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      form.elements.parent.value = button.dataset.replyTo;
      replying.querySelector("span").textContent = button.dataset.replyName;
      replying.hidden = false;
      form.elements.text.focus();
    });
  });
  form.querySelector("[data-cancel-reply]").addEventListener("click", () => {
    form.elements.parent.value = "";
    replying.hidden = true;
  });
})();
