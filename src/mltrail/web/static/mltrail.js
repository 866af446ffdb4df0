// mltrail's own page script: the CSRF header on every htmx request, the editor, small niceties.
(function () {
  "use strict";
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrf();
  });
  // A refused request (4xx/5xx) still shows its message in the target instead of nothing.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      var type = event.detail.xhr.getResponseHeader("content-type") || "";
      if (type.indexOf("application/json") === 0) {
        try {
          var data = JSON.parse(event.detail.xhr.responseText);
          var box = document.createElement("div");
          box.className = "verdict error";
          box.setAttribute("role", "alert");
          box.textContent = data.detail || data.error || ("The server answered " + status);
          event.detail.serverResponse = box.outerHTML;
        } catch (e) { /* keep the response as it is */ }
      }
    }
  });
  document.addEventListener("htmx:sendError", function () {
    var target = document.getElementById("verdict");
    if (target) { target.textContent = "The server could not be reached. Is `mltrail serve` still running?"; }
  });
})();
