// Wait for a pending job or batch (the status request returns when it ends, or after a
// while) and reload when it is done; show that an upload is under way.
(function () {
  "use strict";
  var poll = document.body.getAttribute("data-poll");
  if (poll) {
    var check = function () {
      fetch(poll + "?wait=1", { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.json(); })
        .then(function (s) { if (s.state !== "queued") { location.reload(); } else { setTimeout(check, 100); } })
        .catch(function () { setTimeout(check, 2000); });
    };
    check();
  }
  document.querySelectorAll("form.upload").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button");
      if (button) { button.disabled = true; button.textContent = "正在上传……"; }
    });
  });
})();
