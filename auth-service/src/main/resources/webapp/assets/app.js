// The MindBot web app: a hash router over a few views. Every view renders into <main>; the header
// shows where you are and your balance; a low-balance banner offers "Buy more" from anywhere.
import { balance, scheduleRefresh, session, signOut } from './api.js';
import { byId, h, main, replace, say } from './dom.js';
import { duration } from './format.js';
import { accountView, forgotView, resetView, signInView, signUpView } from './views/account.js';
import { buyView, openBuyDialog } from './views/buy.js';
import { historyView } from './views/history.js';
import { homeView } from './views/home.js';
import { talkView } from './views/talk.js';

const routes = {
  '': homeView,
  signin: signInView,
  signup: signUpView,
  forgot: forgotView,
  reset: resetView,
  account: accountView,
  buy: buyView,
  history: historyView,
  talk: talkView,
};
const needsAccount = new Set(['account', 'buy', 'history']);
let leaveView = null;
let current = null;
let returning = false;

function parse() {
  const [name = '', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name, arg: rest.join('/') };
}

async function render() {
  const { name, arg } = parse();
  const view = routes[name];
  if (!view) {
    location.replace('#/');
    return;
  }
  if (needsAccount.has(name) && !session.signedIn()) {
    location.replace('#/signin');
    return;
  }
  if (returning) {
    returning = false;
    return;
  }
  if (leaveView && location.hash !== current) {
    // A live call asks before it is left; if the person stays, go back without re-rendering.
    if (await leaveView(name)) {
      returning = true;
      location.replace(current);
      return;
    }
  }
  leaveView = null;
  current = location.hash;
  nav(name);
  replace(main(), h('p', { class: 'muted' }, 'Loading…'));
  try {
    leaveView = (await view(arg)) || null;
  } catch (e) {
    replace(main(), h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, e.message));
  }
  // Move focus to the new content (screen readers announce it), unless the view focused a field.
  if (!main().contains(document.activeElement) || document.activeElement === document.body) main().focus({ preventScroll: true });
}

function nav(current) {
  const links = session.signedIn()
    ? [['talk', 'Talk'], ['buy', 'Buy time'], ['history', 'History'], ['account', 'Account']]
    : [['talk', 'Try it'], ['signin', 'Sign in'], ['signup', 'Sign up']];
  replace(byId('nav'),
    links.map(([route, label]) => h('a', { href: '#/' + route, 'aria-current': route === current ? 'page' : false }, label)),
    session.signedIn() ? h('button', { type: 'button', class: 'ghost', id: 'sign-out', onclick: () => signOut() }, 'Sign out') : null);
  byId('balance-chip').hidden = !session.signedIn();
  byId('low-balance').hidden = true;
  if (session.signedIn()) balance().catch(() => {});
}

window.addEventListener('balance', (e) => {
  const b = e.detail;
  const chip = byId('balance-chip');
  chip.hidden = false;
  chip.textContent = 'Balance: ' + duration(b.available_seconds);
  chip.title = `${b.balance_seconds} seconds`;
  byId('low-balance').hidden = !b.low_balance || location.hash.startsWith('#/buy'); // not on the shop itself
  byId('low-balance-text').textContent = b.available_seconds > 0
    ? `Your time is running low: ${duration(b.available_seconds)} left.`
    : 'You have no time left.';
});

window.addEventListener('signed-out', (e) => {
  byId('balance-chip').hidden = true;
  byId('low-balance').hidden = true;
  if (e.detail) say(e.detail);
  if (location.hash === '#/signin') render();
  else location.hash = '#/signin';
});

byId('low-balance-buy').addEventListener('click', () => openBuyDialog());
window.addEventListener('hashchange', render);
if (session.signedIn()) scheduleRefresh();
// 'app-ready': the first view is on screen and answers input (the first-load benchmark reads it).
render().then(() => performance.mark('app-ready'));
