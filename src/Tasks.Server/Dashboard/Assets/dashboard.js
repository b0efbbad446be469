// Live updates: every two seconds, fetch this page again and swap in the elements marked data-live (matched by id).
// Forms and everything else stay as they are; a page with nothing live (a finished run) is not polled.
(function () {
  "use strict";
  var interval = 2000;

  function live() { return document.querySelectorAll("[data-live][id]"); }

  async function refresh() {
    if (document.hidden || live().length === 0) { return; }
    var response = await fetch(location.href, { headers: { "X-Dashboard-Live": "1" }, credentials: "same-origin", cache: "no-store" });
    if (response.status === 401) { location.reload(); return; }
    if (!response.ok) { return; }
    var next = new DOMParser().parseFromString(await response.text(), "text/html");
    live().forEach(function (current) {
      var replacement = next.getElementById(current.id);
      if (replacement && replacement.outerHTML !== current.outerHTML) {
        current.replaceWith(document.importNode(replacement, true));
      }
    });
  }

  function loop() {
    refresh().catch(function () { /* a failed poll is retried on the next tick */ }).finally(function () { setTimeout(loop, interval); });
  }

  setTimeout(loop, interval);
})();
