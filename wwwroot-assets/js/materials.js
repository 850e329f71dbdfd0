// Progressive enhancement of the material uploads: every form works without this file (the server checks everything).
(function () {
  "use strict";
  if (window.portalMaterials) { return; }
  window.portalMaterials = true;
  // The browser's own file button speaks the browser's language ("Choose Files"): with this script the label is the
  // button (the input covers it, invisible) and the chosen files are listed in Chinese below; without it the browser's
  // control shows.
  document.documentElement.classList.add("files-enhanced");

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  // Says which files were chosen, and stops a file over the size limit before it is sent (the server refuses it too).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") { return; }
    var box = input.closest(".file-inputs");
    if (!box) { return; }
    var max = Number(box.dataset.maxBytes || 0);
    var output = box.querySelector(".file-chosen");
    var names = [];
    var tooLarge = [];
    Array.prototype.forEach.call(box.querySelectorAll("input[type=file]"), function (each) {
      Array.prototype.forEach.call(each.files || [], function (file) {
        names.push(file.name + "（" + megabytes(file.size) + "）");
        if (max > 0 && file.size > max) { tooLarge.push(file.name); }
      });
    });
    if (tooLarge.length > 0) {
      input.value = "";
      if (output) {
        output.textContent = "“" + tooLarge.join("”、“") + "”超过单个文件 " + megabytes(max) + " 的上限，请压缩或分页后上传。";
        output.classList.add("file-too-large");
      }
      return;
    }
    if (output) {
      output.classList.remove("file-too-large");
      output.textContent = names.length > 0 ? "已选择：" + names.join("、") : "";
    }
  });

  // On an application form: lines that belong to a scope entry, sub-item or utility that is not ticked are dimmed.
  var tickBoxes = "input[name='Data.ScopeCodes']:checked, input[name='Data.SynchronousItems']:checked, input[name='Data.Utilities']:checked";
  function refreshApply() {
    var form = document.querySelector("[data-testid=establishment-form], [data-testid=connection-form]");
    if (!form) { return; }
    var ticked = {};
    Array.prototype.forEach.call(form.querySelectorAll(tickBoxes), function (box) { ticked[box.value] = true; });
    Array.prototype.forEach.call(form.querySelectorAll("[data-testid^=apply-material-]"), function (line) {
      var codes = ((line.dataset.scopes || "") + " " + (line.dataset.subitems || "") + " " + (line.dataset.utilities || "")).trim();
      if (!codes) { return; }
      var applies = codes.split(/\s+/).some(function (code) { return ticked[code]; });
      line.classList.toggle("muted", !applies);
      line.setAttribute("data-applies", applies ? "true" : "false");
    });
  }
  document.addEventListener("change", function (event) {
    var name = event.target instanceof HTMLInputElement ? event.target.name : "";
    if (name === "Data.ScopeCodes" || name === "Data.SynchronousItems" || name === "Data.Utilities") { refreshApply(); }
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", refreshApply); } else { refreshApply(); }
})();
