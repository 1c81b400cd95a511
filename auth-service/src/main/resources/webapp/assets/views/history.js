// What happened to your time: every ledger entry (purchases, calls, refunds, grants) and every call
// with what it cost in seconds.
import { api } from '../api.js';
import { h, main, replace } from '../dom.js';
import { duration, when } from '../format.js';

const KINDS = {
  purchase_credit: 'Time card bought',
  admin_grant: 'Time granted by support',
  admin_revoke: 'Time taken back by support',
  refund_debit: 'Refund',
  dispute_debit: 'Disputed payment',
  session_usage: 'Call',
};
const PAGE = 20;

export async function historyView() {
  const transactions = h('section', { class: 'card', id: 'transactions' });
  const calls = h('section', { class: 'card', id: 'calls' });
  replace(main(), h('h1', {}, 'History'), transactions, calls);
  await Promise.all([showTransactions(transactions, 0), showCalls(calls, 0)]);
}

async function showTransactions(section, offset) {
  const page = await api.get(`/time/transactions?limit=${PAGE}&offset=${offset}`);
  replace(section,
    h('table', {},
      h('caption', {}, 'Purchases and balance changes ', h('span', { class: 'muted' }, `(${page.total})`)),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What'),
        h('th', { scope: 'col', class: 'num' }, 'Time'), h('th', { scope: 'col', class: 'num' }, 'Balance after'))),
      h('tbody', {}, page.transactions.length === 0
        ? h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'Nothing yet. Buy a time card to get started.'))
        : page.transactions.map((t) => h('tr', {},
          h('td', {}, when(t.created_at)),
          h('td', {}, KINDS[t.kind] ?? t.kind, t.note ? h('span', { class: 'muted' }, ` · ${t.note}`) : null),
          h('td', { class: 'num ' + (t.seconds >= 0 ? 'plus' : 'minus') }, (t.seconds >= 0 ? '+' : '−') + duration(Math.abs(t.seconds))),
          h('td', { class: 'num' }, duration(t.balance_after)))))),
    pager(page, offset, (next) => showTransactions(section, next)));
}

async function showCalls(section, offset) {
  const page = await api.get(`/time/sessions?limit=${PAGE}&offset=${offset}`);
  replace(section,
    h('table', {},
      h('caption', {}, 'Calls ', h('span', { class: 'muted' }, `(${page.total})`)),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Started'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'num' }, 'Cost'))),
      h('tbody', {}, page.sessions.length === 0
        ? h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No calls yet.'))
        : page.sessions.map((s) => h('tr', {},
          h('td', {}, when(s.started_at)),
          h('td', {}, s.status === 'active' ? 'In progress' : endText(s.end_reason)),
          h('td', { class: 'num' }, duration(s.billed_seconds)))))),
    pager(page, offset, (next) => showCalls(section, next)));
}

function endText(reason) {
  return { balance_exhausted: 'Ended: time ran out', admin: 'Ended by support', account_disabled: 'Ended: account disabled' }[reason] ?? 'Ended';
}

function pager(page, offset, go) {
  if (page.total <= PAGE) return null;
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE)) }, 'Newer'),
    h('span', { class: 'muted' }, `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total}`),
    h('button', { type: 'button', class: 'secondary', disabled: offset + PAGE >= page.total, onclick: () => go(offset + PAGE) }, 'Older'));
}
