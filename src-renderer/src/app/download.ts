/**
 * Hands the browser a file to save. In the web host this is a normal download; the desktop app
 * saves it to the downloads folder the same way (reports have their own native save dialog).
 */
import { cleanFileName } from '@shared/util/text';

export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  // The name is built from what people typed; no direction control may disguise its extension.
  link.download = cleanFileName(fileName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(fileName: string, base64: string, mimeType: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBytes(fileName, bytes, mimeType);
}

export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBytes(fileName, new TextEncoder().encode(text), `${mimeType};charset=utf-8`);
}
