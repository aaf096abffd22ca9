/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const TASK_COLOURS = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'];
/** Dash patterns, so lines differ by more than colour. */
export const TASK_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4'];

export function taskColour(k: number): string {
  return TASK_COLOURS[k % TASK_COLOURS.length] as string;
}

export function taskDash(k: number): string {
  return TASK_DASHES[k % TASK_DASHES.length] as string;
}
