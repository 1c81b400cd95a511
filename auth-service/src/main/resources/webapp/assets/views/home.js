import { session } from '../api.js';
import { h, main, replace } from '../dom.js';

export function homeView() {
  if (session.signedIn()) {
    location.replace('#/talk');
    return;
  }
  replace(main(),
    h('section', { class: 'hero' },
      h('h1', {}, 'Talk to MindBot'),
      h('p', { class: 'lead' }, 'A voice assistant you can simply talk to. Buy time, pay only for the seconds you talk.'),
      h('div', { class: 'row' },
        h('a', { class: 'button', href: '#/signup' }, 'Create an account'),
        h('a', { class: 'button secondary', href: '#/talk' }, 'Try it as a guest'),
        h('a', { href: '#/signin' }, 'I have an account'))));
}
