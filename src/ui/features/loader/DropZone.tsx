/** Drop .wasm files anywhere on the page to load them. */
import { useEffect, useState } from 'react';
import { fromFile } from '../../../session/sources.js';
import { useApp } from '../../app-context.js';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function DropZone() {
  const { servers } = useApp();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      for (const file of Array.from(e.dataTransfer?.files ?? [])) void servers.open(fromFile(file));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [servers]);
  return dragging ? (
    <div className="drop-overlay" aria-live="polite">
      Drop .wasm components to load them
    </div>
  ) : null;
}
