import { h } from '../dom.js';
import { duration, money, when } from '../format.js';

// Tables shared by several views. Columns: [header, row -> cell, optional 'num'].
export function table(caption, columns, rows, empty = 'Nothing yet.') {
  if (!rows.length) return h('section', { class: 'card' }, h('h2', {}, caption), h('p', { class: 'muted' }, empty));
  return h('section', { class: 'card' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(([title, , kind]) => h('th', { scope: 'col', class: kind || '' }, title)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell, kind]) => h('td', { class: kind || '' }, cell(row))))))));
}

export const userLink = (id) => h('a', { href: `#/users/${encodeURIComponent(id)}` }, `#${id}`);

export function purchasesTable(caption, purchases) {
  return table(caption, [
    ['When', (p) => when(p.created_at)],
    ['User', (p) => userLink(p.user_id)],
    ['Package', (p) => p.package_id],
    ['Amount', (p) => money(p.amount_cents, p.currency), 'num'],
    ['Refunded', (p) => (p.refunded_cents ? money(p.refunded_cents, p.currency) : '—'), 'num'],
    ['Status', (p) => p.status],
    ['Id', (p) => h('code', {}, p.id)],
  ], purchases);
}

export function sessionsTable(caption, sessions, extra = []) {
  return table(caption, [
    ['Started', (s) => when(s.started_at)],
    ['User', (s) => userLink(s.user_id)],
    ['Room', (s) => s.room_name],
    ['Status', (s) => (s.live ? 'live' : s.status)],
    ['Used', (s) => duration(s.used_seconds), 'num'],
    ['Ended', (s) => when(s.ended_at)],
    ...extra,
  ], sessions);
}
