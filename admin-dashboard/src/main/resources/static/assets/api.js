// The admin API, same origin. The access token lives in sessionStorage: it goes when the tab does.
const KEY = 'mindbot.admin.token';

export const session = {
  token: () => sessionStorage.getItem(KEY),
  email: () => sessionStorage.getItem(KEY + '.email'),
  save(token, email) {
    sessionStorage.setItem(KEY, token);
    sessionStorage.setItem(KEY + '.email', email);
  },
  clear() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY + '.email');
  },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function call(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  const token = session.token();
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401 && token) {
    session.clear();
    window.dispatchEvent(new CustomEvent('signed-out', { detail: 'Your session ended; please sign in again.' }));
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body, headers) => call('POST', path, body, headers),
  login: (email, password) => call('POST', '/admin/session/login', { email, password }),
};

/** Downloads a CSV export with the bearer token (a plain link could not send it). */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + session.token() } });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
