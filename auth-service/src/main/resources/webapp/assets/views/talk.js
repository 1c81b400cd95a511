// Talk to MindBot: join a fresh room with the microphone, see MindBot's state and live captions of
// both sides, type instead of speaking, mute, hang up, and watch the remaining time count down.
// Guests get a short capped call and an invitation to sign up.
import { ApiError, api, appConfig, balance, session } from '../api.js';
import { Call } from '../call.js';
import { busy, byId, h, main, replace, say } from '../dom.js';
import { clock, duration } from '../format.js';
import { loadLiveKit } from '../livekit.js';
import { meter } from '../meter.js';
import { openBuyDialog } from './buy.js';

const STATES = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  waiting: 'Waiting for MindBot to join…',
  joining: 'MindBot is joining…',
  initializing: 'MindBot is getting ready…',
  listening: 'Listening',
  thinking: 'Thinking…',
  speaking: 'Speaking',
  gone: 'MindBot left the call',
};
const SYNC_MS = 10_000;

export async function talkView() {
  const config = await appConfig();
  const guest = !session.signedIn();
  loadLiveKit().catch(() => {}); // start fetching while the person reads the page

  const state = h('p', { id: 'agent-state', class: 'agent-state', 'data-state': 'idle', role: 'status' }, 'Not connected');
  const remaining = h('p', { id: 'talk-remaining', class: 'remaining', 'aria-live': 'off' }, '');
  const level = h('meter', { id: 'agent-level', min: 0, max: 1, value: 0, 'aria-label': 'MindBot voice level' });
  const micLevel = h('meter', { id: 'mic-level', min: 0, max: 1, value: 0, 'aria-label': 'Your microphone level' });
  const captions = h('ol', { id: 'captions', class: 'captions', role: 'log', 'aria-label': 'Live captions' });
  const notice = h('div', { id: 'talk-notice', role: 'alert' });
  const audioBox = h('div', { id: 'agent-audio', hidden: true });
  const start = h('button', { type: 'button', id: 'talk-start', class: 'big' }, 'Talk to MindBot');
  const mute = h('button', { type: 'button', id: 'talk-mute', class: 'secondary', 'aria-pressed': 'false', disabled: true }, 'Mute');
  const hangUp = h('button', { type: 'button', id: 'talk-hangup', class: 'danger', disabled: true }, 'Hang up');
  const allowAudio = h('button', { type: 'button', id: 'talk-allow-audio', hidden: true }, 'Turn on MindBot\'s voice');
  const chat = h('form', { id: 'talk-chat', class: 'chat' },
    h('label', { for: 'talk-text' }, 'Type to MindBot'),
    h('div', { class: 'row' },
      h('input', { id: 'talk-text', name: 'text', autocomplete: 'off', maxlength: 1000, disabled: true }),
      h('button', { type: 'submit', id: 'talk-send', disabled: true }, 'Send')));

  replace(main(),
    h('h1', {}, 'Talk to MindBot'),
    guest ? h('p', { class: 'banner info', id: 'guest-note' },
      `You are trying MindBot as a guest: calls last at most ${duration(config.guest_call_seconds)}. `,
      h('a', { href: '#/signup' }, 'Create an account'), ' to talk longer.') : null,
    h('section', { class: 'card call', id: 'call' },
      h('div', { class: 'call-head' },
        h('div', {}, h('span', { class: 'label' }, 'MindBot'), state, level),
        h('div', {}, h('span', { class: 'label' }, guest ? 'Guest call left' : 'Time left'), remaining, micLevel)),
      notice,
      h('div', { class: 'controls' }, start, mute, hangUp, allowAudio),
      captions, chat, audioBox));

  let call = null;
  const clockState = { remaining: null, at: 0, running: false, sessionId: null, room: null };
  let ticker = null;
  let syncer = null;

  const setState = (s) => {
    state.dataset.state = s;
    state.textContent = STATES[s] ?? s;
  };

  const showRemaining = () => {
    if (clockState.remaining === null) return;
    const left = clockState.running ? clockState.remaining - (Date.now() - clockState.at) / 1000 : clockState.remaining;
    remaining.dataset.seconds = String(Math.max(0, Math.floor(left)));
    remaining.textContent = clock(left) + (clockState.running ? '' : ' (starts when MindBot answers)');
    remaining.classList.toggle('low', left < 120);
    if (guest && clockState.running && left <= 0) end('guest-cap');
  };

  async function sync() {
    if (guest) return;
    try {
      const [b, page] = await Promise.all([balance(), api.get('/time/sessions?limit=5')]);
      const live = page.sessions.find((s) => s.room_name === clockState.room && s.status === 'active');
      if (live) {
        // What this call can still use: the balance, less what other live calls hold, less what
        // this call has talked since its last commit (started_at + billed = committed so far).
        const talkedUncommitted = Math.max(0, (Date.now() - live.started_at) / 1000 - live.billed_seconds);
        clockState.remaining = Math.max(0, b.balance_seconds - (b.reserved_seconds - live.granted_seconds) - talkedUncommitted);
        clockState.running = true;
        clockState.sessionId = live.session_id;
      } else {
        clockState.remaining = b.available_seconds;
        clockState.running = false;
      }
      clockState.at = Date.now();
      showRemaining();
    } catch {
      // the countdown keeps its last value; the next sync tries again
    }
  }

  function addCaption({ id, speaker, text, final }) {
    let item = captions.querySelector(`li[data-segment="${CSS.escape(id)}"]`);
    if (!item) {
      item = h('li', { 'data-segment': id, 'data-speaker': speaker },
        h('span', { class: 'who' }, speaker === 'agent' ? 'MindBot' : 'You'), h('span', { class: 'text' }));
      captions.append(item);
    }
    item.querySelector('.text').textContent = text;
    item.dataset.final = String(final);
    captions.scrollTop = captions.scrollHeight;
  }

  function controls(live) {
    start.disabled = live;
    mute.disabled = !live;
    hangUp.disabled = !live;
    chat.elements.text.disabled = !live;
    byId('talk-send').disabled = !live;
  }

  async function end(why, billed) {
    clearInterval(ticker);
    clearInterval(syncer);
    const endingCall = call;
    call = null;
    controls(false);
    if (endingCall && !endingCall.ended) await endingCall.hangUp();
    let cost = '';
    if (!guest && clockState.sessionId) {
      try {
        // Hanging up ends the metered session now, rather than when LiveKit tells the time service.
        const ended = billed ?? await api.post(`/time/sessions/${clockState.sessionId}/end`);
        cost = ` This call cost ${duration(ended.billed_seconds)}.`;
      } catch {
        cost = '';
      }
    }
    clockState.running = false;
    setState('ended');
    state.textContent = 'Call ended';
    if (why === 'removed') {
      replace(notice, h('p', { class: 'banner warn', id: 'time-up' },
        'Your time ran out, so MindBot ended the call.', cost, ' ',
        session.signedIn() ? h('button', { type: 'button', onclick: () => openBuyDialog() }, 'Buy more time') : null));
    } else if (why === 'guest-cap') {
      replace(notice, h('p', { class: 'banner warn', id: 'guest-over' },
        `Guest calls end after ${duration(config.guest_call_seconds)}. `, h('a', { href: '#/signup' }, 'Create an account'),
        ' to buy time and keep talking.'));
    } else {
      replace(notice, h('p', { class: 'banner info', id: 'call-ended' }, 'The call has ended.', cost));
    }
    delete remaining.dataset.seconds;
    remaining.textContent = '';
    if (!guest) {
      balance().then((b) => { remaining.textContent = duration(b.available_seconds); }).catch(() => {});
    }
  }

  // Timings of this call in performance.now() milliseconds, for scripts/bench-webcall: the click,
  // MindBot seen in the room, its audio track subscribed, and its voice first heard in the page.
  const callBox = byId('call');
  const mark = (name) => {
    if (!(name in callBox.dataset)) callBox.dataset[name] = String(Math.round(performance.now()));
  };

  start.addEventListener('click', async () => {
    for (const name of ['clickedAt', 'agentJoinedAt', 'agentTrackAt', 'agentHeardAt']) delete callBox.dataset[name];
    mark('clickedAt');
    replace(notice);
    replace(captions);
    controls(true);
    setState('connecting');
    try {
      const grant = guest
        ? await api.open('POST', '/auth/guest', {})
        : await api.post('/auth/token', { room_name: 'talk-' + crypto.getRandomValues(new Uint32Array(2)).join('') });
      clockState.room = grant.room_name;
      callBox.dataset.room = grant.room_name; // for support (and tests): which room this call is
      clockState.sessionId = null;
      if (!guest) {
        const b = await balance();
        if (b.available_seconds <= 0) {
          controls(false);
          setState('idle');
          replace(notice, h('p', { class: 'banner warn', id: 'no-time' }, 'You have no time left. ',
            h('button', { type: 'button', onclick: () => openBuyDialog() }, 'Buy time')));
          return;
        }
      }
      call = new Call({
        onState: (s) => {
          if (s !== 'gone') mark('agentJoinedAt');
          setState(s);
          if (guest && !clockState.running && s !== 'gone') {
            clockState.remaining = config.guest_call_seconds;
            clockState.running = true;
            clockState.at = Date.now();
          }
        },
        onCaption: addCaption,
        onAgentAudio: (track) => {
          const el = track.attach();
          audioBox.append(el);
          mark('agentTrackAt');
          meter(track, level, () => mark('agentHeardAt'));
        },
        onMicLevel: (track) => meter(track, micLevel),
        onAudioBlocked: (blocked) => { allowAudio.hidden = !blocked; },
        onEnded: ({ removed }) => end(removed ? 'removed' : 'disconnected'),
      });
      await call.join(grant.livekit_url, grant.livekit_token);
      setState('waiting');
      if (!(await call.enableMicrophone())) {
        replace(notice, h('p', { class: 'banner info', id: 'no-mic' },
          'Your microphone is not available, so MindBot cannot hear you. You can type instead.'));
      }
      if (guest) {
        clockState.remaining = config.guest_call_seconds;
        clockState.at = Date.now();
      }
      ticker = setInterval(showRemaining, 1000);
      syncer = setInterval(sync, SYNC_MS);
      await sync();
      showRemaining();
    } catch (e) {
      const message = e instanceof ApiError
        ? (e.status === 429 ? 'Too many guest calls from here. Please try again later, or create an account.' : e.message)
        : `MindBot's voice server cannot be reached (${e.message}). Please try again in a moment.`;
      if (call) await call.hangUp().catch(() => {});
      call = null;
      controls(false);
      setState('idle');
      replace(notice, h('p', { class: 'banner error', id: 'call-error' }, message));
    }
  });

  mute.addEventListener('click', async () => {
    const muted = mute.getAttribute('aria-pressed') !== 'true';
    await call?.setMuted(muted);
    mute.setAttribute('aria-pressed', String(muted));
    mute.textContent = muted ? 'Unmute' : 'Mute';
    say(muted ? 'Microphone muted.' : 'Microphone on.');
  });

  hangUp.addEventListener('click', () => end('hung-up'));
  allowAudio.addEventListener('click', () => call?.startAudio().then(() => { allowAudio.hidden = true; }));

  chat.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = chat.elements.text.value.trim();
    if (!text || !call) return;
    busy(chat, async () => {
      await call.say(text);
      addCaption({ id: 'typed-' + Date.now(), speaker: 'user', text, final: true });
      chat.elements.text.value = '';
    }).finally(() => { chat.elements.text.disabled = !call; chat.elements.text.focus(); });
  });

  // Leaving the page during a call: ask, and hang up if the person goes.
  return async () => {
    if (!call) return false;
    // eslint-disable-next-line no-alert
    if (!window.confirm('Leave the page and hang up?')) return true;
    await end('hung-up');
    return false;
  };
}
