// The navigation: one entry per screen, in tab order. To add a screen, add one line here
// (id, label, component); the top bar and the router pick it up. Keep Settings last.
// A view reads its domain's slice of the one store (useApp(s => s.agents.tasks)) and calls that
// slice's actions and ops; it never holds the bridge. Slices apply engine events (batched on
// animation frames, at most every 50 ms, state/store.ts); shared bits live in components/.
import type { ComponentType } from 'react';
import { AgentsView } from './agents/AgentsView';
import { AuditView } from './audit/AuditView';
import { CapturesView } from './captures/CapturesView';
import { DemoView } from './demo/DemoView';
import { ReplayView } from './replay/ReplayView';
import { SettingsView } from './settings/SettingsView';

export interface ViewEntry {
  id: string;
  label: string;
  component: ComponentType;
}

export const views: ViewEntry[] = [
  { id: 'captures', label: 'Captures', component: CapturesView },
  { id: 'agents', label: 'Agents', component: AgentsView },
  { id: 'demo', label: 'Demo agents', component: DemoView },
  { id: 'replay', label: 'Replay', component: ReplayView },
  { id: 'audit', label: 'Audit', component: AuditView },
  { id: 'settings', label: 'Settings', component: SettingsView },
];
