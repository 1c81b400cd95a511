// Small SVG bar charts drawn here (no library): one bar per day, a few gridlines, the figures
// repeated in a table under a disclosure so screen readers and keyboards get them too.
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/**
 * points: [{label: 'YYYY-MM-DD', value: number}]; format: value -> text.
 * Returns a <figure> with the chart and its data table.
 */
export function barChart({ title, points, format, axisFormat = format, id }) {
  const width = 640, height = 220, left = 72, right = 8, top = 12, bottom = 28;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = plotW / Math.max(1, points.length);
  const total = points.reduce((sum, p) => sum + p.value, 0);

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-labelledby': `${id}-title`,
  }, s('title', { id: `${id}-title` }, `${title}: ${format(total)} over ${points.length} days`));

  for (const fraction of [0, 0.5, 1]) {
    const y = top + plotH - plotH * fraction;
    svg.append(s('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'grid' }));
    svg.append(s('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, axisFormat(Math.round(max * fraction))));
  }
  points.forEach((p, i) => {
    const barH = (p.value / max) * plotH;
    const x = left + i * step + step * 0.15;
    const bar = s('rect', {
      x, y: top + plotH - barH, width: Math.max(1, step * 0.7), height: Math.max(0, barH), class: 'bar',
    }, s('title', {}, `${p.label}: ${format(p.value)}`));
    svg.append(bar);
    const every = Math.ceil(points.length / 6);
    if (i % every === 0 || i === points.length - 1) {
      svg.append(s('text', { x: x + step * 0.35, y: height - 8, class: 'axis', 'text-anchor': 'middle' }, p.label.slice(5)));
    }
  });

  const table = h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, title))),
    h('tbody', {}, points.map((p) => h('tr', {}, h('td', {}, p.label), h('td', { class: 'num' }, format(p.value))))));
  return h('figure', { class: 'card chart-card', id },
    h('figcaption', {}, h('h2', {}, title), h('span', { class: 'muted' }, `total ${format(total)}`)),
    svg,
    h('details', {}, h('summary', {}, 'Show the figures'), table));
}
