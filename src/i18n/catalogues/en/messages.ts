/** English strings of the messages area (see ../../README.md for how keys are named). */
export const enMessages = {} as const;
