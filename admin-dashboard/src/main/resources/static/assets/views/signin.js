import { h, main, replace, say } from '../dom.js';
import { api, session } from '../api.js';

// Sign-in with admin credentials. The admin service forwards them to the auth service and only
// hands back a token that carries the admin role.
export function signIn(onSignedIn) {
  const error = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const form = h('form', { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in'),
    h('p', { class: 'muted' }, 'Administrators only (accounts listed in ADMIN_USERS).'),
    h('label', { for: 'email' }, 'Email'), email,
    h('label', { for: 'password' }, 'Password'), password,
    button, error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    replace(error);
    try {
      const answer = await api.login(email.value.trim(), password.value);
      session.save(answer.access_token, email.value.trim());
      say('Signed in.');
      onSignedIn();
    } catch (e) {
      replace(error, e.status === 403 ? 'This account is not an administrator.'
        : e.status === 401 ? 'Wrong email or password.'
          : e.status === 429 ? 'Too many attempts; wait a minute and try again.' : e.message);
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(main(), form);
  email.focus();
}
