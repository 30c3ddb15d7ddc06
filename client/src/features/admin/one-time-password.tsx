// A generated password, shown the one time the server sends it, with a copy button. The clipboard
// API needs a secure context (HTTPS or localhost); elsewhere the text is selected for Ctrl+C.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function OneTimePassword({ password }: { password: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const noteId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="one-time-password">
      <div className="field">
        <label htmlFor={inputId}>{t('auth.password')}</label>
        <div className="one-time-password-row">
          <input
            ref={input}
            id={inputId}
            className="one-time-password-value"
            readOnly
            value={password}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={noteId}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void onCopy()}>
            {t('admin.password.copy')}
          </button>
        </div>
        <p role="status" className={copy === 'idle' ? 'visually-hidden' : 'field-hint'}>
          {copy === 'copied' ? t('admin.password.copied') : copy === 'failed' ? t('admin.password.copyFailed') : ''}
        </p>
      </div>
      <div id={noteId} className="notice notice-warning">
        <p>{t('admin.password.onceBody')}</p>
      </div>
    </div>
  );
}
