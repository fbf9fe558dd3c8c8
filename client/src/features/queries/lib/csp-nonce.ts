/**
 * The page's CSP nonce for styles, sent by the server in `<meta property="csp-nonce" nonce="...">` (a fresh one
 * with every page). Read through the `nonce` property: browsers hide the attribute itself once the page loads.
 * Empty when the page came without one (the Vite dev server, which sends no CSP).
 */
export function cspNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
