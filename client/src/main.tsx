import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExplorerStore, browserHost } from './explorer/store';
import { ExplorerContext } from './explorer/useExplorer';
import { explorerHost } from './ingest/route';
import { currentLanguage } from './i18n';
import './styles.css';
import './styles/layout.css';

document.documentElement.lang = currentLanguage();
const store = new ExplorerStore(explorerHost(browserHost()));
store.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerContext.Provider value={store}>
      <App />
    </ExplorerContext.Provider>
  </StrictMode>,
);
