// tanu upload page: drag and drop files or folders onto the form, and see
// each file's upload progress. Without this script the form posts itself.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var drop = document.getElementById("drop");
  if (!form || !drop || !window.FormData || !window.XMLHttpRequest) { return; }
  var list = document.getElementById("chosen");
  var bar = document.getElementById("upload-progress");
  var dropped = []; // [{file, path}]

  function row(path, size) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.textContent = path + " (" + size + " B)";
    var p = document.createElement("progress");
    p.max = size || 1; p.value = 0;
    p.setAttribute("aria-label", path);
    li.appendChild(name); li.appendChild(document.createTextNode(" ")); li.appendChild(p);
    list.appendChild(li);
    return p;
  }
  function chosen() {
    var out = dropped.slice();
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
      Array.prototype.forEach.call(input.files || [], function (f) {
        out.push({ file: f, path: f.webkitRelativePath || f.name });
      });
    });
    return out;
  }
  function show() {
    list.textContent = "";
    var all = chosen();
    list.hidden = all.length === 0;
    all.forEach(function (c) { row(c.path, c.file.size); });
  }
  // Folders dropped are walked with the entries API (Chromium, Firefox, Safari).
  function walk(entry, prefix, done) {
    if (entry.isFile) {
      entry.file(function (f) { dropped.push({ file: f, path: prefix + f.name }); done(); }, done);
    } else if (entry.isDirectory) {
      var reader = entry.createReader(), pending = [];
      var more = function () {
        reader.readEntries(function (entries) {
          if (entries.length === 0) {
            var n = pending.length;
            if (n === 0) { done(); return; }
            pending.forEach(function (e) { walk(e, prefix + entry.name + "/", function () { if (--n === 0) { done(); } }); });
          } else { pending = pending.concat(Array.prototype.slice.call(entries)); more(); }
        }, done);
      };
      more();
    } else { done(); }
  }
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    var items = e.dataTransfer.items, n = 0;
    var entries = [];
    Array.prototype.forEach.call(items || [], function (it) {
      var en = it.webkitGetAsEntry && it.webkitGetAsEntry();
      if (en) { entries.push(en); }
    });
    if (entries.length === 0) {
      Array.prototype.forEach.call(e.dataTransfer.files || [], function (f) { dropped.push({ file: f, path: f.name }); });
      show();
      return;
    }
    n = entries.length;
    entries.forEach(function (en) { walk(en, "", function () { if (--n === 0) { show(); } }); });
  });
  Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
    input.addEventListener("change", show);
  });
  form.addEventListener("submit", function (e) {
    var all = chosen();
    if (all.length === 0) { return; }
    e.preventDefault();
    var data = new FormData();
    data.append("csrf", form.querySelector("input[name=csrf]").value);
    data.append("encoding", form.querySelector("select[name=encoding]").value);
    if (form.querySelector("input[name=replace]").checked) { data.append("replace", "1"); }
    list.textContent = "";
    list.hidden = false;
    var bars = [], total = 0;
    all.forEach(function (c) {
      data.append("files", c.file, c.path);
      bars.push({ bar: row(c.path, c.file.size), start: total, size: c.file.size });
      total += c.file.size;
    });
    bar.hidden = false;
    bar.max = total || 1;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (ev) {
      // The body is sent in order, so the bytes sent say how far each file is.
      var sent = Math.min(ev.loaded, total);
      bar.value = sent;
      bars.forEach(function (b) { b.bar.value = Math.max(0, Math.min(b.size, sent - b.start)); });
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 200 && /\/curate\/jobs\/\d+$/.test(xhr.responseURL)) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // A refusal: show the page's message.
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var err = doc.querySelector(".error") || doc.querySelector("main");
      var p = form.parentNode.querySelector(".error") || document.createElement("p");
      p.className = "error"; p.setAttribute("role", "alert");
      p.textContent = err ? err.textContent : String(xhr.status);
      form.parentNode.insertBefore(p, form);
    });
    xhr.addEventListener("error", function () { form.submit(); });
    xhr.send(data);
  });
})();
