import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installProbe } from './app/benchmarkProbe';
import { useStore } from './state/store';
import './styles.css';

installProbe(useStore.getState);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
