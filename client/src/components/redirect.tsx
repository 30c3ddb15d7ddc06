import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Navigate = ReturnType<typeof useNavigate>;

/**
 * Goes somewhere else exactly once. The router's <Navigate> navigates again whenever its props are
 * new objects, and a page being left keeps rendering until the next one is ready: with a `redirect`
 * search built from the current location, that chases its own tail.
 */
export function Redirect({ go }: { go: (navigate: Navigate) => Promise<void> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const first = useRef(go);
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void first.current(navigate);
  }, [navigate]);
  return (
    <p role="status" className="page-pending">
      {t('app.loadingPage')}
    </p>
  );
}
