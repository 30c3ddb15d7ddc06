// Keeps a failure inside the panel that failed: a map or chart whose code could not load (or threw
// while drawing) shows an error with a retry, and the rest of the page keeps working.
import {
  Component,
  type ComponentType,
  type ErrorInfo,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  useState,
} from 'react';
import { ErrorNotice } from './query-state';

interface BoundaryProps {
  /** What failed, as a noun phrase: "the map". */
  what: string;
  onRetry: () => void;
  children: ReactNode;
}

export class PanelBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`panel failed: ${this.props.what}`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorNotice
        error={this.state.error}
        what={this.props.what}
        retrying={false}
        onRetry={() => {
          this.setState({ error: null });
          this.props.onRetry();
        }}
      />
    );
  }
}

/**
 * React.lazy remembers a failed import for good; this makes a fresh lazy component on every retry,
 * so "Try again" after a dropped connection really fetches the chunk again.
 */
export function useRetryableLazy<Props extends object>(
  load: () => Promise<{ default: ComponentType<Props> }>,
): [LazyExoticComponent<ComponentType<Props>>, () => void] {
  const [state, setState] = useState(() => ({ component: lazy(load) }));
  return [state.component, () => setState({ component: lazy(load) })];
}
