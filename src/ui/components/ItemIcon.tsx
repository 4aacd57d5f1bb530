/**
 * The icon a server gave a tool, resource, prompt or itself, when it can be
 * shown without fetching anything: a `data:` image (PNG, JPEG, GIF, WebP or
 * SVG; an SVG in an <img> runs no script). An icon at a URL is not loaded, so
 * a server cannot learn when, or from where, a person looks at its list. The
 * one for the page's theme comes first.
 */
import type { Icon } from '@modelcontextprotocol/client';
import { useTheme } from '../hooks/theme.js';

const SHOWN = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

export function pickIcon(icons: readonly Icon[] | undefined, theme: 'light' | 'dark'): Icon | undefined {
  const shown = (icons ?? []).filter((i) => SHOWN.test(i.src));
  return shown.find((i) => i.theme === theme) ?? shown.find((i) => i.theme === undefined) ?? shown[0];
}

export function ItemIcon({ icons }: { icons: readonly Icon[] | undefined }) {
  const icon = pickIcon(icons, useTheme());
  if (!icon) return null;
  return <img className="item-icon" src={icon.src} alt="" width={16} height={16} decoding="async" />;
}
