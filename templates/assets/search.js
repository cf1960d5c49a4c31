// Full-text search without a server: the build writes search-index.json, this script
// fetches it on first use and matches every word of the query against titles, scenario
// names and text. The script builds the search box in the header, so a page without script
// has none, and no page carries its markup.
"use strict";
(function () {
  var header = document.querySelector(".site-header");
  if (!header || !window.fetch) return;
  var root = document.body.dataset.root || "";

  function element(tag, attributes) {
    var e = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { e.setAttribute(name, attributes[name]); });
    return e;
  }

  var box = element("div", { "class": "search", role: "search" });
  var label = element("label", { "for": "search-input" });
  label.textContent = "Search";
  var input = element("input", { id: "search-input", type: "search", autocomplete: "off", placeholder: "Pages, sections, scenarios",
    "aria-controls": "search-results", "aria-describedby": "search-status" });
  var status = element("p", { id: "search-status", "class": "search-status", "aria-live": "polite" });
  var results = element("ul", { id: "search-results", "class": "search-results" });
  [label, input, status, results].forEach(function (e) { box.appendChild(e); });
  var index = null;
  var loading = null;
  var limit = 10;

  function load() {
    loading = loading || fetch(root + "search-index.json")
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { index = data.entries; })
      .catch(function () { status.textContent = "The search index could not be loaded."; });
    return loading;
  }

  function score(entry, words, phrase) {
    var title = (entry.title + " " + entry.name).toLowerCase();
    var text = entry.text.toLowerCase();
    var total = title.indexOf(phrase) >= 0 ? 10 : 0;
    for (var i = 0; i < words.length; i++) {
      if (title.indexOf(words[i]) >= 0) total += 3;
      else if (text.indexOf(words[i]) >= 0) total += 1;
      else return 0;
    }
    return total + (entry.kind === "scenario" ? 1 : 0);
  }

  function snippet(text, word) {
    var at = Math.max(0, text.toLowerCase().indexOf(word));
    var start = Math.max(0, at - 40);
    return (start > 0 ? "… " : "") + text.slice(start, start + 140) + (start + 140 < text.length ? " …" : "");
  }

  function item(entry, word) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + entry.url;
    var kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = entry.kind;
    a.appendChild(kind);
    a.appendChild(document.createTextNode(" " + entry.title));
    li.appendChild(a);
    var where = document.createElement("span");
    where.className = "search-where";
    where.textContent = entry.kind === "page" ? snippet(entry.text, word) : entry.page + (entry.name ? " · " + entry.name : "");
    li.appendChild(where);
    return li;
  }

  function run() {
    var phrase = input.value.trim().toLowerCase();
    results.textContent = "";
    if (!phrase) { status.textContent = ""; return; }
    if (!index) { load().then(run); return; }
    var words = phrase.split(/\s+/);
    var found = index
      .map(function (entry, order) { return { entry: entry, order: order, score: score(entry, words, phrase) }; })
      .filter(function (m) { return m.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    found.slice(0, limit).forEach(function (m) { results.appendChild(item(m.entry, words[0])); });
    status.textContent = found.length === 0 ? "No results." :
      found.length + (found.length === 1 ? " result" : " results") + (found.length > limit ? ", the first " + limit + " shown." : ".");
  }

  input.addEventListener("focus", load);
  // `errata serve` changed the page in place: the index may have changed with it, so the next search fetches it again.
  document.addEventListener("errata:updated", function () { index = null; loading = null; });
  input.addEventListener("input", run);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; run(); }
    if (e.key === "Enter") {
      var first = results.querySelector("a");
      if (first) location.href = first.href;
    }
  });
  header.appendChild(box);
})();
