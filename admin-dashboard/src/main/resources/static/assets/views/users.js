import { h, main, replace } from '../dom.js';
import { api } from '../api.js';
import { count, duration, money, when } from '../format.js';
import { table, userLink } from './tables.js';

const PAGE = 25;

export async function users(params) {
  const q = params.get('q') || '';
  const offset = Math.max(0, Number(params.get('offset') || 0));
  const page = await api.get(`/admin/users?limit=${PAGE}&offset=${offset}&q=${encodeURIComponent(q)}`);

  const search = h('input', { id: 'user-search', type: 'search', name: 'q', value: q,
    placeholder: 'email, name or id', 'aria-describedby': 'search-help' });
  const form = h('form', { class: 'inline', role: 'search' },
    h('label', { for: 'user-search' }, 'Search users'), search,
    h('button', { type: 'submit' }, 'Search'),
    h('span', { id: 'search-help', class: 'muted' }, 'Matches part of an email or name, or an exact id.'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/users?q=${encodeURIComponent(search.value.trim())}`;
  });

  const go = (to) => () => { location.hash = `#/users?q=${encodeURIComponent(q)}&offset=${to}`; };
  const last = Math.min(offset + page.users.length, page.total);
  replace(main(),
    h('h1', {}, 'Users'),
    form,
    table(`Users ${page.total ? offset + 1 : 0}–${last} of ${count(page.total)}`, [
      ['Id', (u) => userLink(u.id)],
      ['Email', (u) => h('a', { href: `#/users/${u.id}` }, u.email)],
      ['Name', (u) => u.full_name],
      ['Balance', (u) => duration(u.balance_seconds), 'num'],
      ['Spent', (u) => money(u.total_spent_cents), 'num'],
      ['Last activity', (u) => when(u.last_activity_at)],
      ['Status', (u) => (u.disabled ? h('span', { class: 'badge bad' }, 'disabled') : 'active')],
    ], page.users, q ? `No user matches “${q}”.` : 'No users yet.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', disabled: offset === 0, onclick: go(Math.max(0, offset - PAGE)) }, '← Previous'),
      h('button', { type: 'button', disabled: last >= page.total, onclick: go(offset + PAGE) }, 'Next →')));
}
