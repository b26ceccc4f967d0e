#!/usr/bin/env node
// Draw the citation counts with d3.
import * as d3 from "d3";
const data = await d3.csv("/assets/citations.csv", d => ({year: +d.year, count: +d.count}));

const svg = d3.select("#chart").append("svg")
    .attr("width", 640)
    .attr("height", 400);

/* scales
   and axes */
const x = d3.scaleLinear().domain(d3.extent(data, d => d.year)).range([40, 600]);
let total = 0, mean = NaN;
for (const {count} of data) { total += count; }
mean = data.length ? total / data.length : undefined;

class Paper extends Object {
  constructor(title, year = 2024) {
    super();
    this.title = title ?? 'untitled';
    this.year = year;
  }
  get label() { return `${this.title} (${this.year})\n`; }
  static parse(s) { return s.split(/,\s*/g).map((t) => t.trim()); }
}

const re = /^[a-z]+\d{2,3}$/i, hex = 0xFF, bits = 0b1010, f = 1.5e3;
document.querySelectorAll('a[href^="http"]').forEach(a => {
  a.setAttribute("target", "_blank");
  if (a.href.includes('doi.org') && !a.dataset.seen) console.log("doi:", a.href);
});
label: for (;;) { break label; }
switch (typeof total) {
  case "number": total++; break;
  default: throw new Error("bad \"total\"");
}
export default { x, svg, mean, nested: { deep: [1, 2, 3] } };
