// App frame: top bar with the navigation, the current view, the status bar and the toast.
import { views } from './views/index';
import { useApp } from './state/store';
import { StatusBar } from './components/StatusBar';
import { ToastHost } from './components/ToastHost';

export function App() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
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
      </header>
      <main className="main">{View ? <View /> : null}</main>
      <StatusBar />
      <ToastHost />
    </div>
  );
}
