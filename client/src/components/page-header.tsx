import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's h1, and the same text in the browser tab so history and screen readers name the page. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const documentTitle = t('app.documentTitle', { page: title });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children}
    </header>
  );
}
