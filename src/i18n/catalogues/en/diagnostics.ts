/** English strings of the diagnostics area (see ../../README.md for how keys are named). */
export const enDiagnostics = {} as const;
