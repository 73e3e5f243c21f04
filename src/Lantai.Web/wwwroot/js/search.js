// Search pages: changing the order re-runs the search at once (the form works without this, through its button).
document.querySelectorAll("select[data-autosubmit]").forEach(select => {
  select.addEventListener("change", () => select.form.requestSubmit());
});
