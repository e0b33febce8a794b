// The desk's "Insert" buttons put a translation-memory match into its text area in place;
// without JavaScript they post the form and the server does the same.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-insert-for]");
  if (!button) return;
  const area = document.getElementById(button.dataset.insertFor);
  if (!area) return;
  event.preventDefault();
  area.value = button.dataset.insertText;
  area.focus();
});
