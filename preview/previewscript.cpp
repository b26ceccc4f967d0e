#include "previewscript.h"

namespace folio::preview {

QString previewScript()
{
    // Kept as plain ES5 so it runs on every page, whatever the page does.
    return QStringLiteral(R"JS(
(function () {
  if (window.__folio) return;
  var source = null; // the page's HTML as the engine last wrote it (sent by the window)
  var before = null; // that HTML's body, parsed and untypeset

  function send(kind, data) {
    data.kind = kind;
    console.debug('\u0001folio:' + JSON.stringify(data));
  }
  function afterNextFrame(callback) {
    // The second animation frame starts once the first, the one showing
    // what changed, has been produced.
    requestAnimationFrame(function () { requestAnimationFrame(callback); });
  }

  // ---- MathJax 2 or 3, as the site's layouts load and configure it --------

  function mathJaxVersion() {
    var mj = window.MathJax;
    if (!mj) return 0;
    if (mj.Hub && mj.Hub.Queue) return 2;
    if (mj.typesetPromise) return 3;
    return 0;
  }
  // MathJax 3 wants one typeset call at a time: every call joins this chain.
  var mathChain = Promise.resolve();
  // With ui/lazy, math the window does not show would stay a placeholder:
  // `elements` are typeset whatever is shown (null: back to lazy).
  function typesetAlways(elements) {
    var doc = MathJax.startup && MathJax.startup.document;
    if (doc && doc.options && 'lazyAlwaysTypeset' in doc.options) doc.options.lazyAlwaysTypeset = elements;
  }
  // Typesets the math inside `staged` (new nodes of `ops`, not shown yet),
  // then calls done().
  function typeset(staged, ops, done) {
    var version = mathJaxVersion();
    if (!staged.length || !version) { done(); return; }
    if (version === 2) {
      for (var i = 0; i < staged.length; ++i) MathJax.Hub.Queue(['Typeset', MathJax.Hub, staged[i]]);
      MathJax.Hub.Queue(done);
      return;
    }
    var ready = MathJax.startup && MathJax.startup.promise ? MathJax.startup.promise : Promise.resolve();
    var moves = [];
    var finish = function () {
      typesetAlways(null);
      reuseDone(moves);
      done();
    };
    mathChain = mathChain.then(function () { return ready; }).then(function () {
      var rest = reuseMath(staged, ops, moves);
      if (!rest.length) return null;
      typesetAlways(rest);
      return MathJax.typesetPromise(rest);
    }).then(finish, finish);
  }
  function clearMath(node) {
    if (mathJaxVersion() === 3 && node.nodeType === 1 && MathJax.typesetClear) {
      try { MathJax.typesetClear([node]); } catch (e) {}
    }
  }
  function mayHoldMath(node) {
    return /[$\\]/.test(node.textContent) || (node.nodeType === 1 && !!node.querySelector('math'));
  }

  // ---- The first typesetting ---------------------------------------------
  // Folio serves its MathJax 3 copy with the site's configuration plus the
  // ui/lazy extension (MathJaxLibrary::startupPrefix): MathJax typesetting a
  // long post in one go holds the page for seconds before it shows; lazily,
  // it finds every formula, typesets those in or near the window and the
  // others as they are scrolled to. (MathJax 2 typesets in chunks between
  // paints, from the top, by itself.) mathTimes() says when the math in the
  // window was done, for the benchmark and the tests.

  var mathTimes = null, mathStarted = 0;
  function lazyInView() {
    var markers = document.getElementsByTagName('mjx-lazy');
    for (var i = 0; i < markers.length; ++i) {
      var box = markers[i].getBoundingClientRect();
      if (box.bottom >= 0 && box.top <= window.innerHeight) return true;
    }
    return false;
  }
  function whenInViewTypeset() {
    mathStarted = mathStarted || performance.now();
    if (lazyInView()) { requestAnimationFrame(whenInViewTypeset); return; }
    mathTimes = {started: mathStarted, inView: performance.now()};
    send('math', mathTimes);
  }
  function whenMathJaxStarted(tries) {
    var version = mathJaxVersion();
    if (!version && window.MathJax && tries < 200) {
      // Its configuration is here, the library still on its way.
      setTimeout(function () { whenMathJaxStarted(tries + 1); }, 50);
      return;
    }
    if (version === 3 && MathJax.startup && MathJax.startup.promise)
      MathJax.startup.promise.then(whenInViewTypeset, whenInViewTypeset);
    else if (version === 2)
      MathJax.Hub.Register.StartupHook('End', whenInViewTypeset);
    else
      whenInViewTypeset(); // no MathJax on this page
  }
  window.addEventListener('load', function () { whenMathJaxStarted(0); });

  // ---- Updates in place ---------------------------------------------------

  // The children of `live` (shown, math typeset) group back onto the
  // children of `prev` (the untypeset body it was made from): MathJax splits
  // the text nodes holding math and inserts its own nodes after them, and
  // other scripts add nodes too. Every node the page came with or Folio
  // inserted is marked: a group is a marked node and the unmarked ones after
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
  function remember() {
    if (before || !document.body) return;
    before = document.body.cloneNode(true);
    mark(document.body);
  }
  document.addEventListener('DOMContentLoaded', remember);

  // Blocks carry the source line they start at (scroll sync): a line typed
  // above them moves every one, which is no change to show or typeset again.
  var sourceLine = / data-source-line="\d+"/g;
  function html(node) {
    return node.nodeType === 1 ? node.outerHTML : node.nodeType + ':' + node.nodeValue;
  }
  // Whether prev[i] and next[j] show the same; those whose lines moved are
  // listed in `moved`.
  function same(prev, next, i, j, moved) {
    if (prev[i].isEqualNode(next[j])) return true; // native, no serializing
    var a = html(prev[i]), b = html(next[j]);
    if (a === b) return true;
    if (prev[i].nodeType !== 1 || a.replace(sourceLine, '') !== b.replace(sourceLine, '')) return false;
    moved.push([i, j]);
    return true;
  }
  function sameShell(a, b) {
    if (a.nodeType !== 1 || b.nodeType !== 1 || a.tagName !== b.tagName) return false;
    if (a.attributes.length !== b.attributes.length) return false;
    for (var i = 0; i < a.attributes.length; ++i) {
      var name = a.attributes[i].name;
      if (name !== 'data-source-line' && b.getAttribute(name) !== a.attributes[i].value) return false;
    }
    return true;
  }
  function hasLooseText(node) {
    for (var c = node.firstChild; c; c = c.nextSibling)
      if (c.nodeType === 3 && /\S/.test(c.nodeValue)) return true;
    return false;
  }
  function holdsBlocks(node) {
    return !!node.querySelector('[data-source-line]');
  }
  function lineMarked(root) {
    var all = [].slice.call(root.querySelectorAll('[data-source-line]'));
    return root.hasAttribute('data-source-line') ? [root].concat(all) : all;
  }
  // A shown node whose content did not change takes its new source lines.
  function copyLines(live, next) {
    var a = lineMarked(live), b = lineMarked(next);
    if (a.length !== b.length) return;
    for (var i = 0; i < a.length; ++i) a[i].setAttribute('data-source-line', b[i].getAttribute('data-source-line'));
  }
  // What makes `live` show `next`, given `prev`, the untypeset version `live`
  // was made from (`lc`: its groups, one for each child of `prev`).
  // Unchanged leading and trailing children stay, with their typeset math;
  // the changed middle is replaced. It descends into a changed element that
  // holds blocks (data-source-line) or no text of its own; a paragraph, list
  // item or heading is replaced whole, so its math is typeset whole, and
  // display math loose between blocks is replaced as its own text node.
  // Adds {parent, old: [shown nodes], next: [nodes of `next`], before} to `ops`.
  function diff(live, lc, prev, next, ops) {
    var pc = prev.childNodes, nc = next.childNodes, moved = [];
    var s = 0;
    while (s < pc.length && s < nc.length && same(pc, nc, s, s, moved)) ++s;
    var e = 0;
    while (e < pc.length - s && e < nc.length - s && same(pc, nc, pc.length - 1 - e, nc.length - 1 - e, moved)) ++e;
    for (var m = 0; m < moved.length; ++m) copyLines(lc[moved[m][0]][0], nc[moved[m][1]]);
    var oldCount = pc.length - s - e, newCount = nc.length - s - e;
    if (oldCount === 0 && newCount === 0) return;
    if (oldCount === 1 && newCount === 1 && lc[s].length === 1 && sameShell(pc[s], nc[s])
        && (holdsBlocks(pc[s]) || !hasLooseText(pc[s]) && !hasLooseText(nc[s]))) {
      var inner = groups(lc[s][0]);
      if (inner.length === pc[s].childNodes.length) {
        if (nc[s].hasAttribute('data-source-line'))
          lc[s][0].setAttribute('data-source-line', nc[s].getAttribute('data-source-line'));
        diff(lc[s][0], inner, pc[s], nc[s], ops);
        return;
      }
    }
    var old = [];
    for (var i = 0; i < oldCount; ++i) old = old.concat(lc[s + i]);
    ops.push({parent: live, old: old, next: [].slice.call(nc, s, s + newCount),
              before: s + oldCount < lc.length ? lc[s + oldCount][0] : null});
  }

  // The new nodes go in beside the ones they replace, out of the flow and
  // hidden, so the page's CSS and fonts apply while MathJax typesets them;
  // swap() then shows them in one step. A changed paragraph is shown with
  // its math typeset, never as raw TeX first: typing would otherwise make
  // every formula of the paragraph flash as TeX and the text around it jump
  // at each pause. The cost is that the change shows after its own block's
  // typesetting (reported apart), while unchanged formulas are never redone.
  // Text (display math loose between blocks) is staged in a span, unwrapped
  // by swap().
  var kHidden = ';position:absolute !important;visibility:hidden !important;left:0;top:0;width:';
  function stage(ops) {
    var math = [];
    for (var o = 0; o < ops.length; ++o) {
      var op = ops[o];
      var at = op.old.length ? op.old[0] : op.before;
      var width = op.parent.clientWidth + 'px';
      op.shown = [];
      for (var k = 0; k < op.next.length; ++k) {
        var node = document.importNode(op.next[k], true);
        mark(node);
        var staged = node;
        if (node.nodeType === 3 && /\S/.test(node.nodeValue)) {
          staged = document.createElement('span');
          staged.appendChild(node);
          op.shown.push({node: staged, wrapper: true});
        } else if (node.nodeType === 1) {
          op.shown.push({node: node, style: node.getAttribute('style')});
        }
        if (staged.nodeType === 1) {
          staged.setAttribute('style', (staged.getAttribute('style') || '') + kHidden + width);
          if (mayHoldMath(staged)) math.push(staged);
        }
        if (staged.nodeType === 1) staged.__folioStaged = true;
        op.parent.insertBefore(staged, at);
      }
    }
    return math;
  }
  // The text a wrapper staged goes back into the parent; its first node
  // must stay marked (MathJax may have replaced it by a formula).
  function unwrap(wrapper) {
    var parent = wrapper.parentNode;
    if (!wrapper.firstChild || !wrapper.firstChild.__folio) {
      var head = document.createTextNode('');
      head.__folio = true;
      parent.insertBefore(head, wrapper);
    }
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
  }
  function swap(ops) {
    for (var o = 0; o < ops.length; ++o) {
      var op = ops[o];
      for (var i = 0; i < op.old.length; ++i) {
        clearMath(op.old[i]);
        op.parent.removeChild(op.old[i]);
      }
      for (var k = 0; k < op.shown.length; ++k) {
        var shown = op.shown[k];
        shown.node.__folioStaged = false;
        if (shown.wrapper) unwrap(shown.node);
        else if (shown.style === null) shown.node.removeAttribute('style');
        else shown.node.setAttribute('style', shown.style);
      }
    }
  }
  function changedCount(ops) {
    var count = 0;
    for (var o = 0; o < ops.length; ++o) count += ops[o].shown.length;
    return count;
  }

  // Typing prose into a paragraph changes none of its formulas: MathJax 3's
  // typeset output of the replaced nodes is moved into the new ones where
  // MathJax finds the very same TeX (same delimiters, same display), so only
  // new or edited formulas are typeset. The new nodes' math is found by
  // MathJax's own finder (the page's delimiters and escapes); each reused
  // formula is held by an empty placeholder while the rest is typeset.
  // Returns the staged elements that still need MathJax; `moves` gets
  // {placeholder, container} pairs for reuseDone().
  function reuseMath(staged, ops, moves) {
    var doc = MathJax.startup && MathJax.startup.document;
    var tex = doc && doc.inputJax && doc.inputJax.filter(function (j) { return j.name === 'TeX'; })[0];
    if (!tex || !doc.domStrings || !doc.math || !Array.from) return staged;
    var olds = [];
    for (var o = 0; o < ops.length; ++o)
      for (var i = 0; i < ops[o].old.length; ++i) if (ops[o].old[i].nodeType === 1) olds.push(ops[o].old[i]);
    var reusable = {}; // key -> typeset containers, in page order
    Array.from(doc.math).forEach(function (item) {
      if (item.inputJax !== tex || !item.typesetRoot) return;
      if (!olds.some(function (old) { return old.contains(item.typesetRoot); })) return;
      var key = item.display + '\u0000' + item.start.delim + item.math + item.end.delim;
      (reusable[key] = reusable[key] || []).push(item.typesetRoot);
    });
    return staged.filter(function (node) {
      if (node.querySelector('math')) return true; // MathML for the other input
      var found = doc.domStrings.find(node), strings = found[0], nodes = found[1];
      var items = tex.findMath(strings), left = false;
      for (var k = items.length - 1; k >= 0; --k) { // from the end: earlier offsets stay valid
        var item = items[k];
        var list = reusable[item.display + '\u0000' + item.open + item.math + item.close];
        var from = position(nodes[item.n], item.start.n), to = position(nodes[item.n], item.end.n);
        if (!list || !list.length || !from || !to || from.node !== to.node) { left = true; continue; }
        var text = from.node;
        if (to.n < text.nodeValue.length) text.splitText(to.n);
        var math = from.n ? text.splitText(from.n) : text;
        var placeholder = document.createElement('folio-math');
        math.parentNode.replaceChild(placeholder, math);
        moves.push({placeholder: placeholder, container: list.shift()});
      }
      return left;
    });
  }
  // The text node and offset of character `n` of a string MathJax's finder
  // made of `list` ([node, length] pairs).
  function position(list, n) {
    for (var i = 0; list && i < list.length; ++i) {
      var node = list[i][0], length = list[i][1];
      if (n <= length && node.nodeType === 3) return {node: node, n: n};
      n -= length;
    }
    return null;
  }
  function reuseDone(moves) {
    for (var i = 0; i < moves.length; ++i)
      moves[i].placeholder.parentNode.replaceChild(moves[i].container, moves[i].placeholder);
  }
  // The page of `text` shown in place of `source`'s.
  function show(sequence, text, start) {
    remember();
    var next = new DOMParser().parseFromString(text, 'text/html').body;
    if (!next || !before) throw new Error('no body to patch');
    var ops = [];
    var lc = groups(document.body);
    if (lc.length !== before.childNodes.length) throw new Error('the page changed beyond recognition');
    diff(document.body, lc, before, next, ops);
    source = text;
    before = next;
    var math = stage(ops);
    var staged = performance.now();
    typeset(math, ops, function () {
      var typeset = performance.now();
      swap(ops);
      var swapped = performance.now();
      afterNextFrame(function () {
        var painted = performance.now();
        send('frame', {sequence: sequence, patch: staged - start, typeset: typeset - staged,
                       paint: painted - swapped, total: painted - start, changed: changedCount(ops)});
      });
    });
  }

  window.__folio = {
    // The page's HTML as the engine wrote it, so later updates can send only
    // what changed.
    setSource: function (html) { source = html; },
    // The HTML is `source` with `oldLength - prefix - suffix` characters
    // after its first `prefix` replaced by `middle` (oldLength < 0: `middle`
    // is the whole page).
    update: function (sequence, prefix, suffix, oldLength, middle) {
      var start = performance.now();
      try {
        var text = middle;
        if (oldLength >= 0) {
          if (source === null || source.length !== oldLength) throw new Error('the page holds another version');
          text = source.slice(0, prefix) + middle + source.slice(oldLength - suffix);
        }
        show(sequence, text, start);
      } catch (e) {
        // The window reloads the page instead (its scroll kept).
        before = null;
        source = null;
        send('error', {sequence: sequence, message: String(e && e.stack || e)});
      }
    },
    // Once the math the window showed after loading has been typeset (or
    // there is none): {started: when MathJax had started (found the math),
    // inView: when that math was typeset}, in performance.now() time; null
    // until then.
    mathTimes: function () { return mathTimes; },
    // The element a source line starts (data-source-line), scrolled to the
    // top, or between two such elements in proportion.
    scrollToLine: function (line) {
      // Not the blocks staged (hidden) while their math is typeset.
      var blocks = [].filter.call(document.querySelectorAll('[data-source-line]'), function (block) {
        for (var n = block; n; n = n.parentNode) if (n.__folioStaged) return false;
        return true;
      });
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
