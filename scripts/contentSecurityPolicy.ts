/**
 * The Content-Security-Policy of the built app: the page, its worker and its service worker may load
 * and fetch from the app's own origin only, so nothing can send a person's data anywhere else.
 * `vite build` writes it into each page as a `<meta http-equiv>`; `vite preview` also sends it as a
 * header, which reaches the training worker and sw.js too and can carry `frame-ancestors`.
 * The dev server gets none: HMR talks over a WebSocket and injects inline scripts and styles.
 */
import type { Plugin } from 'vite';

type Directives = Readonly<Record<string, readonly string[]>>;

/** Each directive and the sources it allows. Every source that is not 'self' or 'none' says why. */
export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  // TF.js's WASM backend compiles its .wasm binaries (WebAssembly.instantiate); nothing needs eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // One bundled stylesheet; React and recharts set styles through the CSSOM, which CSP allows.
  'style-src': ["'self'"],
  // data: the page's empty favicon; data:/blob: a chart drawn as an image in the page for a PNG.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Header-only directives: a `<meta>` policy ignores them. */
const HEADER_ONLY_DIRECTIVES: Directives = { 'frame-ancestors': ["'none'"] };

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy a page carries in its `<meta http-equiv="Content-Security-Policy">`. */
export const CONTENT_SECURITY_POLICY = serialize(CSP_DIRECTIVES);

/** The same policy as an HTTP header, plus what only a header can say (no framing by other sites). */
export const CONTENT_SECURITY_POLICY_HEADER = serialize({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });

const META_TAG = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;

/**
 * Vite plugin (build only): puts the policy's `<meta>` right after `<meta charset>`, ahead of every
 * script and stylesheet, since a meta policy governs only what comes after it.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'mtl-playground:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const charset = /<meta\s+charset=[^>]*>/i;
        if (charset.test(html)) return html.replace(charset, (tag) => `${tag}\n    ${META_TAG}`);
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
