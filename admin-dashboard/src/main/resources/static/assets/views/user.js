import { h, main, replace, say } from '../dom.js';
import { api } from '../api.js';
import { duration, money, when } from '../format.js';
import { purchasesTable, sessionsTable, table } from './tables.js';

// One user: figures, the actions an admin can take, and their purchases, sessions and ledger.
export async function user(id) {
  const r = await api.get(`/admin/users/${encodeURIComponent(id)}/report`);
  const u = r.user;
  const refresh = () => user(id);
  replace(main(),
    h('h1', {}, u.full_name || u.email, ' ', h('span', { class: 'muted' }, `#${u.id}`)),
    h('section', { class: 'stats', 'aria-label': 'Account' },
      fact('Email', u.email), fact('Balance', duration(r.account.balance_seconds), 'user-balance'),
      fact('Available', duration(r.account.available_seconds)), fact('Spent', money(u.total_spent_cents)),
      fact('Signed up', when(u.created_at)), fact('Last activity', when(u.last_activity_at)),
      fact('Status', u.disabled ? `disabled (${[u.login_disabled && 'sign-in', u.sessions_disabled && 'sessions']
        .filter(Boolean).join(', ')})` : 'active', 'user-status'),
      r.account.flagged ? fact('Flagged', r.account.flag_reason || 'yes') : null),
    h('div', { class: 'actions' },
      grantForm(u, refresh),
      switchForm(u, refresh),
      refundForm(r.purchases, refresh),
      endForm(r.sessions.filter((s) => s.live), refresh)),
    purchasesTable('Purchases', r.purchases),
    sessionsTable('Sessions', r.sessions),
    table('Ledger', [
      ['When', (e) => when(e.created_at)],
      ['Kind', (e) => e.kind.replace('_', ' ')],
      ['Seconds', (e) => (e.seconds > 0 ? '+' : '') + duration(e.seconds), 'num'],
      ['Balance after', (e) => duration(e.balance_after), 'num'],
      ['Cause', (e) => `${e.cause_type} ${e.cause_id}`],
      ['By', (e) => e.actor || ''],
      ['Note', (e) => e.note || ''],
    ], r.ledger, 'No ledger entries yet.'));
}

function fact(label, value, id) {
  return h('div', { class: 'stat', id }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
}

/** A small audited-action form: fields, a submit button, and what happened next to it. */
function actionForm(id, title, fields, button, submit) {
  const result = h('p', { class: 'result', role: 'status' });
  const form = h('form', { class: 'card action', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), fields, h('button', { type: 'submit' }, button), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      const message = await submit();
      say(message);
      await new Promise((resolve) => setTimeout(resolve, 0));
      form.dispatchEvent(new CustomEvent('done'));
    } catch (err) {
      replace(result, h('span', { class: 'error' }, err.message));
      btn.disabled = false;
    }
  });
  return form;
}

function field(id, label, input) {
  return [h('label', { for: id }, label), Object.assign(input, { id })];
}

function reasonField() {
  return h('input', { type: 'text', name: 'reason', required: true, maxlength: 500 });
}

function grantForm(u, refresh) {
  const minutes = h('input', { type: 'number', name: 'minutes', step: 1, required: true, value: 60 });
  const reason = reasonField();
  let key = crypto.randomUUID(); // one Idempotency-Key per intended grant, so a double submit grants once
  const form = actionForm('grant', 'Grant or take back time', [
    field('grant-minutes', 'Minutes (negative takes time back)', minutes),
    field('grant-reason', 'Reason', reason)], 'Apply', async () => {
    const seconds = Math.round(Number(minutes.value) * 60);
    await api.post(`/admin/users/${u.id}/grant`, { seconds, reason: reason.value.trim() }, { 'Idempotency-Key': key });
    key = crypto.randomUUID();
    return `${seconds >= 0 ? 'Granted' : 'Took back'} ${duration(Math.abs(seconds))} for ${u.email}.`;
  });
  form.addEventListener('done', refresh);
  return form;
}

function switchForm(u, refresh) {
  const verb = u.disabled ? 'enable' : 'disable';
  const reason = reasonField();
  const form = actionForm('switch', u.disabled ? 'Enable this user' : 'Disable this user',
    [field('switch-reason', 'Reason', reason),
      h('p', { class: 'muted' }, u.disabled ? 'Lets them sign in and start sessions again.'
        : 'Blocks sign-in (auth) and new sessions (time).')],
    u.disabled ? 'Enable' : 'Disable', async () => {
      await api.post(`/admin/users/${u.id}/${verb}`, { reason: reason.value.trim() });
      return `${u.email} ${verb}d.`;
    });
  form.addEventListener('done', refresh);
  return form;
}

function refundForm(purchases, refresh) {
  const refundable = purchases.filter((p) => p.succeeded_at && p.refunded_cents < p.amount_cents);
  if (!refundable.length) return h('section', { class: 'card action' }, h('h2', {}, 'Refund'), h('p', { class: 'muted' }, 'No refundable purchase.'));
  const which = h('select', { name: 'purchase' }, refundable.map((p) => h('option', { value: p.id },
    `${when(p.created_at)} ${p.package_id} ${money(p.amount_cents - p.refunded_cents, p.currency)}`)));
  const cents = h('input', { type: 'number', name: 'amount_cents', min: 1, step: 1, placeholder: 'all' });
  const reason = reasonField();
  const form = actionForm('refund', 'Refund a purchase', [
    field('refund-purchase', 'Purchase', which),
    field('refund-cents', 'Amount in cents (empty refunds the rest)', cents),
    field('refund-reason', 'Reason', reason)], 'Refund', async () => {
    const body = { reason: reason.value.trim() };
    if (cents.value) body.amount_cents = Number(cents.value);
    await api.post(`/admin/purchases/${encodeURIComponent(which.value)}/refund`, body);
    return 'Refund requested.';
  });
  form.addEventListener('done', refresh);
  return form;
}

function endForm(live, refresh) {
  if (!live.length) return h('section', { class: 'card action' }, h('h2', {}, 'End a session'), h('p', { class: 'muted' }, 'No live session.'));
  const which = h('select', { name: 'session' }, live.map((s) => h('option', { value: s.id }, `${s.room_name} since ${when(s.started_at)}`)));
  const reason = reasonField();
  const form = actionForm('end', 'End a live session', [
    field('end-session', 'Session', which), field('end-reason', 'Reason', reason)], 'End session', async () => {
    await api.post(`/admin/sessions/${encodeURIComponent(which.value)}/end`, { reason: reason.value.trim() });
    return 'Session ended.';
  });
  form.addEventListener('done', refresh);
  return form;
}
