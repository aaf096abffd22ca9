/** English strings of the page's header tools: language, share link, alerts, dialogs, panel navigation. */
export const enApp = {
  title: 'MTL Playground',
  language: 'Language',
  panels: {
    label: 'Panels',
    data: 'Data and roles',
    model: 'Model, optimiser, split',
    results: 'Results',
    diagnostics: 'Diagnostics',
    sharing: 'Conflict, experts, baselines',
    keep: 'Runs, models, predictions',
    glossary: 'Glossary',
  },
  alert: {
    dismiss: 'Dismiss',
  },
  confirm: {
    title: 'Discard the trained weights?',
    discard: 'Discard and apply',
    keep: 'Keep training',
  },
  share: {
    copy: 'Copy share link',
    status: 'Share link',
    copied: 'Link copied.',
    copyThis: 'Copy this link:',
    link: 'Link to this setup',
    settingsOnly: 'It holds the settings only: your file stays with you.',
  },
} as const;
