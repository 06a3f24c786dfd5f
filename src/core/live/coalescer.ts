import type { IndexChange } from '../index/workspaceIndex';
import type { Scheduler } from './services';

/**
 * Collects index changes over a short window and hands them on as one, so views update once
 * per burst (a scan sets hundreds of documents; a rename touches many).
 */
export class ChangeCoalescer {
  private pending: { uris: Set<string>; ids: Set<string> } | undefined;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly windowMs: number,
    private readonly deliver: (change: IndexChange) => void,
  ) {}

  add(change: IndexChange): void {
    this.pending ??= { uris: new Set(), ids: new Set() };
    for (const uri of change.uris) this.pending.uris.add(uri);
    for (const id of change.ids) this.pending.ids.add(id);
    this.cancel ??= this.scheduler.schedule(() => this.flush(), this.windowMs);
  }

  get isPending(): boolean {
    return this.pending !== undefined;
  }

  /** Delivers what is pending now (the window's timer, or a test settling). */
  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.deliver({ uris: [...pending.uris], ids: [...pending.ids] });
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.pending = undefined;
  }
}
