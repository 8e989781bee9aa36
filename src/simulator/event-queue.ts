/**
 * The discrete-event engine: a priority queue of timed actions. Ties are broken first by an
 * explicit rank chosen by the model (so that, say, a write arriving at a replica at the same instant
 * as a read is applied first, which is the PBS rule "equal means fresh") and then by scheduling
 * order, so every run processes events in exactly the same order.
 */

interface ScheduledEvent {
  readonly timeMs: number;
  readonly rank: number;
  readonly sequence: number;
  readonly action: () => void;
}

export class EventQueue {
  private readonly heap: ScheduledEvent[] = [];
  private sequence = 0;
  private current = 0;

  /** Time of the event being processed (or of the last one processed). */
  get nowMs(): number {
    return this.current;
  }

  /** Schedules `action` at `timeMs`; among simultaneous events, lower `rank` runs first. */
  schedule(timeMs: number, rank: number, action: () => void): void {
    if (!(timeMs >= this.current)) throw new Error(`cannot schedule an event in the past (${timeMs} < ${this.current})`);
    const event: ScheduledEvent = { timeMs, rank, sequence: this.sequence++, action };
    const heap = this.heap;
    let index = heap.length;
    heap.push(event);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!precedes(event, heap[parent])) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = event;
  }

  /** Processes events in order until none is left. Actions may schedule further events. */
  run(): void {
    for (let event = this.pop(); event !== undefined; event = this.pop()) {
      this.current = event.timeMs;
      event.action();
    }
  }

  private pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as ScheduledEvent;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && precedes(heap[right], heap[left]) ? right : left;
        if (!precedes(heap[child], last)) break;
        heap[index] = heap[child];
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}

function precedes(a: ScheduledEvent, b: ScheduledEvent): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.sequence < b.sequence;
}
