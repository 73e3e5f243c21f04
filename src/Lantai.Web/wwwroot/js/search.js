// Search pages: changing the order re-runs the search at once (the form works without this, through its button).
document.querySelectorAll("select[data-autosubmit]").forEach(select => {
  select.addEventListener("change", () => select.form.requestSubmit());
});
// On a phone the facets start folded, so the hits come first; a tap on 筛选 opens them.
if (window.matchMedia("(max-width: 800px)").matches) {
  document.querySelectorAll("details.facet-panel").forEach(panel => { panel.open = false; });
}
