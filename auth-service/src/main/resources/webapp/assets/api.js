// The MindBot APIs, all on this origin (/auth/* here, /time/* passed through to the time service).
// The session (access token, its expiry, the refresh token) is kept in localStorage so a reload or a
// second tab stays signed in; the page's CSP allows scripts from this origin only, which is what
// keeps other scripts away from it. The access token is refreshed a minute before it expires.
const KEY = 'mindbot.session';
const REFRESH_MARGIN_MS = 60_000;
let refreshTimer = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }
  get code() {
    return this.problem.code;
  }
}

export const session = {
  get() {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || null;
    } catch {
      return null;
    }
  },
  signedIn: () => session.get() !== null,
  token: () => session.get()?.access_token ?? null,
  /** Keeps what a register, login, refresh or password change answered. */
  save(answer) {
    const value = {
      access_token: answer.access_token,
      refresh_token: answer.refresh_token,
      expires_at: Date.now() + answer.expires_in * 1000,
    };
    localStorage.setItem(KEY, JSON.stringify(value));
    scheduleRefresh();
    return value;
  },
  clear() {
    localStorage.removeItem(KEY);
    clearTimeout(refreshTimer);
  },
};

async function send(method, path, body, headers = {}, token = session.token()) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { code: 'network', detail: 'The server cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { response, json };
}

async function call(method, path, body, headers) {
  const token = session.token();
  let { response, json } = await send(method, path, body, headers, token);
  if (response.status === 401 && token) {
    // An access token can lapse while a tab sleeps (timers stop); one refresh, then one retry.
    if (await refresh(token)) ({ response, json } = await send(method, path, body, headers));
    else signOutLocally('Your session ended. Please sign in again.');
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * Trades the refresh token for a new session. Refresh tokens are single-use and a reused one ends
 * the whole session (theft detection), so two tabs must never spend the same one: a Web Lock
 * serialises them, and a tab that finds a newer session than the one it started with takes it.
 */
export async function refresh(replacing) {
  const attempt = async () => {
    const current = session.get();
    if (!current) return false;
    if (current.access_token !== replacing) return true; // another tab refreshed meanwhile
    const { response, json } = await send('POST', '/auth/refresh', { refresh_token: current.refresh_token }, {}, null);
    if (response.ok) {
      session.save(json);
      return true;
    }
    if (response.status === 0 || response.status >= 500 || response.status === 429) {
      refreshTimer = setTimeout(() => refresh(replacing), 15_000); // later; the token is not spent
      return true;
    }
    return false;
  };
  return navigator.locks ? navigator.locks.request('mindbot-refresh', attempt) : attempt();
}

export function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const current = session.get();
  if (!current) return;
  const wait = Math.max(1000, current.expires_at - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(async () => {
    if (!(await refresh(current.access_token))) signOutLocally('Your session ended. Please sign in again.');
  }, Math.min(wait, 2 ** 31 - 1));
}

export function signOutLocally(message) {
  session.clear();
  window.dispatchEvent(new CustomEvent('signed-out', { detail: message }));
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body, headers) => call('POST', path, body, headers),
  /** Public calls: never send a stale token along. */
  open: async (method, path, body) => {
    const { response, json } = await send(method, path, body, {}, null);
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  },
};

export async function signOut() {
  const current = session.get();
  if (current) {
    try {
      await send('POST', '/auth/logout', { refresh_token: current.refresh_token });
    } catch {
      // signing out locally is what matters; the refresh token expires on its own
    }
  }
  signOutLocally('You are signed out.');
}

/** A fresh key per purchase attempt; a retry of the same attempt reuses it, so nothing is bought twice. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let configPromise = null;
/** {payments: "stripe"|"simulated", stripe_publishable_key?, livekit_url, guest_call_seconds}. */
export function appConfig() {
  configPromise ??= api.open('GET', '/app/config').catch((e) => {
    configPromise = null;
    throw e;
  });
  return configPromise;
}

// A balance read many views share (header chip, talk countdown, banner).
export async function balance() {
  const value = await api.get('/time/balance');
  window.dispatchEvent(new CustomEvent('balance', { detail: value }));
  return value;
}
