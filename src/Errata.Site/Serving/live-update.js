// `errata serve` adds this script to every page it serves (the written site has none). The page
// keeps one request waiting on the server until a build replaces its own file; then it fetches
// its new HTML and changes in place only the elements that differ, so the reader keeps their
// place, the page does not flash, and whatever scripts set up outside those elements stays.
// Scripts inside a changed element run again (it is put in whole); head scripts run once. A
// change to the head (other than the title), to the body's own attributes, or to an element a
// script has rearranged cannot be applied in place, and neither can a failed fetch: the page
// reloads then.
"use strict";
(function () {
  var self = document.currentScript;
  var selector = 'script[src="' + self.getAttribute("src") + '"]';
  var seen = self.dataset.version || null;
  // The page as served, before other scripts change it: what the next version is compared with.
  var served = null;

  // Without this script, which a page without a body (a layout being rewritten) has in its head.
  function headOf(doc) {
    return Array.prototype.filter.call(doc.head.children, function (e) { return e.tagName !== "TITLE" && !e.matches(selector); })
      .map(function (e) { return e.outerHTML; }).join("\n");
  }

  // The body without this script and the white space the parser puts around it.
  function bodyOf(body) {
    var own = body.querySelector(selector);
    if (own) own.remove();
    while (body.lastChild && body.lastChild.nodeType === Node.TEXT_NODE && !body.lastChild.data.trim()) body.lastChild.remove();
    return body;
  }

  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) return false;
    return Array.prototype.every.call(a.attributes, function (x) { return b.getAttribute(x.name) === x.value; });
  }

  // Same element, same attributes, same text and the same elements in the same order: only those elements may differ.
  function sameShape(a, b) {
    if (a.nodeName !== b.nodeName || !sameAttributes(a, b) || a.childNodes.length !== b.childNodes.length) return false;
    for (var i = 0; i < a.childNodes.length; i++) {
      var x = a.childNodes[i], y = b.childNodes[i];
      if (x.nodeType !== y.nodeType) return false;
      if (x.nodeType === Node.ELEMENT_NODE ? x.nodeName !== y.nodeName : !x.isEqualNode(y)) return false;
    }
    return true;
  }

  function liveChildren(element) {
    return Array.prototype.filter.call(element.children, function (e) { return e !== self; });
  }

  // The changes to make to `live` (served as `before`) to show `after`; null when they cannot be made in place.
  function changes(live, before, after, found) {
    if (before.isEqualNode(after)) return found;
    // An element holding a script is put in whole, so that its script runs again on what it sets up.
    var whole = !sameShape(before, after) || before.querySelector(":scope > script") || after.querySelector(":scope > script");
    if (whole) {
      if (live === document.body) return null;
      found.push({ live: live, after: after });
      return found;
    }
    var now = liveChildren(live), was = before.children, will = after.children;
    // A script added or moved elements here: which live element is which is no longer known.
    if (now.length !== was.length) return null;
    for (var i = 0; i < was.length; i++) {
      if (now[i].nodeName !== was[i].nodeName || !changes(now[i], was[i], will[i], found)) return null;
    }
    return found;
  }

  function put(change) {
    var fresh = document.importNode(change.after, true);
    var scroll = [change.live.scrollLeft, change.live.scrollTop];
    change.live.replaceWith(fresh);
    fresh.scrollLeft = scroll[0];
    fresh.scrollTop = scroll[1];
    // A parsed script never runs; a script element made here does.
    Array.prototype.forEach.call(fresh.querySelectorAll("script"), function (old) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (a) { script.setAttribute(a.name, a.value); });
      script.text = old.text;
      old.replaceWith(script);
    });
  }

  function show(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var version = doc.querySelector(selector);
    if (!version || headOf(doc) !== served.head) return false;
    var body = bodyOf(doc.body);
    var found = changes(document.body, served.body, body, []);
    if (!found) return false;
    var x = window.scrollX, y = window.scrollY;
    if (document.title !== doc.title) document.title = doc.title;
    found.forEach(put);
    window.scrollTo(x, y);
    served = { head: served.head, body: body };
    seen = version.dataset.version;
    // For scripts that keep what the page showed (the theme's search keeps its index).
    document.dispatchEvent(new CustomEvent("errata:updated"));
    return true;
  }

  function update() {
    fetch(location.href.split("#")[0], { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        if (!show(html)) { location.reload(); return; }
        wait();
      })
      .catch(function () { location.reload(); });
  }

  function wait() {
    fetch("/__errata/version?page=" + encodeURIComponent(location.pathname) + (seen === null ? "" : "&after=" + seen), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { update(); return; }
        seen = v;
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }

  function start() {
    served = { head: headOf(document), body: bodyOf(document.body.cloneNode(true)) };
    wait();
  }

  // In the head, this script runs before the body exists.
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
