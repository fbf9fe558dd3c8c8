import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Content Security Policy with a per-request nonce for styles.
 *
 * Scripts stay 'self' only. Styles are 'self' plus a nonce: CodeMirror (the Cypher editor) and Cytoscape add
 * <style> elements at run time, which a plain style-src 'self' blocks (the editor then loses its layout and
 * colours). Rather than 'unsafe-inline', the server sends a fresh random nonce with every page; the client hands
 * it to CodeMirror (EditorView.cspNonce), and Cytoscape's one rule is shipped in the page under that nonce.
 */
export const cspNonce: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};

const nonceOf = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce as string}'`;

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", nonceOf],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

// Cytoscape prepends this exact <style id> to <head> unless an element with the id exists; shipping it under the
// nonce keeps the canvas free of CSP errors without touching the library.
const CYTOSCAPE_STYLE_ID = '__________cytoscape_stylesheet';
const CYTOSCAPE_RULE = '.__________cytoscape_container { position: relative; }';

/**
 * Serves the client's index.html with this response's nonce: a `<meta property="csp-nonce" nonce>` the client reads
 * through the element's `nonce` property (browsers hide nonce attributes from CSS selectors and getAttribute), the
 * same convention as Vite's html.cspNonce.
 */
export function sendIndexHtml(clientDir: string): RequestHandler {
  const file = path.join(clientDir, 'index.html');
  return async (_req, res, next) => {
    try {
      const nonce = res.locals.cspNonce as string;
      const html = (await readFile(file, 'utf8')).replace(
        '<head>',
        `<head>\n    <meta property="csp-nonce" nonce="${nonce}" />\n    <style id="${CYTOSCAPE_STYLE_ID}" nonce="${nonce}">${CYTOSCAPE_RULE}</style>`,
      );
      // a nonce is good for one response only
      res.set('Cache-Control', 'no-store').type('html').send(html);
    } catch (err) {
      next(err);
    }
  };
}
