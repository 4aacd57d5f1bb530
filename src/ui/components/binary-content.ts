/**
 * What the page makes of binary content a component sends: a name for the
 * download, a MIME type for the data URL, and whether an image is small
 * enough to decode. All of it comes from the component, so none of it is
 * used as it is.
 */

/** Images up to this many pixels are shown (64 MiB decoded, at 4 bytes a pixel); larger ones only offered for download. */
export const MAX_IMAGE_PIXELS = 16 * 2 ** 20;

const MAX_NAME_LENGTH = 100;

/**
 * A file name for a download, from the last part of a resource's URI: only
 * letters, digits, `.`, `_` and `-`, not starting with a dot, at most 100
 * characters; `resource` when nothing is left.
 */
export function downloadName(uri: string): string {
  const path = uri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, '');
  const last = path.split(/[/:?#\\]/).filter(Boolean).pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Not percent-encoded text: kept as it is, then cleaned like any other.
  }
  const clean = decoded
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, MAX_NAME_LENGTH);
  return clean === '' ? 'resource' : clean;
}

/** The MIME type for a data URL: `type/subtype` of token characters only, else application/octet-stream. */
export function safeMime(mime: string | undefined): string {
  return mime !== undefined && /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*$/.test(mime) ? mime.toLowerCase() : 'application/octet-stream';
}

/** Whether an image of this size may be decoded and shown. */
export function imageFits(width: number, height: number): boolean {
  return width * height <= MAX_IMAGE_PIXELS;
}
