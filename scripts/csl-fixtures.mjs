#!/usr/bin/env node
// Writes tests/csl/expected-<style>.json: tests/csl/items.json formatted by
// citeproc-js under Node, the reference tests/csl/tst_csl.cpp holds Folio's
// QJSEngine output to, byte for byte.
//
//   node scripts/csl-fixtures.mjs [path/to/citeproc_commonjs.js]
//
// citeproc-js is the copy scripts/install-deps.sh vendors in resources/citeproc
// (the version pinned there), or the file given. The items are formatted as a
// plain citeproc-js user would (updateItems, makeBibliography in "html" and
// "text"), with the choices Folio makes for its callers, who order the
// entries themselves: the style's bibliography sort is dropped (entries, year
// suffixes and numbers follow items.json), entries are matched back to items
// by id, and the style's subsequent-author-substitute is off. The html entry is the content of
// citeproc-js's <div class="csl-entry">, trimmed; the text entry loses its
// final newline.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const citeprocPath = path.resolve(process.argv[2] || path.join(root, 'resources/citeproc/citeproc_commonjs.js'));
const CSL = createRequire(import.meta.url)(citeprocPath);
const stylesDir = '/usr/share/citation-style-language/styles';
const localesDir = '/usr/share/citation-style-language/locales';
const styles = ['apa', 'ieee', 'chicago-author-date'];

const items = JSON.parse(fs.readFileSync(path.join(root, 'tests/csl/items.json'), 'utf8'));
const byId = Object.fromEntries(items.map((item) => [item.id, item]));

const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : false;
  },
  retrieveItem: (id) => byId[id],
};

function entries(engine, format) {
  engine.setOutputFormat(format);
  const [meta, list] = engine.makeBibliography();
  const out = {};
  list.forEach((entry, n) => {
    const text = format === 'html'
      ? entry.trim().replace(/^<div class="csl-entry">/, '').replace(/<\/div>$/, '').trim()
      : entry.replace(/\n$/, '');
    for (const id of meta.entry_ids[n]) out[id] = text;
  });
  return out;
}

// In-text citations: each cluster formatted by an engine holding only its
// items, as Folio formats one citation() call.
const clusters = [
  [{ id: 'chen2023deep', locator: '12-14', label: 'page' }],
  [{ id: 'chen2023deep' }, { id: 'li2020conf', prefix: 'see ', suffix: ', for a review' }],
  [{ id: 'knuth1997book', locator: '3', label: 'chapter' }, { id: 'wang2024many' }],
];

function citations(xml) {
  return clusters.map((cluster) => {
    const engine = new CSL.Engine(sys, xml, 'en-US', true);
    engine.bibliography_sort.tokens = [];
    engine.updateItems(cluster.map((cite) => cite.id));
    engine.setOutputFormat('html');
    const html = engine.makeCitationCluster(cluster);
    engine.setOutputFormat('text');
    const text = engine.makeCitationCluster(cluster);
    return { cites: cluster, html, text };
  });
}

for (const style of styles) {
  const xml = fs.readFileSync(path.join(stylesDir, `${style}.csl`), 'utf8');
  const engine = new CSL.Engine(sys, xml, 'en-US', true);
  engine.bibliography_sort.tokens = [];
  engine.bibliography.opt['subsequent-author-substitute'] = undefined;
  engine.updateItems(items.map((item) => item.id));
  const html = entries(engine, 'html');
  const text = entries(engine, 'text');
  const expected = {
    generator: 'scripts/csl-fixtures.mjs',
    citeproc: JSON.parse(fs.readFileSync(path.join(path.dirname(citeprocPath), 'package.json'), 'utf8')).version,
    style,
    locale: 'en-US',
    entries: items.map((item) => ({ id: item.id, html: html[item.id], text: text[item.id] })),
    citations: citations(xml),
  };
  const file = path.join(root, `tests/csl/expected-${style}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(expected, null, 2) + '\n');
  fs.renameSync(`${file}.tmp`, file);
  console.log(`wrote ${path.relative(root, file)}`);
}
