import { Semaphore, SemaphoreFullError } from './semaphore';

describe('Semaphore', () => {
  it('runs at most its limit at once and the waiting tasks in arrival order, passing on results and errors', async () => {
    const slots = new Semaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) =>
      slots.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (i === 3) throw new Error('task 3 failed');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(task));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      1,
      2,
      'task 3 failed',
      4,
      5,
    ]);
    expect(slots.running).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(/at least 1/);
  });

  it('refuses a task at once when maxWaiting tasks already wait, and takes new ones again as the queue empties', async () => {
    const slots = new Semaphore(1, 2);
    let release!: () => void;
    const blocker = slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = [slots.run(async () => 'a'), slots.run(async () => 'b')];
    await expect(slots.run(async () => 'c')).rejects.toBeInstanceOf(SemaphoreFullError);
    release();
    await blocker;
    expect(await Promise.all(queued)).toEqual(['a', 'b']);
    expect(await slots.run(async () => 'd')).toBe('d');
  });
});
