/** Pages rendered from templates with every value escaped (eta's autoEscape), never built from strings. */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { PageView } from './page-view.ts';

const eta = new Eta({ views: fileURLToPath(new URL('./templates', import.meta.url)), autoEscape: true, cache: true });

/** The page's stylesheet, served from our own origin so the policy allows no inline style. */
export const STYLESHEET = readFileSync(new URL('./style.css', import.meta.url), 'utf8');

/**
 * What every page answer carries: never stored (a link's page shows one person's partnership),
 * never framed, no script or outside resource, forms posted only to ourselves, no Referer.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export const sendPage = (response: ServerResponse, status: number, view: PageView, headers: Record<string, string> = {}): void => {
  const html = eta.render('./page', view);
  response.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', ...headers });
  response.end(html);
};

export const sendStylesheet = (response: ServerResponse): void => {
  response.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/css; charset=utf-8' });
  response.end(STYLESHEET);
};

/** A bare answer (a method not allowed), with the same headers. */
export const sendText = (response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
};
