// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimContentInstance, LIFETIME_PORT } from '../../../lib/platform/lifetime';

/**
 * Issue 15, defect 1: the checker lives as long as the extension, judged by a runtime port and
 * runtime.id — nothing a page can dispatch.
 */
function fakePort() {
  const listeners: Array<() => void> = [];
  return {
    name: LIFETIME_PORT,
    disconnect: vi.fn(),
    onDisconnect: { addListener: (l: () => void) => listeners.push(l) },
    onMessage: { addListener: () => {} },
    fire: () => listeners.forEach((l) => l()),
  };
}

describe('content-script lifetime', () => {
  const runtime = fakeBrowser.runtime as unknown as { connect: unknown; id: string | undefined };
  const original = { connect: runtime.connect, id: runtime.id };
  afterEach(() => {
    delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('budget-lens:content-instance')];
    runtime.connect = original.connect;
    runtime.id = original.id;
    vi.useRealTimers();
  });

  it('one live instance per page; a second injection leaves it be; a stopped one can be replaced', () => {
    const port = fakePort();
    runtime.connect = () => port;
    const first = claimContentInstance()!;
    expect(first).not.toBeNull();
    expect(claimContentInstance()).toBeNull();
    first.stop('test');
    expect(port.disconnect).toHaveBeenCalled();
    const next = claimContentInstance();
    expect(next).not.toBeNull();
    next!.stop('test');
  });

  it('a page event changes nothing; the extension going away ends the instance', () => {
    const port = fakePort();
    runtime.connect = () => port;
    const instance = claimContentInstance()!;
    document.dispatchEvent(new CustomEvent(`${runtime.id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'x' } }));
    expect(instance.signal.aborted).toBe(false);
    runtime.id = undefined;
    port.fire();
    expect(instance.signal.aborted).toBe(true);
  });

  it('a background that merely went to sleep does not end it; a later reload does', () => {
    vi.useFakeTimers();
    const port = fakePort();
    runtime.connect = () => port;
    const instance = claimContentInstance()!;
    port.fire();
    vi.advanceTimersByTime(10_000);
    expect(instance.signal.aborted).toBe(false);
    runtime.id = undefined;
    vi.advanceTimersByTime(5_000);
    expect(instance.signal.aborted).toBe(true);
  });
});
