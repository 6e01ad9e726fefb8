// Renderer entry: picks the bridge (IPC or HTTP), creates the store, connects engine events
// (batched on animation frames) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBridge } from './bridge';
import { App } from './App';
import { connectStore, createAppStore, setAppStore } from './state/store';
// All styles live in styles/, one file per area, imported here once in cascade order (the
// screens' files first, as when each screen imported its own).
import './styles/agents.css';
import './styles/agents-layout.css';
import './styles/audit.css';
import './styles/replay.css';
import './styles/demo.css';
import './styles/display-settings.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/captures.css';
import './styles/detail.css';
import './styles/settings.css';

const bridge = createBridge();
const store = createAppStore(bridge);
setAppStore(store);
connectStore(store, bridge);
void store.getState().loadFirstPage();
void store.getState().loadSettings();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
