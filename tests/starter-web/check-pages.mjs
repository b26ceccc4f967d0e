// Folio's starter site in a real browser: made with `folio-cli new`, built
// with folio-cli, served on 127.0.0.1, and every page checked
//   - by html-validate (the HTML as written),
//   - by axe-core in Debian's Chromium (through playwright-core) in light and
//     dark, at phone and desktop widths, contrast included, after MathJax ran,
//   - for requests: none may leave the site except MathJax's from jsDelivr
//     (answered here from the npm copy of MathJax, so the test runs offline).
// Also: the theme toggle flips the theme and the choice survives a reload.
//
// usage: node check-pages.mjs FOLIO_CLI
// Exit 0: all good; 1: problems (listed); 77: node_modules or Chromium
// missing (scripts/install-deps.sh installs both), so ctest reports a skip.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const SKIP = 77;
const MATHJAX_CDN = "https://cdn.jsdelivr.net/npm/mathjax@3/";

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}

const folioCli = process.argv[2];
if (!folioCli || !existsSync(folioCli)) {
  console.error("usage: node check-pages.mjs FOLIO_CLI");
  process.exit(2);
}
if (!existsSync(join(here, "node_modules"))) skip("tests/starter-web/node_modules is missing: run scripts/install-deps.sh (npm ci)");
const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromiumPath) skip("Debian's chromium is not installed: run scripts/install-deps.sh");

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const { HtmlValidate, FileSystemConfigLoader } = require("html-validate");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const mathjaxRoot = dirname(require.resolve("mathjax/package.json"));

// 1. The site, as a user gets it.
const work = mkdtempSync(join(tmpdir(), "folio-starter-web-"));
const site = join(work, "site");
const out = join(work, "out");
const env = { ...process.env, FOLIO_CACHE_DIR: join(work, "cache") };
execFileSync(folioCli, ["new", site, "--title", "Ada Lovelace", "--author", "Ada Lovelace"], { env, stdio: "pipe" });
execFileSync(folioCli, ["build", site, "-d", out, "-q"], { env, stdio: "pipe" });

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const pages = walk(out).filter((p) => p.endsWith(".html")).map((p) => "/" + relative(out, p)).sort();

const problems = [];
const problem = (text) => problems.push(text);

// 2. html-validate over every page, as written.
// One rule off: wcag/h63 wants scope on every <th>, which Markdown tables
// (kramdown's and Folio's) never write; WCAG needs it only for complex tables.
const validator = new HtmlValidate(new FileSystemConfigLoader({
  extends: ["html-validate:recommended"],
  rules: { "wcag/h63": "off" },
}));
for (const page of pages) {
  const report = await validator.validateFile(join(out, page));
  for (const result of report.results)
    for (const m of result.messages) problem(`html-validate ${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
}

// 3. The built site on a local address.
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".pdf": "application/pdf", ".bib": "text/plain", ".js": "text/javascript", ".woff": "font/woff" };
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(out, path);
  if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404, { "content-type": "text/html" });
    res.end(readFileSync(join(out, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });

// Every request of a page: the site's own, or MathJax's (served from npm).
async function openPage(context, page, requests) {
  const tab = await context.newPage();
  await tab.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url.startsWith(MATHJAX_CDN)) {
      const file = join(mathjaxRoot, url.slice(MATHJAX_CDN.length).split("?")[0]);
      if (file.startsWith(mathjaxRoot) && existsSync(file))
        return route.fulfill({ status: 200, contentType: types[extname(file)] || "application/octet-stream", body: readFileSync(file) });
      return route.fulfill({ status: 404, body: "" });
    }
    requests.push(url);
    return route.abort();
  });
  await tab.goto(origin + page, { waitUntil: "load" });
  // MathJax typesets after load; wait until it has (pages without it too).
  await tab.waitForFunction(() => window.MathJax && window.MathJax.startup && window.MathJax.startup.promise, null, { timeout: 20000 });
  await tab.evaluate(() => window.MathJax.startup.promise);
  return tab;
}

const modes = [
  { scheme: "light", width: 1280 }, { scheme: "dark", width: 1280 },
  { scheme: "light", width: 390 }, { scheme: "dark", width: 390 },
];
let runs = 0;
for (const mode of modes) {
  const context = await browser.newContext({ colorScheme: mode.scheme, viewport: { width: mode.width, height: 900 } });
  for (const page of pages) {
    const requests = [];
    const tab = await openPage(context, page, requests);
    for (const url of requests) problem(`request ${page} (${mode.scheme}): ${url} is neither the site's nor MathJax's`);
    await tab.addScriptTag({ content: axeSource });
    const result = await tab.evaluate(() => window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }));
    for (const v of result.violations)
      for (const node of v.nodes)
        problem(`axe ${page} (${mode.scheme}, ${mode.width}px): ${v.id}: ${v.help} at ${node.target.join(" ")}\n    ${node.failureSummary.replace(/\n/g, "\n    ")}`);
    if (result.incomplete.some((v) => v.id === "color-contrast"))
      for (const node of result.incomplete.find((v) => v.id === "color-contrast").nodes)
        problem(`axe ${page} (${mode.scheme}, ${mode.width}px): color-contrast could not be checked at ${node.target.join(" ")}: ${node.any.map((a) => a.message).join("; ")}`);
    // The theme that shows is the one the system asks for.
    const bg = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if ((mode.scheme === "dark") !== (bg !== "rgb(255, 255, 255)")) problem(`theme ${page} (${mode.scheme}): background ${bg}`);
    await tab.close();
    ++runs;
  }
  await context.close();
}

// 4. MathJax typeset all four delimiters of the math post: 4 inline formulas
// ($…$ twice, \(…\) twice), 3 displayed ($$…$$ twice, \[…\] once), and no
// delimiter is left in the text outside code.
{
  const context = await browser.newContext();
  const tab = await openPage(context, "/posts/2024/04/math-in-posts/", []);
  const math = await tab.evaluate(() => {
    const article = document.querySelector("article").cloneNode(true);
    article.querySelectorAll("code, pre, mjx-container").forEach((e) => e.remove());
    return {
      inline: document.querySelectorAll("mjx-container:not([display=true])").length,
      display: document.querySelectorAll("mjx-container[display=true]").length,
      leftover: (article.textContent.match(/\\\(|\\\[|\$\$|\$[^$\s\d]/g) || []).join(" "),
    };
  });
  if (math.inline !== 4 || math.display !== 3 || math.leftover)
    problem(`mathjax: ${math.inline} inline and ${math.display} displayed formulas typeset (want 4 and 3), left in the text: ${math.leftover}`);
  await context.close();
}

// 5. The toggle: light system, click -> dark, reload -> still dark, click -> light.
{
  const context = await browser.newContext({ colorScheme: "light" });
  const tab = await openPage(context, "/", []);
  const state = async () => tab.evaluate(() => ({
    pressed: document.getElementById("theme-toggle").getAttribute("aria-pressed"),
    bg: getComputedStyle(document.body).backgroundColor,
    stored: localStorage.getItem("theme"),
  }));
  const before = await state();
  if (before.pressed !== "false" || before.bg !== "rgb(255, 255, 255)") problem(`toggle: starts ${JSON.stringify(before)}`);
  await tab.keyboard.press("Tab"); // the skip link comes first and shows when focused
  const skipVisible = await tab.evaluate(() => document.activeElement.classList.contains("skip-link") && document.activeElement.getBoundingClientRect().top >= 0);
  if (!skipVisible) problem("skip link: not first in tab order, or not visible when focused");
  await tab.click("#theme-toggle");
  const dark = await state();
  if (dark.pressed !== "true" || dark.bg === "rgb(255, 255, 255)" || dark.stored !== "dark") problem(`toggle: after a click ${JSON.stringify(dark)}`);
  await tab.reload();
  await tab.waitForLoadState("load");
  const kept = await state();
  if (kept.pressed !== "true" || kept.bg === "rgb(255, 255, 255)") problem(`toggle: after a reload ${JSON.stringify(kept)}`);
  await tab.click("#theme-toggle");
  const light = await state();
  if (light.pressed !== "false" || light.bg !== "rgb(255, 255, 255)" || light.stored !== "light") problem(`toggle: second click ${JSON.stringify(light)}`);
  // On paper: no menu, no toggle, black on white even in the dark theme.
  await tab.click("#theme-toggle");
  await tab.emulateMedia({ media: "print" });
  const printed = await tab.evaluate(() => [".masthead", "#theme-toggle"].map((s) => getComputedStyle(document.querySelector(s)).display));
  if (printed.some((d) => d !== "none")) problem(`print: menu or toggle still shown (${printed})`);
  const paper = await tab.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
  if (paper[0] !== "rgb(255, 255, 255)" || paper[1] !== "rgb(0, 0, 0)") problem(`print: the dark theme prints as ${paper}`);
  await context.close();
}

await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });

for (const p of problems) console.log(p);
console.log(`${pages.length} pages, ${runs} browser runs (light/dark x phone/desktop): ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
