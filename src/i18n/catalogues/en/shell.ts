/** English strings of the page's frame: headings of the panels, the footer, the classroom view. */
export const enShell = {} as const;
