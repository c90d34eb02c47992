// Shows or hides the lines cleaning removed from the page, each with its reason.
"use strict";
(function () {
  var toggle = document.getElementById("show-removed");
  if (!toggle) return;
  toggle.addEventListener("change", function () {
    document.querySelectorAll("#article-body .removed").forEach(function (el) {
      el.hidden = !toggle.checked;
    });
  });
})();
