// The language menu is a <details> disclosure that works without this file; this only closes
// it on Escape (returning focus to its button) and on a click elsewhere, as menus are expected to.
document.addEventListener("keydown", (event) => {
  const menu = document.querySelector(".language-menu[open]");
  if (event.key === "Escape" && menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
document.addEventListener("click", (event) => {
  const menu = document.querySelector(".language-menu[open]");
  if (menu && !menu.contains(event.target)) menu.open = false;
});
