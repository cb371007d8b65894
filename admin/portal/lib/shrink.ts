/**
 * A phone photo is often 4–8 MB: too slow on mobile data and close to the 10 MB limit. Big JPEG/PNG
 * photos are redrawn at most 2000 px on the long side as JPEG, still sharp enough to read a stamp.
 * PDFs and small files pass untouched; any failure falls back to the original file.
 */
const LIMIT = 1.5 * 1024 * 1024;
const MAX_SIDE = 2000;

export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size <= LIMIT || !/^image\/(jpeg|png)$/.test(file.type) || typeof createImageBitmap !== 'function')
    return file;
  try {
    const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bmp.width * scale);
    canvas.height = Math.round(bmp.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    bmp.close();
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

export const ACCEPTED = /\.(pdf|jpe?g|png)$/i;
export const MAX_BYTES = 10 * 1024 * 1024;
