import { h, main, replace, say } from '../dom.js';
import { api, download } from '../api.js';
import { barChart } from '../charts.js';
import { count, duration, money, shortDuration } from '../format.js';
import { purchasesTable, sessionsTable, table, userLink } from './tables.js';

function stat(label, value, id) {
  return h('div', { class: 'stat', id }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
}

export async function dashboard() {
  const days = Number(sessionStorage.getItem('mindbot.admin.days') || 30);
  const [d, revenue, usage] = await Promise.all([
    api.get('/admin/dashboard'),
    api.get(`/admin/analytics/revenue?days=${days}`),
    api.get(`/admin/analytics/usage?days=${days}`),
  ]);
  const period = h('select', { id: 'period' },
    [7, 30, 90, 365].map((n) => h('option', { value: n, selected: n === days }, `last ${n} days`)));
  period.addEventListener('change', () => {
    sessionStorage.setItem('mindbot.admin.days', period.value);
    dashboard();
  });

  replace(main(),
    h('h1', {}, 'Dashboard'),
    h('section', { class: 'stats', 'aria-label': 'Overview' },
      stat('Users', count(d.users_total), 'stat-users'),
      stat('Revenue today', money(d.revenue_today_cents, revenue.currency), 'stat-revenue-today'),
      stat('Revenue, 30 days', money(d.revenue_30d_cents, revenue.currency), 'stat-revenue-30d'),
      stat('Live sessions', count(d.live_sessions), 'stat-live'),
      stat('Hours used today', String(d.hours_used_today), 'stat-hours-today'),
      stat('Active users, 30 days', count(d.active_users_30d), 'stat-active')),
    h('div', { class: 'toolbar' }, h('label', { for: 'period' }, 'Charts and totals for'), period),
    h('section', { class: 'stats', 'aria-label': 'Period totals' },
      stat('Net revenue', money(revenue.total_revenue_cents, revenue.currency), 'period-revenue'),
      stat('Refunded', money(revenue.refunded_cents, revenue.currency), 'period-refunded'),
      stat('Purchases', count(revenue.total_transactions), 'period-purchases'),
      stat('Average purchase', money(revenue.avg_transaction_cents, revenue.currency), 'period-average'),
      stat('Sessions', count(usage.total_sessions), 'period-sessions'),
      stat('Hours used', String(usage.total_hours_used), 'period-hours'),
      stat('Average session', `${usage.avg_session_minutes} min`, 'period-avg-session'),
      stat('Active users', count(usage.active_users), 'period-active')),
    h('div', { class: 'charts' },
      barChart({ id: 'revenue-chart', title: 'Net revenue per day', format: (c) => money(c, revenue.currency),
        points: revenue.daily_revenue.map((x) => ({ label: x.date, value: x.revenue_cents })) }),
      barChart({ id: 'usage-chart', title: 'Conversation time per day', format: (sec) => duration(sec), axisFormat: shortDuration,
        points: usage.daily_usage.map((x) => ({ label: x.date, value: x.seconds_used })) })),
    table('Packages', [
      ['Package', (p) => p.package_id],
      ['Purchases', (p) => count(p.transactions), 'num'],
      ['Net revenue', (p) => money(p.revenue_cents, revenue.currency), 'num'],
      ['Refunded', (p) => money(p.refunded_cents, revenue.currency), 'num'],
      ['Time sold', (p) => duration(p.seconds_sold), 'num'],
    ], revenue.package_stats, 'No purchases in this period.'),
    table('Alerts', [
      ['Kind', (a) => a.kind.replace('_', ' ')],
      ['What', (a) => a.message],
      ['User', (a) => (a.user_id ? userLink(a.user_id) : '—')],
    ], d.alerts, 'No failed payments, refunds or disputes in the last 7 days.'),
    purchasesTable('Recent purchases', d.recent_purchases),
    sessionsTable('Recent sessions', d.recent_sessions),
    exportForm());
}

function exportForm() {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86400000).toISOString().slice(0, 10);
  const from = h('input', { id: 'export-from', type: 'date', value: monthAgo, required: true });
  const to = h('input', { id: 'export-to', type: 'date', value: today, required: true });
  const go = (what) => async () => {
    try {
      await download(`/admin/export/${what}.csv?from=${from.value}&to=${to.value}`, `${what}-${from.value}-to-${to.value}.csv`);
      say(`Exported ${what}.`);
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return h('section', { class: 'card' }, h('h2', {}, 'Export CSV'),
    h('form', { class: 'inline', onsubmit: (e) => e.preventDefault() },
      h('label', { for: 'export-from' }, 'From'), from,
      h('label', { for: 'export-to' }, 'To'), to,
      h('button', { type: 'button', onclick: go('purchases') }, 'Purchases'),
      h('button', { type: 'button', onclick: go('sessions') }, 'Sessions')));
}
