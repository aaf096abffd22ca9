import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_SAMPLE_ID } from './core/data/sampleDatasets.ts';
import { createI18n } from './i18n/i18n.ts';
import { createController } from './state/controller.ts';
import { openRunStorage } from './state/runStorage.ts';
import { readShareLink } from './state/shareLink.ts';
import { App } from './ui/App.tsx';
import { ControllerContext } from './ui/controllerContext.ts';
import { followLanguage, startLanguage } from './ui/i18n/pageLanguage.ts';
import { registerOffline } from './ui/offline/registerOffline.ts';
import { TrainingClient } from './worker/client.ts';
import './ui/styles.css';

if (import.meta.env.MODE === 'bench') void import('./benchHooks.ts');

const i18n = createI18n(startLanguage(), [initReactI18next]);
followLanguage(i18n);
registerOffline();

const controller = createController(new TrainingClient(), openRunStorage());
controller.setBackend('auto');
const shared = readShareLink(window.location.hash);
if (shared) controller.openShared(shared);
else controller.loadSample(DEFAULT_SAMPLE_ID);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ControllerContext.Provider value={controller}>
        <App />
      </ControllerContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
