/** English strings of the lessons area (see ../../README.md for how keys are named). */
export const enLessons = {} as const;
