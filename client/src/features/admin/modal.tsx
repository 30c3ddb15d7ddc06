// A modal on the native <dialog>: the browser traps focus and closes it on Escape. It is open for as
// long as it is mounted, so each opening starts with fresh state, and focus goes back to the button
// that opened it.
import { type ReactNode, useEffect, useId, useRef } from 'react';

export function Modal({
  title,
  busy = false,
  onClose,
  children,
}: {
  title: string;
  /** While a request runs, Escape does not close it (the answer would land nowhere). */
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    dialog?.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="action-dialog admin-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
