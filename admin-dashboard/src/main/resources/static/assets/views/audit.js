import { h, main, replace } from '../dom.js';
import { api } from '../api.js';
import { count, when } from '../format.js';
import { table } from './tables.js';

const PAGE = 50;

export async function audit(params) {
  const offset = Math.max(0, Number(params.get('offset') || 0));
  const page = await api.get(`/admin/audit?limit=${PAGE}&offset=${offset}`);
  const go = (to) => () => { location.hash = `#/audit?offset=${to}`; };
  const last = offset + page.entries.length;
  replace(main(),
    h('h1', {}, 'Audit log'),
    table(`Admin actions ${page.total ? offset + 1 : 0}–${last} of ${count(page.total)}`, [
      ['When', (e) => when(e.created_at)],
      ['Admin', (e) => e.admin_email || e.admin_id],
      ['Action', (e) => e.action.replace('_', ' ')],
      ['Target', (e) => (e.target_type === 'user' ? h('a', { href: `#/users/${e.target_id}` }, `user #${e.target_id}`)
        : `${e.target_type} ${e.target_id}`)],
      ['Reason', (e) => e.reason],
      ['Details', (e) => e.details || ''],
      ['Outcome', (e) => h('span', { class: `badge ${e.outcome === 'succeeded' ? 'good' : 'bad'}` }, e.outcome)],
      ['Services said', (e) => e.outcome_detail || ''],
    ], page.entries, 'No admin actions yet.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', disabled: offset === 0, onclick: go(Math.max(0, offset - PAGE)) }, '← Newer'),
      h('button', { type: 'button', disabled: last >= page.total, onclick: go(offset + PAGE) }, 'Older →')));
}
