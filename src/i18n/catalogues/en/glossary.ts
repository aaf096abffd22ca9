/** English strings of the glossary area (see ../../README.md for how keys are named). */
export const enGlossary = {} as const;
