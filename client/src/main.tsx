import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createInterfaceTexts, detectLocale } from './i18n';
import { shouldRetry } from './lib/api';
import { createAppRouter } from './router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Metadata changes rarely; a minute avoids refetching on every page switch.
      staleTime: 60_000,
      retry: shouldRetry,
    },
  },
});
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

void createInterfaceTexts(detectLocale()).then((texts) => {
  const router = createAppRouter({ texts });
  root.render(
    <StrictMode>
      <I18nextProvider i18n={texts.i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
});
