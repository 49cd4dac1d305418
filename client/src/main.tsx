import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { authStore } from './auth/store';
import { ExplorerStore, browserHost } from './explorer/store';
import { ExplorerContext } from './explorer/useExplorer';
import { explorerHost } from './ingest/route';
import { currentLanguage } from './i18n';
import './styles.css';
import './styles/layout.css';

document.documentElement.lang = currentLanguage();
const store = new ExplorerStore(explorerHost(browserHost()));
// The explorer asks for its data once someone may see it (at once in the open mode, after sign-in otherwise).
authStore.start();
authStore.whenExplorerMayStart(() => store.start());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerContext.Provider value={store}>
      <App />
    </ExplorerContext.Provider>
  </StrictMode>,
);
