/** An SVG document drawn to a PNG, in the page (no server, nothing leaves it). */

/** Device pixels per CSS pixel in a saved PNG: sharp on a slide or a high-density screen. */
export const PNG_SCALE = 2;

/**
 * Draws `svg` (width × height CSS px) onto a canvas PNG_SCALE times that size and encodes it.
 * A blob: URL, not a data: URL: long SVGs (a scatter of many points) stay out of a string copy.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * PNG_SCALE);
    canvas.height = Math.round(height * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas context');
    // Scaled at draw time, so the vector image is rasterised at the full size rather than enlarged.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
