/** English strings of the page's header tools: language, share link, alerts, dialogs, panel navigation. */
export const enApp = {
  title: 'MTL Playground',
  language: 'Language',
} as const;
