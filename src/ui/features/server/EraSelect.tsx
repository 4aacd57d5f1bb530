/** The protocol revision the page speaks to one server: changing it connects again (history and results stay). */
import { ERAS, type Era } from '../../../session/era.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useEra } from '../../hooks/stores.js';

const LABELS: Record<Era, string> = {
  auto: 'Auto (newest both know)',
  '2025-11-25': '2025-11-25 (initialize)',
  '2026-07-28': '2026-07-28 (stateless)',
};

export function EraSelect({ session }: { session: ServerSession }) {
  const era = useEra(session);
  return (
    <select aria-label="Protocol" value={era} onChange={(e) => void session.setEra(e.target.value as Era)}>
      {ERAS.map((value) => (
        <option key={value} value={value}>
          {LABELS[value]}
        </option>
      ))}
    </select>
  );
}
