import { Worker, type ResourceLimits } from 'node:worker_threads';

export class TaskTimeoutError extends Error {}
export class WorkerCrashedError extends Error {}
/** The task's worker reached its heap limit (resourceLimits) and was replaced. */
export class WorkerOutOfMemoryError extends WorkerCrashedError {}

/**
 * Heap of one parse worker. A document within the parse limits (parse/workLimits.ts) needs at
 * most about 400 MB; one that needs more is abandoned with parse-failed instead of taking the
 * machine's memory. The pool's peak is its size times this.
 */
export const WORKER_HEAP_MB = 512;

const MAX_START_FAILURES = 3;

interface Task {
  readonly message: unknown;
  readonly timeoutMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded its script: a task's budget does not include the start-up. */
  ready: boolean;
  task?: Task;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * A fixed set of worker threads running one script, one task at a time each. The script
 * posts `{ ready: true }` once loaded and answers each task with `{ ok, value | message }`. A task that
 * exceeds its time budget gets its worker terminated (about 15 ms, whatever the worker is
 * doing) and replaced; the caller's thread is never blocked by a runaway parse.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private disposed = false;

  private readonly capacity: number;
  /** Workers that died before loading their script, in a row; at MAX_START_FAILURES the pool gives up. */
  private startFailures = 0;
  private broken: Error | undefined;

  /** Workers start on demand: a warm start served from the cache never pays for them. */
  constructor(
    private readonly script: string,
    size: number,
    private readonly resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  ) {
    this.capacity = Math.max(1, size);
  }

  get size(): number {
    return this.capacity;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { resourceLimits: this.resourceLimits }), ready: false };
    slot.worker.unref();
    slot.worker.on('message', (result: { ready?: true; ok: boolean; value?: unknown; message?: string }) => {
      if (result.ready) {
        slot.ready = true;
        this.startFailures = 0;
        this.pump();
        return;
      }
      const task = this.finish(slot);
      if (!task) return;
      if (result.ok) task.resolve(result.value);
      else task.reject(new Error(result.message ?? 'worker task failed'));
    });
    slot.worker.on('error', (error: Error) =>
      this.replace(slot, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemoryError(error.message) : new WorkerCrashedError(error.message)),
    );
    slot.worker.on('exit', (code) => {
      if (!this.disposed && slot.task) this.replace(slot, new WorkerCrashedError(`worker exited with code ${code}`));
    });
    return slot;
  }

  private finish(slot: Slot): Task | undefined {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    queueMicrotask(() => this.pump());
    return task;
  }

  private replace(slot: Slot, error: Error): void {
    const task = this.finish(slot);
    const index = this.slots.indexOf(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    // A worker that cannot even start (a missing script, a heap too small to load it) would be
    // replaced forever: after a few in a row the pool fails its tasks instead.
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = new WorkerCrashedError(`parse workers fail to start: ${error.message}`);
      if (index >= 0) this.slots.splice(index, 1);
      for (const queued of this.queue.splice(0)) queued.reject(this.broken);
    } else if (index >= 0 && !this.disposed) {
      this.slots[index] = this.spawn();
    }
    task?.reject(error);
  }

  run<T>(message: unknown, timeoutMs: number): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('worker pool is disposed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message, timeoutMs, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    const idle = this.slots.filter((slot) => !slot.task).length;
    for (let i = this.slots.length; i < this.capacity && this.queue.length > idle + (i - this.slots.length); i++) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task || !slot.ready) continue;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, new TaskTimeoutError(`took longer than ${task.timeoutMs} ms`)), task.timeoutMs);
      slot.worker.postMessage(task.message);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.task?.reject(new Error('worker pool is disposed'));
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
    }
    for (const task of this.queue.splice(0)) task.reject(new Error('worker pool is disposed'));
  }
}
