/**
 * Offline use: registers the service worker that vite-plugin-pwa generates (it precaches the
 * page, the worker, the TF.js WASM binaries and the sample CSVs) and says how far it got. React-free:
 * a value and a listener set, read in components with useSyncExternalStore.
 */
import { registerSW } from 'virtual:pwa-register';

/** `unsupported`: a dev or bench build, or no service workers in this browser. */
export type OfflineReady = 'unsupported' | 'installing' | 'ready' | 'error';

type Listener = () => void;

let ready: OfflineReady = 'unsupported';
const listeners = new Set<Listener>();

function setReady(next: OfflineReady): void {
  if (ready === next) return;
  ready = next;
  for (const listener of listeners) listener();
}

/** Whether the app is saved for offline use. */
export const offlineReady = {
  get: (): OfflineReady => ready,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The browser's idea of the connection (`navigator.onLine`), with its online/offline events. */
export const connection = {
  isOnline: (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false,
  subscribe(listener: Listener): () => void {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
};

/** A worker that fails its install (a precache download failed) ends `redundant`. */
function watchInstall(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing ?? registration.waiting;
  installing?.addEventListener('statechange', () => {
    if (installing.state === 'redundant' && !registration.active) setReady('error');
  });
}

/** A new version of the app is installed and waits for a reload; `apply` reloads into it. */
let update: { apply: () => void } | null = null;
const updateListeners = new Set<Listener>();
export const pendingUpdate = {
  get: () => update,
  subscribe(listener: Listener): () => void {
    updateListeners.add(listener);
    return () => updateListeners.delete(listener);
  },
};

let started = false;

/** Registers the service worker, in production builds only (not `--mode bench`); call once at start-up. */
export function registerOffline(): void {
  if (started) return;
  started = true;
  if (!import.meta.env.PROD || import.meta.env.MODE === 'bench') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  setReady('installing');
  const updateSW = registerSW({
    // A new deploy: it waits, so a run in progress is never cut by a reload the person did not ask for.
    onNeedRefresh: () => {
      update = { apply: () => void updateSW(true) };
      for (const listener of updateListeners) listener();
    },
    // First visit: the worker has finished precaching everything.
    onOfflineReady: () => setReady('ready'),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // A later visit: an active worker already holds a complete precache (an update, if one is
      // installing, replaces it only once its own precache is complete).
      if (registration.active) setReady('ready');
      else watchInstall(registration);
    },
    onRegisterError: () => setReady('error'),
  });
}
