// The combined store type and the slice-creator signature every slice uses.
import type { StateCreator } from 'zustand';
import type { AgentsSlice } from './agents-slice';
import type { AuditSlice } from './audit-slice';
import type { CapturesSlice } from './captures-slice';
import type { DemoSlice } from './demo-slice';
import type { DetailSlice } from './detail-slice';
import type { ReplaySlice } from './replay-slice';
import type { SelectionSlice } from './selection-slice';
import type { SettingsSlice } from './settings-slice';
import type { UiSlice } from './ui-slice';

export type AppState = CapturesSlice &
  DetailSlice &
  SelectionSlice &
  SettingsSlice &
  UiSlice &
  AgentsSlice &
  DemoSlice &
  ReplaySlice &
  AuditSlice;

export type SliceCreator<S> = StateCreator<AppState, [], [], S>;
