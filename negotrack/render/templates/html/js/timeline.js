/* The timeline's filters: progressive enhancement. Without this script the page shows every
   event and hides the (useless) form; with it, the form filters as the reader types or picks.
   The script reads only data-* indices the renderer wrote; it never evaluates page text. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var months = Array.prototype.slice.call(document.querySelectorAll("section.month"));
  var status = document.getElementById("filter-count");
  var texts = null;
  function value(name) {
    var el = form.elements.namedItem(name);
    return el && el.value ? el.value : "";
  }
  function apply() {
    var k = value("kind"), t = value("track"), s = value("side"), p = value("participant");
    var q = value("q").trim().toLowerCase();
    if (q && texts === null) {
      texts = items.map(function (li) { return li.textContent.toLowerCase(); });
    }
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var d = items[i].dataset;
      var ok = (!k || d.k === k) && (!t || d.t === t) &&
        (!s || d.s.indexOf(" " + s + " ") >= 0) &&
        (!p || d.p.indexOf(" " + p + " ") >= 0) &&
        (!q || texts[i].indexOf(q) >= 0);
      items[i].hidden = !ok;
      if (ok) { shown++; }
    }
    for (var j = 0; j < months.length; j++) {
      months[j].hidden = !months[j].querySelector("li.event:not([hidden])");
    }
    // The sentences come from the page, in its language: {shown} and {total} are filled in.
    var sentence = shown === items.length ? status.dataset.all : status.dataset.some;
    status.textContent = sentence
      .replace("{shown}", String(shown)).replace("{total}", String(items.length));
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
}());
