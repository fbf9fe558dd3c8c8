import { useSyncExternalStore } from 'react';

/**
 * One status message at a time (expansion results, failures). A tiny external store rather than context so
 * that any action, in or out of React, can report without threading callbacks through the tree.
 */

export type NotificationKind = 'info' | 'success' | 'error';
export type Notification = { id: number; kind: NotificationKind; message: string };

let current: Notification | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

const DISPLAY_MS: Record<NotificationKind, number> = { info: 6000, success: 8000, error: 12000 };

function emit(): void {
  for (const listener of listeners) listener();
}

export function notify(kind: NotificationKind, message: string, options: { sticky?: boolean } = {}): void {
  current = { id: nextId++, kind, message };
  clearTimeout(timer);
  if (!options.sticky) {
    const id = current.id;
    timer = setTimeout(() => {
      if (current?.id === id) dismiss();
    }, DISPLAY_MS[kind]);
  }
  emit();
}

export function dismiss(): void {
  clearTimeout(timer);
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotification(): Notification | null {
  return useSyncExternalStore(subscribe, () => current);
}
