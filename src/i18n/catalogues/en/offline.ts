/** English strings of offline use: the status line saying whether the app is saved in the browser. */
export const enOffline = {
  /** Accessible name of the status line. */
  label: 'Offline use',
  installing: 'Saving the app for offline use…',
  ready: 'Works offline: the app, its WASM engine and the samples are saved in this browser.',
  updateReady: 'A new version of the app is ready.',
  reload: 'Reload to use it',
  error: 'This browser could not save the app for offline use.',
  /** While the browser has no connection (`navigator.onLine` is false). */
  offline: 'Offline: your data and training stay in this page.',
} as const;
