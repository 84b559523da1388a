// Remembers the visitor's ZIP code in their own browser (localStorage), never on the site:
// a ZIP code field marked data-remember-zip is filled in on a fresh page, and what the
// visitor submits is kept for next time (an emptied field forgets it). Forms work without it.
(function () {
  "use strict";
  var KEY = "nativeplants.zip";
  var FIVE_DIGITS = /^[0-9]{5}$/;
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(KEY);
  } catch (error) {
    return; // storage turned off: nothing to remember with
  }
  var fields = document.querySelectorAll("input[data-remember-zip]");
  var stored = storage.getItem(KEY);
  Array.prototype.forEach.call(fields, function (field) {
    // Only on a page the visitor has not filtered yet: a ZIP code they removed stays removed.
    if (stored && FIVE_DIGITS.test(stored) && !field.value && !window.location.search) {
      field.value = stored;
    }
    if (field.form) {
      field.form.addEventListener("submit", function () {
        var value = field.value.trim();
        if (FIVE_DIGITS.test(value)) storage.setItem(KEY, value);
        else if (!value) storage.removeItem(KEY);
      });
    }
  });
})();
