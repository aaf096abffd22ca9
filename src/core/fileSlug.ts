/** A name as part of a file name: runs of anything but letters (any script), digits and `_` become one `-`. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}
