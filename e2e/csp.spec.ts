import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chooseBackend, openApp, ui } from './app.ts';

// The privacy rule: after loading, no request leaves for another origin. The built page carries the
// policy in a <meta>; `vite preview` (which these tests run against) also sends it as a header,
// which is what reaches the training worker and the service worker.

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));

/** Sources a directive may list without naming another origin. */
const LOCAL_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:']);

interface Violation {
  where: string;
  directive: string;
  blockedURI: string;
}

/** Installed before any script of the page or the worker runs: records every violation on the global. */
function recordViolations(where: string): void {
  const scope = globalThis as unknown as { __cspViolations?: Violation[] } & EventTarget;
  if (scope.__cspViolations) return;
  const violations: Violation[] = [];
  scope.__cspViolations = violations;
  scope.addEventListener('securitypolicyviolation', (event) => {
    const e = event as SecurityPolicyViolationEvent;
    violations.push({ where, directive: e.effectiveDirective, blockedURI: e.blockedURI });
  });
}

function readViolations(): Violation[] {
  return (globalThis as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? [];
}

/**
 * Watches a page for CSP violations: events in the page and in each dedicated worker, and the
 * console's "… violates the following Content Security Policy directive" / "Refused to …" lines.
 * Requests that reach the network for another origin are aborted and recorded (CSP stops them
 * before that, so `leaked` stays empty).
 */
async function watchViolations(page: Page, context: BrowserContext) {
  const ownOrigin = new URL(test.info().project.use.baseURL as string).origin;
  const leaked: string[] = [];
  await context.route(
    (url) => url.origin !== ownOrigin && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => {
      leaked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const consoleLines: string[] = [];
  const onConsole = (where: string) => (message: { text(): string }) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) consoleLines.push(`${where}: ${text}`);
  };
  page.on('console', onConsole('page'));
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    workers.push(worker);
    worker.on('console', onConsole(`worker ${worker.url()}`));
    void worker.evaluate(recordViolations, 'worker').catch(() => undefined);
  });
  await page.addInitScript(recordViolations, 'page');

  return {
    leaked,
    consoleLines,
    workers,
    /** Every violation seen so far, in the page and in its live workers. */
    async events(): Promise<Violation[]> {
      const inWorkers = await Promise.all(workers.map((w) => w.evaluate(readViolations).catch((): Violation[] => [])));
      return [...(await page.evaluate(readViolations)), ...inWorkers.flat()];
    },
  };
}

/** The policy's directives, each with its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

test('the built page carries a policy that names no other origin; the server sends it as a header with frame-ancestors', async ({
  page,
}) => {
  const response = await page.goto('/');
  const meta = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
  expect(meta, 'a <meta http-equiv="Content-Security-Policy"> in the built page').not.toBeNull();
  const policy = parsePolicy(meta as string);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    for (const source of sources) expect(LOCAL_SOURCES, `${name} ${source}`).toContain(source);
  }
  // The meta comes before every script and stylesheet (a meta policy governs only what follows it).
  const firstInHead = await page.evaluate(() =>
    [...document.head.children]
      .filter((el) => el.matches('meta[http-equiv="Content-Security-Policy"], script, link[rel=stylesheet]'))
      .map((el) => el.tagName.toLowerCase())
      .at(0),
  );
  expect(firstInHead).toBe('meta');

  const header = response?.headers()['content-security-policy'];
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);
});

test('loading, uploading, training on Auto, WASM and WebGL and exporting raise no CSP violation', async ({
  page,
  context,
}) => {
  const watch = await watchViolations(page, context);
  const app = await openApp(page);
  await expect(page.getByRole('status', { name: 'Offline use' })).toContainText('Works offline', { timeout: 60_000 });

  // Auto (whatever it picks here), on the default sample.
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  await app.lossCurves.hover();

  // WASM, on a sample fetched by the worker.
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('iris');
  await expect(app.datasetSummary).toContainText('150 rows');
  await app.epochs.fill('5');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });

  // WebGL, on an uploaded file.
  await chooseBackend(page, 'WebGL', 'webgl');
  await page.getByLabel('Upload CSV').setInputFiles(`${dataDir}iris.csv`);
  await expect(app.datasetSummary).toContainText('iris.csv: 150 rows');
  await page.getByRole('combobox', { name: 'Role of species' }).selectOption({ label: 'Multi-class target' });
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });

  // Exports: files made in the page, handed to the downloads through object URLs.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export metrics' }).click();
  await page.getByRole('button', { name: 'Export model' }).click();
  await expect.poll(() => downloads.length).toBe(2); // the metrics CSV and the model bundle
  // Predictions on a file, and their download: read, computed and written in the page and its worker.
  await page.getByLabel('Predict CSV').setInputFiles(`${dataDir}iris.csv`);
  await expect(page.getByRole('table', { name: 'Predictions' })).toBeVisible();
  await page.getByRole('button', { name: 'Download predictions' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  const pytorch = page.getByRole('button', { name: 'Export PyTorch project' });
  if ((await pytorch.count()) > 0) {
    await pytorch.click();
    await expect.poll(() => downloads.length).toBe(4);
  }

  expect(watch.workers.length, 'the training worker was watched').toBeGreaterThan(0);
  expect(await watch.events()).toEqual([]);
  expect(watch.consoleLines).toEqual([]);
  expect(watch.leaked).toEqual([]);
});

test('a request to another origin is refused by the policy: fetch, beacon, WebSocket, image, script, and fetch from the worker', async ({
  page,
  context,
}) => {
  const watch = await watchViolations(page, context);
  await openApp(page);
  await expect(ui(page).backendStatus).toContainText('Backend:');

  // The machine has no internet, so a failed fetch alone proves nothing: the violation event is the proof.
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/x', { method: 'POST', body: 'data' }).then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
  await page.evaluate(() => {
    navigator.sendBeacon('https://example.com/beacon', 'data');
    new WebSocket('ws://127.0.0.2:1/socket').addEventListener('error', () => undefined);
    const img = document.createElement('img');
    img.src = 'http://127.0.0.2:1/x.png';
    document.body.append(img);
    const script = document.createElement('script');
    script.src = 'http://127.0.0.2:1/x.js';
    document.body.append(script);
  });
  const worker = watch.workers[0] as Worker;
  const fromWorker = await worker.evaluate(() =>
    fetch('https://example.com/from-worker').then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(fromWorker).toBe('blocked');

  const seen = async () => (await watch.events()).map((v) => `${v.where} ${v.directive} ${v.blockedURI}`);
  for (const expected of [
    'page connect-src https://example.com/x',
    'page connect-src https://example.com/beacon',
    'page connect-src ws://127.0.0.2:1/socket',
    'page img-src http://127.0.0.2:1/x.png',
    'page script-src-elem http://127.0.0.2:1/x.js',
    'worker connect-src https://example.com/from-worker',
  ]) {
    await expect.poll(seen, { message: expected }).toContain(expected);
  }
  expect(watch.leaked).toEqual([]);
});
