// tanu reader: transcript lines seek the recording, and the line being
// played is marked while it plays. The pages work without this script.
(function () {
  "use strict";
  var printButton = document.getElementById("print");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  // A passage chosen by `?at=` (no #fragment to scroll to) is shown too.
  var chosen = document.querySelector(".seg.selected");
  if (chosen && !window.location.hash) {
    chosen.scrollIntoView({ block: "start" });
  }
  // "/" jumps to the search box, as on most search sites.
  document.addEventListener("keydown", function (e) {
    var box = document.getElementById("q");
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (box && e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });
  var player = document.getElementById("player");
  if (!player) { return; }
  var segs = Array.prototype.slice.call(document.querySelectorAll(".seg[data-t]"));
  var buttons = document.querySelectorAll("button.play[data-t]");
  Array.prototype.forEach.call(buttons, function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var t = parseFloat(b.getAttribute("data-t"));
      if (!isNaN(t)) {
        player.currentTime = t;
        player.play();
      }
    });
  });
  var current = null;
  player.addEventListener("timeupdate", function () {
    var now = player.currentTime, found = null;
    for (var i = 0; i < segs.length; i++) {
      if (parseFloat(segs[i].getAttribute("data-t")) <= now) { found = segs[i]; } else { break; }
    }
    if (found !== current) {
      if (current) { current.classList.remove("playing"); }
      if (found) {
        found.classList.add("playing");
        if (!player.paused) { found.scrollIntoView({ block: "nearest" }); }
      }
      current = found;
    }
  });
})();
