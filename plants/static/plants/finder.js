// Progressive enhancement for the plant finder: the form works without it.
// Loaded right after the filters, not deferred (templates/plants/finder.html): the form and
// its filters are parsed by then, and the results are not drawn yet.
(function () {
  "use strict";
  var form = document.getElementById("finder-form");
  if (!form) return;
  var filters = document.getElementById("filters");
  // On narrow screens, start with the filter panel folded so results come first.
  if (filters && window.matchMedia("(max-width: 59.99rem)").matches && !form.querySelector(".field-error")) {
    filters.open = false;
  }
  // Apply a checkbox filter at once rather than waiting for the button.
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") form.submit();
  });
})();
