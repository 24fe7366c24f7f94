// tanu curation: keyboard shortcuts in the review queue, and redaction by
// selecting text in the transcript. The pages work without this script.
(function () {
  "use strict";
  // Review queue: j/k move between suggestions, c confirms, r rejects.
  var items = Array.prototype.slice.call(document.querySelectorAll("ol.items > li.item:not(.hint)"));
  if (items.length) {
    var keys = document.getElementById("keys");
    if (keys) { keys.hidden = false; }
    var at = 0;
    var byHash = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (byHash && items.indexOf(byHash) >= 0) { at = items.indexOf(byHash); }
    var focus = function (i) {
      if (i < 0 || i >= items.length) { return; }
      items[at].classList.remove("current");
      at = i;
      items[at].classList.add("current");
      items[at].focus();
    };
    items[at].classList.add("current");
    if (byHash) { items[at].focus(); }
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      var button = null;
      if (e.key === "j") { focus(at + 1); } else if (e.key === "k") { focus(at - 1); } else if (e.key === "c") { button = items[at].querySelector("button.confirm"); } else if (e.key === "r") { button = items[at].querySelector("button.reject"); } else { return; }
      e.preventDefault();
      if (button) { button.click(); }
    });
  }

  // Redaction: a selection inside one passage becomes the exact character
  // offsets of that passage (counted in Unicode code points, as the
  // library counts characters).
  var form = document.getElementById("redact-form");
  if (!form) { return; }
  var ord = document.getElementById("rd-ord");
  var text = document.getElementById("rd-text");
  var start = document.getElementById("rd-start");
  var end = document.getElementById("rd-end");
  var chars = function (s) { return Array.from(s).length; };
  var passageOf = function (node) {
    while (node && !(node.nodeType === 1 && node.classList.contains("text") && node.hasAttribute("data-ordinal"))) { node = node.parentNode; }
    return node;
  };
  var picked = null;
  document.addEventListener("mouseup", function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    var range = sel.getRangeAt(0);
    var p = passageOf(range.startContainer);
    if (!p || p !== passageOf(range.endContainer)) { return; }
    var before = document.createRange();
    before.selectNodeContents(p);
    before.setEnd(range.startContainer, range.startOffset);
    var chosen = range.toString();
    if (!chosen.trim()) { return; }
    var s = chars(before.toString());
    ord.value = p.getAttribute("data-ordinal");
    text.value = chosen;
    start.value = String(s);
    end.value = String(s + chars(chosen));
    if (picked) { picked.classList.remove("redact-picked"); }
    picked = p;
    p.classList.add("redact-picked");
    // The form comes to the selection: it floats at the bottom of the
    // window until it is sent or closed.
    form.classList.add("floating");
    // Room below the transcript, so that the form never hides the chosen
    // passage (the last ones included).
    document.body.style.paddingBottom = form.offsetHeight + "px";
    var over = p.getBoundingClientRect().bottom - form.getBoundingClientRect().top;
    if (over > 0) { window.scrollBy(0, over + 8); }
    document.getElementById("rd-reason").focus({ preventScroll: true });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && form.classList.contains("floating")) {
      form.classList.remove("floating");
      document.body.style.paddingBottom = "";
      if (picked) { picked.classList.remove("redact-picked"); }
    }
  });
  // Typing in the fields means the typed text counts, not an old selection.
  var forget = function () { start.value = ""; end.value = ""; };
  ord.addEventListener("input", forget);
  text.addEventListener("input", forget);
})();
