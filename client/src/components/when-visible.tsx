// Renders its children once they come near the viewport. Below-the-fold charts wait until someone
// scrolls towards them, so their library (recharts) is not part of a page's first download.
import { type ReactNode, useEffect, useRef, useState } from 'react';

export function WhenVisible({
  children,
  placeholder,
  margin = '300px',
}: {
  children: ReactNode;
  placeholder: ReactNode;
  /** How far ahead of the viewport to start: a chart should be ready by the time it is seen. */
  margin?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return near ? children : <div ref={ref}>{placeholder}</div>;
}
