// Fills in the comment form's personal parts, which the cached article page must not contain:
// the signed form token (fetched from an uncached URL), who is signed in, and the accounts a
// reader may sign in with. Also wires the
// "Reply" buttons to the form's hidden parent field.
(function () {
  const script = document.currentScript;
  const form = document.getElementById("comment-form");
  if (!form || !script) return;
  fetch(script.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" })
    .then((response) => response.json())
    .then((data) => {
      form.elements.token.value = data.token;
      // Sign-in pages come back here, to the form.
      const next = "?next=" + encodeURIComponent(location.pathname + "#comment-form");
      if (data.signed_in) {
        for (const name of ["author_name", "author_email"]) {
          form.querySelector(".field--" + name).hidden = true;
        }
        const signedIn = form.querySelector(".reader-comment-form__signed-in");
        signedIn.querySelector("strong").textContent = data.name;
        signedIn.querySelector("[data-log-out]").href = data.log_out_url + next;
        signedIn.querySelector("[data-change]").href = data.change_url + next;
        signedIn.hidden = false;
      } else if (data.providers.length) {
        const providers = form.querySelector(".reader-comment-form__providers");
        const list = providers.querySelector("span");
        data.providers.forEach((provider, index) => {
          const link = document.createElement("a");
          link.href = provider.url + next;
          link.textContent = provider.name;
          if (index) list.append(", ");
          list.append(link);
        });
        providers.hidden = false;
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
