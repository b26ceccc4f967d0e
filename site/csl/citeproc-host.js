// Folio's side of citeproc-js, evaluated once after citeproc_commonjs.js in
// the process's QJSEngine (site/csl/citeproc.cpp). It keeps one CSL.Engine per
// (style, locale) and formats a whole call's items in one pass, so the C++
// side crosses into JavaScript once per call, not once per item.
//
// Expects the globals CSL (citeproc-js) and folioHost, whose readLocale(lang)
// returns the locale file's XML or "" when there is none.
//
// Departures from a plain citeproc-js bibliography, all because the caller
// (jekyll-scholar's tags, the publications list) orders the entries itself,
// as citeproc-ruby does: the style's bibliography <sort> is dropped, so
// entries, year suffixes ("2023a") and citation numbers follow the order
// given, and the style's subsequent-author-substitute ("———" for a repeated
// author) is off, since the caller may put other entries between.
// scripts/csl-fixtures.mjs makes the same choices.
var folioCsl = (function () {
    "use strict";

    var engines = {};        // key -> { xml, engine, used }
    var engineCount = 0;
    var useCounter = 0;
    // A parsed style costs megabytes of the engine's heap; the editor's style
    // picker may try dozens, a site uses one or two.
    var maxEngines = 6;
    var currentItems = {};   // id -> CSL-JSON item of the call being formatted

    // Bold owner names: citeproc-js has no per-name formatting, so a name the
    // C++ side marked ("folio-bold": true on the CSL-JSON name object, which
    // citeproc-js copies along) is rendered, then wrapped in a level with a
    // bold decoration. That is the same blob citeproc-js renders, so the
    // style's own punctuation, initials and et-al truncation are untouched;
    // the text format ignores the decoration.
    var renderPersonalName = CSL.NameOutput.prototype._renderPersonalName;
    CSL.NameOutput.prototype._renderPersonalName = function (v, name, slot, pos, i, j) {
        var blob = renderPersonalName.call(this, v, name, slot, pos, i, j);
        if (!name || !name["folio-bold"] || !blob || this.state.tmp.sort_key_flag) {
            return blob;
        }
        var token = new CSL.Token("group", CSL.START);
        token.decorations = [["@font-weight", "bold"]];
        this.state.output.openLevel(token);
        this.state.output.append(blob);
        this.state.output.closeLevel();
        return this.state.output.pop();
    };

    var sys = {
        retrieveLocale: function (lang) {
            var xml = folioHost.readLocale(lang);
            return xml ? xml : false;
        },
        retrieveItem: function (id) {
            return currentItems[id];
        }
    };

    function dropLeastUsedEngine() {
        var oldest = null;
        for (var key in engines) {
            if (oldest === null || engines[key].used < engines[oldest].used) {
                oldest = key;
            }
        }
        if (oldest !== null) {
            delete engines[oldest];
            engineCount -= 1;
        }
    }

    function engineFor(key, xml, lang) {
        var cached = engines[key];
        useCounter += 1;
        if (cached && cached.xml === xml) {
            cached.used = useCounter;
            return cached.engine;
        }
        if (cached) {
            delete engines[key];
            engineCount -= 1;
        }
        if (engineCount >= maxEngines) {
            dropLeastUsedEngine();
        }
        var engine = new CSL.Engine(sys, xml, lang, true);
        // See the header: the caller orders the entries, so the style's
        // bibliography sort is dropped (entries, year suffixes and numbers
        // follow the caller's order) and so is subsequent-author-substitute.
        engine.bibliography_sort.tokens = [];
        engine.bibliography.opt["subsequent-author-substitute"] = undefined;
        engines[key] = { xml: xml, engine: engine, used: useCounter };
        engineCount += 1;
        return engine;
    }

    // Loads the call's items into an emptied engine: citeproc-js keeps an
    // item it has seen, and the same id may come back edited (the editor
    // re-formats as the user types) or with other names marked bold. Emptied
    // as rebuildProcessorState() empties it, not by updateItems([]): purging a
    // registry of hundreds of items goes wrong in Qt 6.4's engine (a TypeError
    // in the name registry on the third purge; Node is fine).
    function register(engine, items) {
        currentItems = {};
        var ids = [];
        for (var n = 0; n < items.length; n += 1) {
            var id = "" + items[n].id;
            if (!currentItems[id]) {
                ids.push(id);
            }
            currentItems[id] = items[n];
        }
        engine.registry = new CSL.Registry(engine);
        engine.tmp = new CSL.Engine.Tmp();
        engine.disambiguate = new CSL.Disambiguation(engine);
        engine.updateItems(ids);
        return ids;
    }

    // citeproc-js's entry without its wrapper: html "  <div class=\"csl-entry\">…</div>\n"
    // (numbered styles' entries have inner <div>s and line breaks around
    // them, trimmed too), text "…\n".
    function entryContent(entry, format) {
        if (format !== "html") {
            return entry.replace(/\n$/, "");
        }
        return entry.trim().replace(/^<div class="csl-entry">/, "").replace(/<\/div>$/, "").trim();
    }

    function entriesById(engine, format) {
        engine.setOutputFormat(format);
        var result = engine.makeBibliography();
        var byId = {};
        if (!result) {
            throw new Error("the style has no <bibliography>, so it formats only in-text citations");
        }
        var meta = result[0];
        var entries = result[1];
        for (var n = 0; n < entries.length; n += 1) {
            var ids = meta.entry_ids[n];
            for (var k = 0; k < ids.length; k += 1) {
                byId["" + ids[k]] = entryContent(entries[n], format);
            }
        }
        return byId;
    }

    function bibliography(key, xml, lang, itemsJson, withText) {
        var items = JSON.parse(itemsJson);
        var engine = engineFor(key, xml, lang);
        register(engine, items);
        var html = entriesById(engine, "html");
        var text = withText ? entriesById(engine, "text") : {};
        engine.setOutputFormat("html");
        var out = [];
        for (var n = 0; n < items.length; n += 1) {
            var id = "" + items[n].id;
            out.push({ html: html[id] || "", text: text[id] || "" });
        }
        return out;
    }

    // cites: [{ item, locator, label, prefix, suffix }]
    function citation(key, xml, lang, citesJson) {
        var cites = JSON.parse(citesJson);
        var engine = engineFor(key, xml, lang);
        register(engine, cites.map(function (c) { return c.item; }));
        var cluster = cites.map(function (c) {
            var cite = { id: "" + c.item.id };
            if (c.locator) { cite.locator = c.locator; cite.label = c.label || "page"; }
            if (c.prefix) { cite.prefix = c.prefix; }
            if (c.suffix) { cite.suffix = c.suffix; }
            return cite;
        });
        engine.setOutputFormat("html");
        var html = engine.makeCitationCluster(cluster);
        engine.setOutputFormat("text");
        var text = engine.makeCitationCluster(cluster);
        engine.setOutputFormat("html");
        return { html: html, text: text };
    }


    // Every answer is JSON, {"value": ...} or {"error": "..."}: citeproc-js
    // throws strings, which QJSValue::call() returns like any value, so the
    // C++ side could not tell a thrown string from a result.
    function answer(work) {
        return function () {
            try {
                return JSON.stringify({ value: work.apply(null, arguments) });
            } catch (e) {
                var where = e && e.lineNumber ? " (line " + e.lineNumber + ")" : "";
                return JSON.stringify({ error: String(e) + where });
            }
        };
    }

    return { bibliography: answer(bibliography), citation: answer(citation),
             version: CSL.PROCESSOR_VERSION };
})();
