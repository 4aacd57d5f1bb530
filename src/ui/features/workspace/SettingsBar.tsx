/** Theme and request deadline, saved in localStorage (see src/session/settings.ts). */
import { useApp } from '../../app-context.js';
import { useSettings } from '../../hooks/stores.js';

export function SettingsBar() {
  const { settings } = useApp();
  const { theme, deadlineMs } = useSettings(settings);
  const dark = theme === 'dark';
  return (
    <div className="settings-bar">
      <label title="For servers loaded from now on">
        Request deadline (ms){' '}
        <input
          type="number"
          min={500}
          max={600000}
          step={500}
          value={deadlineMs}
          onChange={(e) => settings.change({ deadlineMs: Number(e.target.value) })}
          className="narrow"
        />
      </label>
      <button type="button" aria-pressed={dark} onClick={() => settings.change({ theme: dark ? 'light' : 'dark' })}>
        Dark theme
      </button>
    </div>
  );
}
