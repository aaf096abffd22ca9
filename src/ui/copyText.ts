/**
 * Copies text to the clipboard; false without clipboard permission or on an insecure page (the
 * caller then shows the text to copy by hand).
 */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard) return false;
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}
