// The app's HTTP API, as the pages use it. Failures become ApiError with the problem details.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  get type() {
    return (this.problem.type ?? '').replace('/problems/', '');
  }
}

export function createApi(base) {
  const url = (path, query) => {
    const u = new URL(path, base);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v != null && v !== '') u.searchParams.set(k, v);
    }
    return u.href;
  };

  async function call(method, path, { query, body, headers } = {}) {
    let response;
    try {
      response = await fetch(url(path, query), {
        method,
        headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(0, null);
    }

    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  const token = (manageToken) => ({ 'X-Manage-Token': manageToken });

  return {
    settings: () => call('GET', 'api/pages/settings'),
    intake: (answers) => call('POST', 'api/intakes', { body: answers }),
    availability: (query) => call('GET', 'api/availability', { query }),
    book: (body, idempotencyKey) => call('POST', 'api/bookings', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
    booking: (id, manageToken) => call('GET', `api/bookings/${encodeURIComponent(id)}`, { headers: token(manageToken) }),
    rescheduleOptions: (id, n, manageToken, query) =>
      call('GET', `api/bookings/${encodeURIComponent(id)}/sessions/${n}/availability`, { query, headers: token(manageToken) }),
    reschedule: (id, n, manageToken, body) =>
      call('POST', `api/bookings/${encodeURIComponent(id)}/sessions/${n}/reschedule`, { body, headers: token(manageToken) }),
    cancel: (id, manageToken, sessionNumbers) =>
      call('POST', `api/bookings/${encodeURIComponent(id)}/cancel`, { body: { sessionNumbers }, headers: token(manageToken) }),
    async calendar(id, manageToken) {
      let response;
      try {
        response = await fetch(url(`api/bookings/${encodeURIComponent(id)}/calendar`), { headers: token(manageToken), credentials: 'omit' });
      } catch {
        throw new ApiError(0, null);
      }
      if (!response.ok) throw new ApiError(response.status, null);
      return response.blob();
    },
  };
}

/** Saves a blob as a file without putting the manage token in any URL. */
export function saveFile(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** A message for any failure: the server's own words for rule refusals, ours for the rest. */
export function problemMessage(error, t) {
  if (!(error instanceof ApiError) || error.status === 0) return t('common.offline');
  if (error.status === 429) return t('common.tooMany');
  if (error.status >= 500) return t('common.failed');
  const p = error.problem;
  if (p.violations?.length) return p.violations.map((v) => v.message).join(' ');
  if (p.errors) return Object.values(p.errors).flat().join(' ');
  return p.detail ?? p.title ?? t('common.failed');
}
