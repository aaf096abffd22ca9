/**
 * Yields one macrotask, so messages queued for this thread (a weight change, Pause) are handled
 * before the next step. A resolved promise is not enough (onmessage runs only between tasks) and
 * setTimeout(0) is clamped to ≥ 4 ms once nested; a MessageChannel post has no clamp.
 */
export function createEventLoopYielder(): () => Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return () => new Promise<void>((resolve) => void setImmediate(resolve));
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
