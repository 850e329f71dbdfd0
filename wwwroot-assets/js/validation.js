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

  // A range whose bounds come from two rules (至少… / 超过…) carries each bound's own message (BoundClientRule.cs):
  // the one that was broken is shown, not always the first.
  service.addProvider("range", function (value, element, params) {
    if (!value) {
      return true;
    }
    var number = parseFloat(value);
    if (isNaN(number)) {
      return false;
    }
    if (params.min && number < parseFloat(params.min)) {
      return params.below || false;
    }
    if (params.max && number > parseFloat(params.max)) {
      return params.above || false;
    }
    return true;
  });

  service.bootstrap({ watch: false });
})();
