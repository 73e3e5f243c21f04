// Catalogue forms: the org-unit field suggests the org units of the fonds chosen (one <datalist> per fonds).
// Without script the field still works; it suggests the first fonds' units and accepts any code.
document.querySelectorAll("select[data-orgunit-target]").forEach(function (select) {
  var target = document.getElementById(select.getAttribute("data-orgunit-target"));
  if (!target) {
    return;
  }
  function follow() {
    target.setAttribute("list", "orgunits-" + select.value);
  }
  select.addEventListener("change", follow);
  follow();
});
