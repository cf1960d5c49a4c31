// The scenarios page's filters: by profile and by verdict. A row shows when the chosen
// profile runs the scenario (any profile, when none is chosen) with the chosen verdict.
// Without script every row shows.
// The choice is kept in the address (?profile=kvm&verdict=fails) so a filtered view can be linked.
"use strict";
(function () {
  var form = document.querySelector(".scenario-filters");
  if (!form) return;
  var profile = form.elements.profile;
  var verdict = form.elements.verdict;
  var status = document.getElementById("filter-status");
  var empty = document.getElementById("filter-empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".scenario-index tbody tr"));

  function choose(select, value) {
    if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = Array.prototype.some.call(row.querySelectorAll("td[data-profile]:not(.not-run)"), function (cell) {
        return (!profile.value || cell.dataset.profile === profile.value) &&
               (!verdict.value || cell.classList.contains(verdict.value));
      });
      row.hidden = !match;
      if (match) shown++;
    });
    status.textContent = shown + " of " + rows.length + " shown";
    empty.hidden = shown > 0;
  }

  function remember() {
    var params = new URLSearchParams();
    if (profile.value) params.set("profile", profile.value);
    if (verdict.value) params.set("verdict", verdict.value);
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  var initial = new URLSearchParams(location.search);
  choose(profile, initial.get("profile") || "");
  choose(verdict, initial.get("verdict") || "");
  form.addEventListener("change", function () { apply(); remember(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
