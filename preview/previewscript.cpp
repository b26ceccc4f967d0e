#include "previewscript.h"

namespace folio::preview {

QString previewScript()
{
    // Kept as plain ES5 so it runs on every page, whatever the page does.
    return QStringLiteral(R"JS(
(function () {
  if (window.__folio) return;
  var before = null; // the body as the engine wrote it, before MathJax changed it

  function send(kind, data) {
    data.kind = kind;
    console.debug('\u0001folio:' + JSON.stringify(data));
  }
  function sameNode(a, b) {
    if (a.nodeType !== b.nodeType) return false;
    return a.nodeType === 1 ? a.outerHTML === b.outerHTML : a.nodeValue === b.nodeValue;
  }
  function sameShell(a, b) {
    if (a.nodeType !== 1 || b.nodeType !== 1 || a.tagName !== b.tagName) return false;
    if (a.attributes.length !== b.attributes.length) return false;
    for (var i = 0; i < a.attributes.length; ++i)
      if (b.getAttribute(a.attributes[i].name) !== a.attributes[i].value) return false;
    return true;
  }
  // Makes `live` (what is shown, math typeset) show `next`, given `prev`, the
  // untypeset version `live` was made from. Unchanged leading and trailing
  // children stay (with their typeset math); the changed middle is replaced.
  // MathJax changes the children of the elements holding math, so when `live`
  // and `prev` no longer pair up child for child, `live` is replaced whole.
  // MathJax splits the text nodes holding math and inserts its own nodes
  // after them; other scripts add nodes too. Every node the page came with or
  // Folio inserted is marked, so the live children group back onto the
  // children they were made from: a marked node and the unmarked ones after
  // it. Unmarked nodes before the first marked one are not the page's.
  function mark(node) {
    node.__folio = true;
    for (var c = node.firstChild; c; c = c.nextSibling) mark(c);
  }
  function groups(live) {
    var out = [];
    for (var c = live.firstChild; c; c = c.nextSibling) {
      if (c.__folio) out.push([c]);
      else if (out.length) out[out.length - 1].push(c);
    }
    return out;
  }
  function patch(live, prev, next, inserted) {
    var lc = groups(live), pc = prev.childNodes, nc = next.childNodes;
    if (lc.length !== pc.length) {
      var whole = document.importNode(next, true);
      mark(whole);
      clearMath(live);
      live.parentNode.replaceChild(whole, live);
      inserted.push(whole);
      return;
    }
    var s = 0;
    while (s < pc.length && s < nc.length && sameNode(pc[s], nc[s])) ++s;
    var e = 0;
    while (e < pc.length - s && e < nc.length - s && sameNode(pc[pc.length - 1 - e], nc[nc.length - 1 - e])) ++e;
    var oldCount = pc.length - s - e, newCount = nc.length - s - e;
    if (oldCount === 0 && newCount === 0) return;
    if (oldCount === 1 && newCount === 1 && lc[s].length === 1 && sameShell(pc[s], nc[s])) {
      patch(lc[s][0], pc[s], nc[s], inserted);
      return;
    }
    var anchor = s + oldCount < lc.length ? lc[s + oldCount][0] : null;
    var typesetParent = false;
    for (var i = 0; i < oldCount; ++i) {
      var group = lc[s + i];
      if (group.length > 1) typesetParent = true; // math typeset in a loose text node
      for (var j = 0; j < group.length; ++j) {
        clearMath(group[j]);
        live.removeChild(group[j]);
      }
    }
    for (var k = 0; k < newCount; ++k) {
      var node = document.importNode(nc[s + k], true);
      mark(node);
      live.insertBefore(node, anchor);
      if (node.nodeType === 1) inserted.push(node);
      else if (node.nodeType === 3 && /[$\\]/.test(node.nodeValue)) typesetParent = true;
    }
    // Math may sit directly in a text node: typeset its parent then.
    if (typesetParent && live !== document.body) inserted.push(live);
  }
  function mathJaxVersion() {
    var mj = window.MathJax;
    if (!mj) return 0;
    if (mj.Hub && mj.Hub.Queue) return 2;
    if (mj.typesetPromise) return 3;
    return 0;
  }
  function clearMath(node) {
    if (mathJaxVersion() === 3 && node.nodeType === 1 && MathJax.typesetClear) {
      try { MathJax.typesetClear([node]); } catch (e) {}
    }
  }
  function typeset(elements, done) {
    var version = mathJaxVersion();
    if (!elements.length || !version) { done(version); return; }
    if (version === 3) {
      var ready = MathJax.startup && MathJax.startup.promise ? MathJax.startup.promise : Promise.resolve();
      ready.then(function () { return MathJax.typesetPromise(elements); })
           .then(function () { done(3); }, function () { done(3); });
      return;
    }
    for (var i = 0; i < elements.length; ++i) MathJax.Hub.Queue(['Typeset', MathJax.Hub, elements[i]]);
    MathJax.Hub.Queue(function () { done(2); });
  }
  function remember() {
    if (before || !document.body) return;
    before = document.body.cloneNode(true);
    mark(document.body);
  }
  document.addEventListener('DOMContentLoaded', remember);

  function update(html, sequence) {
    var start = performance.now();
    remember();
    var next = new DOMParser().parseFromString(html, 'text/html').body;
    var inserted = [];
    if (next) {
      patch(document.body, before, next, inserted);
      before = next;
    }
    var patched = performance.now();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        var painted = performance.now();
        send('frame', {sequence: sequence, patch: patched - start, frame: painted - start, changed: inserted.length});
        typeset(inserted, function (version) {
          send('typeset', {sequence: sequence, typeset: performance.now() - painted, mathjax: version});
        });
      });
    });
  }

  window.__folio = {
    update: function (html, sequence) {
      try {
        update(html, sequence);
      } catch (e) {
        // The window reloads the page instead (its scroll kept).
        before = null;
        send('error', {sequence: sequence, message: String(e && e.stack || e)});
      }
    },
    // The element a source line starts (data-source-line), scrolled to the
    // top, or between two such elements in proportion.
    scrollToLine: function (line) {
      var blocks = document.querySelectorAll('[data-source-line]');
      if (!blocks.length) return false;
      var prev = null, next = null;
      for (var i = 0; i < blocks.length; ++i) {
        var l = +blocks[i].getAttribute('data-source-line');
        if (l <= line) prev = {el: blocks[i], line: l};
        else { next = {el: blocks[i], line: l}; break; }
      }
      var top = function (el) { return el.getBoundingClientRect().top + window.scrollY; };
      var y;
      if (!prev) y = 0;
      else if (!next) y = top(prev.el);
      else {
        var a = top(prev.el), b = top(next.el);
        y = a + (b - a) * (line - prev.line) / (next.line - prev.line);
      }
      window.scrollTo(0, Math.max(0, y - 8));
      return true;
    }
  };
})();
)JS");
}

} // namespace folio::preview
