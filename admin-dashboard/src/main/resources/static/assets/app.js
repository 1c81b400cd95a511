// The admin panel: a hash router over a few views. Static files are public; every figure comes
// from the admin API with the signed-in admin's token.
import { h, main, replace, say } from './dom.js';
import { session } from './api.js';
import { signIn } from './views/signin.js';
import { dashboard } from './views/dashboard.js';
import { users } from './views/users.js';
import { user } from './views/user.js';
import { liveSessions } from './views/sessions.js';
import { audit } from './views/audit.js';

const routes = [
  [/^#\/dashboard$/, () => dashboard()],
  [/^#\/users$/, (m, params) => users(params)],
  [/^#\/users\/([0-9]+)$/, (m) => user(m[1])],
  [/^#\/sessions$/, () => liveSessions()],
  [/^#\/audit$/, (m, params) => audit(params)],
];

function chrome() {
  const signedIn = Boolean(session.token());
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  replace(document.getElementById('who'), signedIn ? session.email() || '' : '');
  const current = location.hash.split('?')[0];
  for (const a of document.querySelectorAll('#nav a')) {
    if (current.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route() {
  chrome();
  if (!session.token()) {
    signIn(() => {
      location.hash = '#/dashboard';
      route();
    });
    return;
  }
  const [path, query] = (location.hash || '#/dashboard').split('?');
  const params = new URLSearchParams(query || '');
  for (const [pattern, view] of routes) {
    const m = path.match(pattern);
    if (m) {
      try {
        await view(m, params);
      } catch (e) {
        replace(main(), h('p', { class: 'error', role: 'alert' }, e.message));
      }
      main().focus({ preventScroll: true });
      window.scrollTo(0, 0);
      return;
    }
  }
  location.hash = '#/dashboard';
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.clear();
  say('Signed out.');
  location.hash = '';
  route();
});
window.addEventListener('signed-out', (e) => {
  say(e.detail, 'error');
  route();
});
window.addEventListener('hashchange', () => {
  say('');
  route();
});
route();
