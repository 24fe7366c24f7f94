// tanu job page: polls the job's JSON while it runs and moves the progress
// bars; when it ends the page reloads with every outcome. Without this
// script the page has a reload link.
(function () {
  "use strict";
  var main = document.querySelector("main[data-job]");
  if (!main || !main.getAttribute("data-running") || !window.fetch) { return; }
  var id = main.getAttribute("data-job");
  var reload = document.getElementById("reload");
  if (reload) { reload.hidden = true; }
  var overall = document.getElementById("overall");
  var text = document.getElementById("overall-text");
  var rows = {};
  Array.prototype.forEach.call(document.querySelectorAll("tr[data-path]"), function (tr) {
    rows[tr.getAttribute("data-path")] = tr;
  });
  function tick() {
    fetch("/curate/jobs/" + id + ".json", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j) { return; }
        overall.max = j.summary.total || 1;
        overall.value = j.summary.done;
        text.textContent = j.summary.done + "/" + j.summary.total;
        ["ingested", "unchanged", "updated", "moved", "failed"].forEach(function (k) {
          var n = document.getElementById("n-" + k);
          if (n) { n.textContent = j.summary[k]; }
        });
        j.job.files.forEach(function (f) {
          var tr = rows[f.path];
          if (!tr || f.outcomes.length === 0) { return; }
          var p = tr.querySelector("progress");
          if (p) { p.value = 1; }
          var w = tr.querySelector(".waiting");
          if (w) {
            w.className = "o-" + f.outcomes[0].outcome;
            w.textContent = f.outcomes.map(function (o) {
              return (main.getAttribute("data-l-" + o.outcome) || o.outcome) + (o.id ? " " + o.id : "");
            }).join(", ");
          }
        });
        if (j.state !== "queued" && j.state !== "running") {
          window.location.reload();
        } else {
          window.setTimeout(tick, 1000);
        }
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  }
  window.setTimeout(tick, 500);
})();
