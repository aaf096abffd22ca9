/// <reference types="vite/client" />
/**
 * The PyTorch project's template, `pytorch/project/*` (train.py, model.py, data.py, README.md…):
 * each file's text, loaded when a project is zipped. Kept apart so tests can give their own files.
 */
export const TEMPLATE_FILES = import.meta.glob<string>('/pytorch/project/*', { query: '?raw', import: 'default' });
