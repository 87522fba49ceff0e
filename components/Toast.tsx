import './Toast.css';

export interface ToastProps {
  /** null hides it. */
  message: string | null;
}

/**
 * A brief confirmation ("copied"). The live region is always in the page, empty when idle: screen readers
 * only announce changes to a region that already existed.
 */
export const Toast = ({ message }: ToastProps) => (
  <div class={`toast${message ? ' toast--shown' : ''}`} role="status" aria-live="polite">
    {message}
  </div>
);
