/**
 * MCP `icons` a component declares (declare-icons): checked before the host
 * repeats them to clients. An icon's `src` is a `data:` URI of a raster or
 * SVG image, or an `https:` URL; anything else (`javascript:`, `http:`, a
 * `file:` path, an HTML data URI) is refused at registration, so no client
 * is handed a dangerous address in the host's name.
 */
import type { Icon } from '@modelcontextprotocol/server';
import { isJsonObject } from './bytes.js';

export const MAX_ICONS = 8;

const IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp|svg\+xml)(;[a-z0-9=.+-]+)*(;base64)?,/i;

export function isSafeIconSrc(src: string): boolean {
  if (IMAGE_DATA.test(src)) return true;
  try {
    return new URL(src).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The icons of `value`, or why they are refused. */
export function parseIcons(value: unknown): Icon[] | string {
  if (!Array.isArray(value)) return 'must be a JSON array';
  if (value.length > MAX_ICONS) return `has ${value.length} icons; at most ${MAX_ICONS}`;
  const icons: Icon[] = [];
  for (const [i, item] of value.entries()) {
    if (!isJsonObject(item) || typeof item.src !== 'string') return `icon ${i} needs a string src`;
    if (!isSafeIconSrc(item.src)) return `icon ${i}: src must be a data: image (PNG, JPEG, GIF, WebP, SVG) or an https: URL`;
    const icon: Icon = { src: item.src };
    if (item.mimeType !== undefined) {
      if (typeof item.mimeType !== 'string' || !item.mimeType.startsWith('image/')) return `icon ${i}: mimeType must be an image type`;
      icon.mimeType = item.mimeType;
    }
    if (item.sizes !== undefined) {
      if (!Array.isArray(item.sizes) || !item.sizes.every((s) => typeof s === 'string')) return `icon ${i}: sizes must be strings`;
      icon.sizes = item.sizes as string[];
    }
    if (item.theme !== undefined) {
      if (item.theme !== 'light' && item.theme !== 'dark') return `icon ${i}: theme must be light or dark`;
      icon.theme = item.theme;
    }
    icons.push(icon);
  }
  return icons;
}

/** `item` with its declared icons, if any. */
export function withIcons<T extends object>(item: T, icons: Icon[] | undefined): T {
  return icons === undefined ? item : { ...item, icons };
}
