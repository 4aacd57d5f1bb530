import { useApp } from '../app-context.js';
import { useSettings } from './stores.js';
import type { Theme } from '../../session/settings.js';

export function useTheme(): Theme {
  return useSettings(useApp().settings).theme;
}
