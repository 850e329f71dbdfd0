// Checks a form in the browser before it is sent, with the rules and the Chinese messages that the server's
// validators wrote into the page (data-val-* attributes, FluentValidation.AspNetCore's client adapters). The
// server checks everything again: this only saves a round trip. Without JavaScript the forms work the same.
// Library: aspnet-client-validation (js/vendor/aspnet-validation.min.js, MIT, see the README's package list).
(function () {
  "use strict";
  if (!window.aspnetValidation) {
    return;
  }

  var service = new window.aspnetValidation.ValidationService();

  // ASP.NET Core marks decimal fields with data-val-number; the library has no such rule. A number field the browser
  // cannot read ("abc", "1e") reports badInput and an empty value.
  service.addProvider("number", function (value, element) {
    if (element.validity && element.validity.badInput) {
      return false;
    }
    return !value || /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(value);
  });

  service.bootstrap({ watch: false });
})();
