/**
 * An image a component sent, shown only once its size is known and within
 * MAX_IMAGE_PIXELS: a few KiB of PNG can decode to gigabytes. The size comes
 * from an Image that is never drawn (loading it reads the header; decoding
 * waits until it is painted), so a too large one is never decoded.
 */
import { useEffect, useState } from 'react';
import { imageFits, MAX_IMAGE_PIXELS } from './binary-content.js';

type Size = { width: number; height: number } | 'unreadable' | undefined;

export function ContentImage({ src, alt, className }: { src: string; alt: string; className?: string }) {
  const [size, setSize] = useState<Size>(undefined);
  useEffect(() => {
    setSize(undefined);
    const probe = new Image();
    probe.onload = () => setSize({ width: probe.naturalWidth, height: probe.naturalHeight });
    probe.onerror = () => setSize('unreadable');
    probe.src = src;
    return () => {
      probe.onload = null;
      probe.onerror = null;
      probe.src = '';
    };
  }, [src]);
  if (size === undefined) return <span className="muted">Loading image…</span>;
  if (size === 'unreadable') return <span className="muted">The image could not be read ({alt}).</span>;
  if (!imageFits(size.width, size.height)) {
    return (
      <span className="muted" role="note">
        Not shown: {alt} is {size.width}×{size.height} pixels, over the {MAX_IMAGE_PIXELS / 2 ** 20} M pixels the page decodes.
      </span>
    );
  }
  return <img className={className} src={src} alt={alt} width={size.width} height={size.height} />;
}
