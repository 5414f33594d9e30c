import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Options } from '@/components/options/Options';
import '@/components/shared/ui.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
