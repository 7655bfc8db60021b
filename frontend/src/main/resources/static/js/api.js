// JSON API calls. Errors become ApiError with a message an officer can act on (the problem's title and detail).

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

const plainMessages = {
  401: 'Your session has ended. Sign in again to carry on.',
  403: 'Your account may not see or change this.',
  404: 'This was not found. It may have been removed, or the service may not offer it yet.',
  500: 'Something went wrong on the server. Try again; if it keeps happening, tell the service desk.'
};

async function problemMessage(response) {
  let problem = null;
  try { problem = await response.json(); } catch (ignored) { /* not JSON: use the plain message */ }
  const fieldErrors = problem && Array.isArray(problem.errors)
    ? problem.errors.map(e => (e.field ? e.field + ': ' : '') + (e.message || e.detail || e)).join('; ') : '';
  const detail = [problem && problem.detail, fieldErrors].filter(Boolean).join(' ');
  const message = detail || (problem && problem.title) || plainMessages[response.status]
    || 'The request failed (' + response.status + ').';
  return new ApiError(response.status, message, problem);
}

async function request(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (networkError) {
    throw new ApiError(0, 'The service cannot be reached. Check the connection and try again.', null);
  }
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, plainMessages[401], null);
  }
  if (!response.ok) throw await problemMessage(response);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: url => request('GET', url),
  post: (url, body) => request('POST', url, body),
  put: (url, body) => request('PUT', url, body),
  patch: (url, body) => request('PATCH', url, body)
};
