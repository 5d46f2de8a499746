export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `probe` returns something truthy; fails naming `what` (and the last state, if given). */
export async function until<T>(
  probe: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
  state?: () => unknown | Promise<unknown>,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) {
      const last = state ? ` Last state: ${JSON.stringify(await state())}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${last}`);
    }
    await sleep(50);
  }
}
