// App frame: top bar with the navigation, the current view (under a screen-reader h1), the status
// bar, the toast and the `?` shortcut sheet.
import { views } from './views/index';
import { useApp } from './state/store';
import { StatusBar } from './components/StatusBar';
import { ShortcutSheet } from './components/ShortcutSheet';
import { ToastHost } from './components/ToastHost';

export function App() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const setShortcutsOpen = useApp((s) => s.setShortcutsOpen);
  const current = views.find((v) => v.id === view) ?? views[0];
  const View = current?.component;
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Switchboard
        </div>
        <nav className="tabs" aria-label="Views">
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              className={v.id === current?.id ? 'tab active' : 'tab'}
              aria-current={v.id === current?.id ? 'page' : undefined}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <button
          type="button"
          className="btn btn-ghost btn-small shortcut-hint"
          onClick={() => setShortcutsOpen(true)}
          aria-keyshortcuts="?"
          data-testid="open-shortcuts"
        >
          Shortcuts <kbd>?</kbd>
        </button>
      </header>
      <main className="main">
        {/* One h1 per screen for the heading outline; the tab bar already shows the name. */}
        <h1 className="sr-only">{current?.label}</h1>
        {View ? <View /> : null}
      </main>
      <StatusBar />
      <ToastHost />
      <ShortcutSheet />
    </div>
  );
}
