// The admin API, same origin, with the console's session cookie.
import {search} from './query.js';

const LOGIN_PAGE = '/console/login';

/** A call the connector refused or could not answer; message is what the operator reads. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let csrfToken = null;

/** Who is signed in; also keeps the token every POST must carry. */
export async function session() {
  const current = await call('GET', '/api/v1/admin/session');
  csrfToken = current.csrfToken;
  return current;
}

/** GET path?query, the query's empty values left out. */
export function get(path, query = {}) {
  return call('GET', path + search(query));
}

/** POST body as JSON, with the CSRF header. */
export function post(path, body) {
  return call('POST', path, body);
}

/** Ends the session, whatever the connector answers, and goes to the sign-in page. */
export async function signOut() {
  try {
    await fetch('/console/logout', {method: 'POST', credentials: 'same-origin', headers: {'X-CSRF-Token': csrfToken ?? ''}});
  } finally {
    location.assign(LOGIN_PAGE);
  }
}

async function call(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = csrfToken ?? '';
  }
  let response;
  try {
    response = await fetch(path, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (error) {
    throw new ApiError(0, 'UNREACHABLE', 'The connector did not answer (' + error.message + '). Try again.');
  }
  if (response.status === 401) {
    location.assign(LOGIN_PAGE);
    throw new ApiError(401, 'UNAUTHORIZED', 'Your session has ended: sign in again.');
  }
  const document = await response.json().catch(() => null);
  if (!response.ok) {
    const code = document?.error ?? 'HTTP_' + response.status;
    const message = document?.message ?? response.statusText;
    throw new ApiError(response.status, code, `${code}: ${message} (HTTP ${response.status})`);
  }
  if (document === null) {
    throw new ApiError(response.status, 'INVALID_RESPONSE', `The connector's answer to ${method} ${path} is not JSON.`);
  }
  return document;
}
