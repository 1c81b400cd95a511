import { h, main, replace, say } from '../dom.js';
import { api } from '../api.js';
import { sessionsTable } from './tables.js';

// Sessions running now, each with a way to end it (through the time service, audited).
export async function liveSessions() {
  const d = await api.get('/admin/dashboard');
  const end = (s) => {
    const reason = h('input', { type: 'text', required: true, maxlength: 500, 'aria-label': `Reason to end session ${s.id}`,
      placeholder: 'reason' });
    const form = h('form', { class: 'inline compact' }, reason, h('button', { type: 'submit' }, 'End'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api.post(`/admin/sessions/${encodeURIComponent(s.id)}/end`, { reason: reason.value.trim() });
        say(`Session ${s.id} ended.`);
        liveSessions();
      } catch (err) {
        say(err.message, 'error');
      }
    });
    return form;
  };
  replace(main(),
    h('h1', {}, 'Live sessions'),
    h('p', { class: 'muted' }, `${d.live_sessions} running now.`),
    sessionsTable('Live sessions', d.live, [['End', end]]));
}
