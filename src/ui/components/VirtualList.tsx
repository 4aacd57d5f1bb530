/**
 * A list that renders only the rows in view (300 tools and a
 * 10,000-entry history without lag). Rows have one fixed height; details of
 * a row are shown elsewhere, never by growing the row.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const OVERSCAN = 6;

interface Props {
  count: number;
  rowHeight: number;
  renderRow(index: number): ReactNode;
  /** Accessible name of the list. */
  label: string;
  className?: string;
  /** Keep the newest row in view while the user is at the bottom (logs, history). */
  follow?: boolean;
}

export function VirtualList({ count, rowHeight, renderRow, label, className = '', follow = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    setViewport(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current!;
    if (follow && atBottom.current && el.scrollHeight > el.clientHeight) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    }
  }, [count, follow]);

  const onScroll = () => {
    const el = ref.current!;
    setScrollTop(el.scrollTop);
    atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div role="listitem" key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={ref} className={`vlist ${className}`} onScroll={onScroll} role="list" aria-label={label} tabIndex={0}>
      <div className="vlist-inner" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
