import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SAMPLE_ID } from './core/data/sampleDatasets.ts';
import { createController } from './state/controller.ts';
import { readShareLink } from './state/shareLink.ts';
import { App } from './ui/App.tsx';
import { ControllerContext } from './ui/controllerContext.ts';
import { TrainingClient } from './worker/client.ts';
import './ui/styles.css';

if (import.meta.env.MODE === 'bench') void import('./benchHooks.ts');

const controller = createController(new TrainingClient());
controller.setBackend('auto');
const shared = readShareLink(window.location.hash);
if (shared) controller.openShared(shared);
else controller.loadSample(DEFAULT_SAMPLE_ID);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);
