// Sign up, sign in, password change, forgotten password and the reset link's page.
import { ApiError, api, session, signOut } from '../api.js';
import { busy, errorSlot, field, h, main, replace, say } from '../dom.js';

const PASSWORD = { type: 'password', minlength: 8, maxlength: 128, required: true };

function problemText(e, fallback) {
  if (!(e instanceof ApiError)) return fallback;
  if (e.status === 429) return `Too many attempts. Please wait ${e.problem.retry_after_seconds ?? 'a while'} seconds and try again.`;
  if (e.problem.errors) {
    return e.problem.errors.map((x) => `${(x.field || '').replace(/([A-Z])/g, ' $1').toLowerCase()} ${x.message || ''}`.trim()).join('; ');
  }
  return e.message || fallback;
}

export function signUpView() {
  const error = errorSlot('signup-error');
  const form = h('form', { class: 'narrow card', novalidate: false },
    h('h1', {}, 'Create your account'),
    field('full-name', 'Your name', { autocomplete: 'name', required: true, maxlength: 200 }),
    field('email', 'Email', { type: 'email', autocomplete: 'email', required: true }),
    field('password', 'Password', { ...PASSWORD, autocomplete: 'new-password' }, 'At least 8 characters.'),
    error,
    h('button', { type: 'submit' }, 'Create account'),
    h('p', {}, 'Already have one? ', h('a', { href: '#/signin' }, 'Sign in')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      error.textContent = '';
      try {
        session.save(await api.open('POST', '/auth/register', {
          full_name: form.elements['full-name'].value,
          email: form.elements.email.value,
          password: form.elements.password.value,
        }));
        say('Welcome to MindBot! Buy a time card to start talking.');
        location.hash = '#/buy';
      } catch (err) {
        error.textContent = err.code === 'email_taken'
          ? 'An account with this email already exists. Sign in instead, or reset your password.'
          : problemText(err, 'Could not create the account.');
      }
    });
  });
  replace(main(), form);
  form.elements['full-name'].focus();
}

export function signInView() {
  const error = errorSlot('signin-error');
  const form = h('form', { class: 'narrow card' },
    h('h1', {}, 'Sign in'),
    field('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Sign in'),
    h('p', {}, h('a', { href: '#/forgot' }, 'Forgot your password?')),
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      error.textContent = '';
      try {
        session.save(await api.open('POST', '/auth/login', {
          email: form.elements.email.value, password: form.elements.password.value,
        }));
        say('');
        location.hash = '#/talk';
      } catch (err) {
        error.textContent = err.status === 401 ? 'Wrong email or password.'
          : err.code === 'account_disabled' ? 'This account is disabled. Please contact support.'
            : problemText(err, 'Could not sign in.');
      }
    });
  });
  replace(main(), form);
  form.elements.email.focus();
}

export async function accountView() {
  const me = await api.get('/auth/me');
  const error = errorSlot('password-error');
  const form = h('form', { class: 'card', id: 'password-form' },
    h('h2', {}, 'Change your password'),
    field('current-password', 'Current password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password', { ...PASSWORD, autocomplete: 'new-password' }, 'At least 8 characters. You stay signed in here; every other device is signed out.'),
    error,
    h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      error.textContent = '';
      try {
        session.save(await api.post('/auth/password', {
          current_password: form.elements['current-password'].value,
          new_password: form.elements['new-password'].value,
        }));
        form.reset();
        say('Your password is changed. Other devices were signed out.');
      } catch (err) {
        error.textContent = err.code === 'wrong_password' ? 'The current password is not right.' : problemText(err, 'Could not change the password.');
      }
    });
  });
  replace(main(),
    h('h1', {}, 'Your account'),
    h('section', { class: 'card' },
      h('dl', { class: 'facts' },
        h('dt', {}, 'Name'), h('dd', { id: 'me-name' }, me.full_name),
        h('dt', {}, 'Email'), h('dd', { id: 'me-email' }, me.email),
        h('dt', {}, 'Member since'), h('dd', {}, new Date(me.created_at).toLocaleDateString('en-GB', { dateStyle: 'long' })))),
    form,
    h('section', { class: 'card' },
      h('h2', {}, 'Sign out'),
      h('p', {}, 'Ends this session on this device.'),
      h('button', { type: 'button', class: 'secondary', onclick: () => signOut() }, 'Sign out')));
}

export function forgotView() {
  const done = h('p', { class: 'good', id: 'forgot-done', role: 'status' });
  const error = errorSlot('forgot-error');
  const form = h('form', { class: 'narrow card' },
    h('h1', {}, 'Reset your password'),
    h('p', {}, 'Enter your account\'s email. We will send you a link to choose a new password.'),
    field('email', 'Email', { type: 'email', autocomplete: 'email', required: true }),
    error, done,
    h('button', { type: 'submit' }, 'Send reset link'),
    h('p', {}, h('a', { href: '#/signin' }, 'Back to sign in')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      error.textContent = '';
      done.textContent = '';
      try {
        await api.open('POST', '/auth/password/reset-request', { email: form.elements.email.value });
        done.textContent = 'If this email has an account, a reset link is on its way. It works for an hour.';
      } catch (err) {
        error.textContent = problemText(err, 'Could not send the link.');
      }
    });
  });
  replace(main(), form);
  form.elements.email.focus();
}

export function resetView(token) {
  // The token came in the URL fragment; drop it from the address bar and history at once.
  history.replaceState(null, '', '#/reset');
  if (!token) {
    location.replace('#/forgot');
    return;
  }
  const error = errorSlot('reset-error');
  const form = h('form', { class: 'narrow card' },
    h('h1', {}, 'Choose a new password'),
    field('new-password', 'New password', { ...PASSWORD, autocomplete: 'new-password' }, 'At least 8 characters. Every device signed in to your account is signed out.'),
    error,
    h('button', { type: 'submit' }, 'Set new password'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      error.textContent = '';
      try {
        await api.open('POST', '/auth/password/reset', { token, new_password: form.elements['new-password'].value });
        session.clear();
        say('Your password is reset. Sign in with the new one.');
        location.hash = '#/signin';
      } catch (err) {
        error.textContent = err.code === 'invalid_reset_token'
          ? 'This link is invalid, already used or expired. Ask for a new one.'
          : problemText(err, 'Could not reset the password.');
      }
    });
  });
  replace(main(), form);
  form.elements['new-password'].focus();
}
