/**
 * Every state-changing API request must carry the session's CSRF token (server: features/auth). Rather than
 * trusting each feature to remember the header, the app wraps fetch once: same-origin /api requests that are
 * not GET/HEAD get x-csrf-token added. A 401 from the API tells the app the session is gone.
 */
let token: string | null = null;
const listeners = new Set<() => void>();

export function setCsrfToken(next: string | null): void {
  token = next;
}

export function csrfHeaders(): Record<string, string> {
  return token ? { 'x-csrf-token': token } : {};
}

/** Called when any API request answers 401 (the session ended elsewhere, expired or was revoked). */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let installed = false;
export function installCsrfFetch(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const sameOriginApi = new URL(url, window.location.href).origin === window.location.origin && new URL(url, window.location.href).pathname.startsWith('/api/');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let nextInit = init;
    if (sameOriginApi && method !== 'GET' && method !== 'HEAD' && token) {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', token);
      nextInit = { ...init, headers };
    }
    const response = await original(input, nextInit);
    if (sameOriginApi && response.status === 401 && !new URL(url, window.location.href).pathname.startsWith('/api/auth/')) for (const l of listeners) l();
    return response;
  };
}
