// Poll a pending job or batch and reload when it is done; show that an upload is under way.
(function () {
  "use strict";
  var poll = document.body.getAttribute("data-poll");
  if (poll) {
    var check = function () {
      fetch(poll, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.json(); })
        .then(function (s) { if (s.state !== "queued") { location.reload(); } else { setTimeout(check, 500); } })
        .catch(function () { setTimeout(check, 2000); });
    };
    setTimeout(check, 300);
  }
  document.querySelectorAll("form.upload").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button");
      if (button) { button.disabled = true; button.textContent = "正在上传……"; }
    });
  });
})();
