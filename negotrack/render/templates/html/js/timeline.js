/* The timeline's filters and time axis: progressive enhancement. Without this script the
   page shows every event, the axis at its overview, and hides the (useless) controls. With
   it, the form filters the list and the axis as the reader types or picks; the filter state
   lives in the address (#kind=round&track=...), so a filtered view can be shared; the axis
   zooms (buttons, + and - keys, a range control) and regroups its lanes by side or kind.
   The script reads only data-* values the renderer wrote and writes text with textContent;
   it never evaluates page text. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var slice = Array.prototype.slice;
  var items = slice.call(document.querySelectorAll("li.event"));
  var months = slice.call(document.querySelectorAll("section.month"));
  var status = document.getElementById("filter-count");
  var names = ["kind", "track", "side", "participant"];
  var texts = null;
  function field(name) { return form.elements.namedItem(name); }
  function value(name) {
    var el = field(name);
    return el && el.value ? el.value : "";
  }

  /* -- the axis ------------------------------------------------------------------------ */
  var axis = document.getElementById("axis");
  var marks = [], owners = [], clusters = [], track = null, box = null, zoom = 0, lanes = "track";
  var quiet = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (axis) {
    track = axis.querySelector(".nt-axis-track");
    box = axis.querySelector(".nt-axis-box");
    marks = slice.call(axis.querySelectorAll(".nt-mark"));
    clusters = slice.call(axis.querySelectorAll(".nt-cluster"));
    owners = marks.map(function (m) { return document.getElementById(m.getAttribute("href").slice(1)); });
  }
  function setZoom(z, centre) {
    z = Math.max(0, Math.min(7, z));
    var keep = centre === undefined ? (box.scrollLeft + box.clientWidth / 2) / box.scrollWidth : centre;
    zoom = z;
    track.style.width = (100 * Math.pow(2, z)) + "%";
    axis.classList.toggle("nt-zoomed", z > 0 || lanes !== "track");
    axis.querySelector("input[name=zoom]").value = String(z);
    box.scrollLeft = keep * box.scrollWidth - box.clientWidth / 2;
    ticks();
    save();
  }
  function ticks() {
    /* Gridlines for the range shown: days, weeks, months or years, at least 72 px apart. */
    var ol = axis.querySelector(".nt-ticks");
    var t0 = Date.parse(axis.dataset.start), t1 = Date.parse(axis.dataset.end);
    var px = track.getBoundingClientRect().width || 1, day = 864e5;
    var perPx = (t1 - t0) / px, units = [[day, "d"], [7 * day, "w"], [30.4 * day, "m"], [91 * day, "q"], [365.25 * day, "y"]];
    var unit = units[units.length - 1];
    for (var i = 0; i < units.length; i++) { if (units[i][0] / perPx >= 72) { unit = units[i]; break; } }
    var holder = axis.closest("[lang]");  /* the page's, or an embedded fragment's own */
    var lang = (holder && holder.getAttribute("lang")) || "en";
    var fmt = new Intl.DateTimeFormat(lang, unit[1] === "y" ? { year: "numeric", timeZone: "UTC" }
      : unit[1] === "m" || unit[1] === "q" ? { month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", timeZone: "UTC" });
    var d = new Date(t0), out = [];
    d.setUTCHours(0, 0, 0, 0);
    if (unit[1] !== "d" && unit[1] !== "w") { d.setUTCDate(1); }
    if (unit[1] === "y") { d.setUTCMonth(0); }
    while (d.getTime() <= t1 && out.length < 400) {
      if (d.getTime() >= t0) { out.push(new Date(d.getTime())); }
      if (unit[1] === "d") { d.setUTCDate(d.getUTCDate() + 1); }
      else if (unit[1] === "w") { d.setUTCDate(d.getUTCDate() + 7); }
      else if (unit[1] === "m") { d.setUTCMonth(d.getUTCMonth() + 1); }
      else if (unit[1] === "q") { d.setUTCMonth(d.getUTCMonth() + 3); }
      else { d.setUTCFullYear(d.getUTCFullYear() + 1); }
    }
    ol.textContent = "";
    out.forEach(function (t) {
      var li = document.createElement("li"), time = document.createElement("time");
      li.style.left = (100 * (t.getTime() - t0) / (t1 - t0)) + "%";
      time.dateTime = t.toISOString();
      time.textContent = fmt.format(t);
      li.appendChild(time);
      ol.appendChild(li);
    });
    spaced();
  }
  function spaced() {
    /* A label near the track's end moves back inside the frame (axis.css) and may then
       cover the one before it ("Mar 2(" under "Apr 2023" on a phone): a label that would
       overlap the last one shown is left out, its gridline kept. */
    var end = -Infinity;
    slice.call(axis.querySelectorAll(".nt-ticks time")).forEach(function (time) {
      time.style.visibility = "";
      var r = time.getBoundingClientRect();
      if (r.left < end) { time.style.visibility = "hidden"; } else { end = r.right; }
    });
  }
  function setLanes(mode) {
    /* Regroup the marks by track, side or kind: each mark goes to its lane, overlapping
       marks stack in up to four rows, as the page was written for tracks. */
    lanes = mode;
    var labels = null;
    slice.call(axis.querySelectorAll(".nt-lanes")).forEach(function (ol) {
      ol.hidden = ol.dataset.mode !== mode;
      if (!ol.hidden) { labels = slice.call(ol.children); }
    });
    var where = {}, n = labels.length - (axis.querySelector(".nt-change") ? 1 : 0);
    labels.forEach(function (li, i) { if (li.dataset.i !== undefined) { where[li.dataset.i] = i; } });
    var ends = labels.map(function () { return []; }), lane = [], row = [];
    marks.forEach(function (m, i) {
      if (!m.dataset.home) { m.dataset.home = m.style.getPropertyValue("--n"); m.dataset.homeLane = m.dataset.lane; }
      var d = owners[i].dataset, l;
      if (mode === "kind") { l = where[d.k]; }
      else if (mode === "side") { l = where[d.s.trim().split(" ")[0] || ""]; }
      else { l = parseInt(m.dataset.home, 10); }
      var left = parseFloat(m.style.left), right = Math.max(left + parseFloat(m.style.width), left + 1.3);
      var rows = ends[l], r = 0;
      while (r < rows.length && rows[r] > left) { r++; }
      if (r === rows.length && rows.length >= 4) {
        r = rows.indexOf(Math.min.apply(null, rows));
      }
      rows[r] = Math.max(rows[r] || 0, right);
      lane.push(l); row.push(r);
    });
    var first = [], total = 0;
    labels.forEach(function (li, i) {
      var h = i < n ? Math.max(1, ends[i].length) : 1;
      first.push(total);
      li.style.setProperty("--l", total); li.style.setProperty("--h", h); li.style.setProperty("--n", i);
      total += h;
    });
    marks.forEach(function (m, i) {
      m.style.setProperty("--l", first[lane[i]] + row[i]);
      m.style.setProperty("--n", lane[i]);
      m.dataset.lane = mode === "track" ? m.dataset.homeLane : labels[lane[i]].textContent;
    });
    slice.call(axis.querySelectorAll(".nt-change")).forEach(function (c) {
      c.style.setProperty("--l", first[n]); c.style.setProperty("--n", n);
    });
    track.style.setProperty("--rows", total);
    track.style.setProperty("--lanes", labels.length);
    axis.classList.toggle("nt-zoomed", zoom > 0 || mode !== "track");
    save();
  }
  function showTip(el) {
    var tip = axis.querySelector(".nt-tip");
    if (!tip) { tip = document.createElement("div"); tip.className = "nt-tip"; tip.setAttribute("aria-hidden", "true"); axis.appendChild(tip); }
    tip.textContent = el.getAttribute("aria-label");
    var a = axis.getBoundingClientRect(), r = el.getBoundingClientRect();
    tip.style.left = Math.max(0, Math.min(r.left - a.left, a.width - 260)) + "px";
    tip.style.top = (r.bottom - a.top + 6) + "px";
    tip.hidden = false;
  }
  function hideTip() { var tip = axis.querySelector(".nt-tip"); if (tip) { tip.hidden = true; } }
  function jump(ev) {
    /* A mark leads to its card without replacing the filters kept in the address. */
    var a = ev.target.closest("a.nt-mark, a.nt-cluster");
    if (!a) { return; }
    ev.preventDefault();
    if (a.classList.contains("nt-cluster")) {
      var left = parseFloat(a.style.left) / 100, width = parseFloat(a.style.width) / 100;
      setZoom(Math.max(zoom + 2, Math.ceil(Math.log(0.25 / Math.max(width, 0.002)) / Math.LN2)), left + width / 2);
      return;
    }
    var card = document.getElementById(a.getAttribute("href").slice(1));
    items.forEach(function (li) { li.classList.remove("nt-hit"); });
    card.classList.add("nt-hit");
    card.scrollIntoView({ behavior: quiet ? "auto" : "smooth", block: "start" });
    var link = card.querySelector("h3 a");
    if (link) { link.focus({ preventScroll: true }); }
  }
  if (axis) {
    axis.querySelector(".nt-axis-tools").hidden = false;
    box.scrollLeft = box.scrollWidth;  /* on a narrow screen, start at the latest events */
    spaced();
    window.addEventListener("resize", spaced);
    axis.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-zoom]");
      if (b) { setZoom(b.dataset.zoom === "in" ? zoom + 1 : b.dataset.zoom === "out" ? zoom - 1 : 0); return; }
      jump(ev);
    });
    axis.querySelector("input[name=zoom]").addEventListener("input", function (ev) { setZoom(parseInt(ev.target.value, 10)); });
    axis.querySelector("select[name=lanes]").addEventListener("change", function (ev) { setLanes(ev.target.value); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "+" || ev.key === "=") { setZoom(zoom + 1); ev.preventDefault(); }
      else if (ev.key === "-" || ev.key === "_") { setZoom(zoom - 1); ev.preventDefault(); }
      else if (ev.key === "0") { setZoom(0); ev.preventDefault(); }
    });
    ["mouseover", "focusin"].forEach(function (type) {
      axis.addEventListener(type, function (ev) {
        var el = ev.target.closest && ev.target.closest(".nt-mark, .nt-cluster, .nt-change");
        if (el) { showTip(el); } else { hideTip(); }
      });
    });
    axis.addEventListener("mouseleave", hideTip);
    axis.addEventListener("focusout", hideTip);
  }

  /* -- the address ----------------------------------------------------------------------- */
  var restoring = false;
  function save() {
    if (restoring || !window.history || !window.history.replaceState) { return; }
    var parts = [];
    names.forEach(function (name) {
      var el = field(name);
      if (el && el.value) { parts.push(name + "=" + encodeURIComponent(el.options[el.selectedIndex].dataset.key)); }
    });
    var q = value("q").trim();
    if (q) { parts.push("q=" + encodeURIComponent(q)); }
    if (axis && lanes !== "track") { parts.push("lanes=" + lanes); }
    var url = window.location.href.split("#")[0] + (parts.length ? "#" + parts.join("&") : "");
    try { window.history.replaceState(null, "", url); } catch (e) { /* a page without an address */ }
  }
  function restore() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") < 0) { return; }
    restoring = true;
    hash.split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key = pair.slice(0, at), val;
      try { val = decodeURIComponent(pair.slice(at + 1)); } catch (e) { return; }
      if (names.indexOf(key) >= 0) {
        var el = field(key);
        for (var i = 0; el && i < el.options.length; i++) {
          if (el.options[i].dataset.key === val) { el.selectedIndex = i; }
        }
      } else if (key === "q") { field("q").value = val; }
      else if (key === "lanes" && axis && ["side", "kind"].indexOf(val) >= 0) {
        axis.querySelector("select[name=lanes]").value = val;
        setLanes(val);
      }
    });
    restoring = false;
  }

  /* -- the filters ----------------------------------------------------------------------- */
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
    var counts = clusters.map(function () { return 0; });
    for (var m = 0; m < marks.length; m++) {
      marks[m].hidden = owners[m].hidden;
      var c = marks[m].dataset.c;
      if (c !== undefined && !owners[m].hidden) { counts[+c]++; }
    }
    clusters.forEach(function (el, n) {
      el.textContent = String(counts[n]);
      el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+/, String(counts[n])));
      el.hidden = counts[n] === 0;
    });
    // The sentences come from the page, in its language: {shown} and {total} are filled in.
    var sentence = shown === items.length ? status.dataset.all : status.dataset.some;
    status.textContent = sentence
      .replace("{shown}", String(shown)).replace("{total}", String(items.length));
    save();
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  restore();
  apply();
}());
