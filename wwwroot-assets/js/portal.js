// Progressive enhancement only: every form works without this file.
(function () {
  "use strict";
  // Prevent accidental double submission: disable the clicked button once a form is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.submitted === "true") {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "true";
    var buttons = form.querySelectorAll("button[type=submit], input[type=submit]");
    buttons.forEach(function (b) { b.setAttribute("disabled", "disabled"); b.setAttribute("aria-busy", "true"); });
    // A submit button's own name/value must still be posted.
    if (event.submitter && event.submitter.name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = event.submitter.name;
      hidden.value = event.submitter.value;
      form.appendChild(hidden);
    }
  });
})();
