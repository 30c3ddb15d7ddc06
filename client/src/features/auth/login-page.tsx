import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagePending } from '../../app/fallbacks';
import { isRecord, readApiError } from '../../components/api-error';
import { PageHeader } from '../../components/page-header';
import { api, parseResponse } from '../../lib/api';
import { useIsDemo } from '../programme/queries';
import { homeFor, type Me, startSession, useMe } from './session';

const route = getRouteApi('/login');

type Problem =
  | { kind: 'missing' }
  | { kind: 'credentials' }
  | { kind: 'rateLimited'; minutes: number }
  | { kind: 'network' }
  | { kind: 'server'; message: string };

function signIn(email: string, password: string) {
  return parseResponse(api.api.auth.login.$post({ json: { email, password } }));
}

function toProblem(error: unknown): Problem {
  const failure = readApiError(error);
  if (failure.status === null) return { kind: 'network' };
  if (failure.status === 401) return { kind: 'credentials' };
  if (failure.status === 429) {
    const seconds = isRecord(failure.details) ? failure.details.retryAfterSeconds : null;
    return { kind: 'rateLimited', minutes: typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : 15 };
  }
  return { kind: 'server', message: failure.message ?? '' };
}

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const me = useMe();
  const user = me.data?.user;
  // Someone already signed in (another tab, the back button) goes straight on.
  const target = user ? (redirect ?? homeFor(user.role)) : null;
  useEffect(() => {
    if (target) void navigate({ href: target, replace: true });
  }, [navigate, target]);
  if (target) return <PagePending />;
  return (
    <div className="login">
      <PageHeader title={t('auth.title')}>
        <p className="lede">{redirect ? t('auth.introRedirect') : t('auth.intro')}</p>
      </PageHeader>
      <LoginForm />
    </div>
  );
}

function LoginForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isDemo = useIsDemo();
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem({ kind: 'missing' });
      emailRef.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    let user: Me;
    try {
      user = (await signIn(email.trim(), password)).user;
    } catch (error) {
      setPending(false);
      setProblem(toProblem(error));
      setPassword('');
      return;
    }
    // The page sees the new session and goes on to `redirect` or the person's home.
    startSession(queryClient, user);
  };

  const message = problem && describeProblem(problem, t);
  const invalid = problem?.kind === 'credentials' || problem?.kind === 'missing';
  return (
    <form className="login-form" onSubmit={onSubmit} noValidate aria-describedby={message ? errorId : undefined}>
      {message ? (
        <p id={errorId} className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={emailId}>{t('auth.email')}</label>
        <input
          ref={emailRef}
          id={emailId}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          aria-invalid={invalid && !email.trim() ? true : undefined}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>{t('auth.password')}</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid && (problem?.kind === 'credentials' || !password) ? true : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('auth.signingIn') : t('auth.signIn')}
      </button>
      {isDemo ? <p className="muted login-demo">{t('auth.demoHint')}</p> : null}
    </form>
  );
}

function describeProblem(problem: Problem, t: TFunction): string {
  switch (problem.kind) {
    case 'missing':
      return t('auth.missing');
    case 'credentials':
      return t('auth.invalidCredentials');
    case 'rateLimited':
      return t('auth.tooManyAttempts', { count: problem.minutes });
    case 'network':
      return t('common.networkError');
    case 'server':
      return problem.message || t('auth.failed');
  }
}
