/**
 * What the space-time diagram draws: one lane per node, message arrows, markers (commit, crash,
 * promotion, mode switches), read outcomes and shaded partition intervals. Plain data.
 */

export type MessageKind = 'write' | 'ack' | 'read' | 'response';

export interface TraceMessage {
  readonly kind: MessageKind;
  /** Lane indices into `Trace.lanes`. */
  readonly from: number;
  readonly to: number;
  readonly sendMs: number;
  /** Null when the message never arrived (partition, crashed receiver). */
  readonly receiveMs: number | null;
  /** The data version the message carries or acknowledges (0 = the value before any write). */
  readonly version: number;
  /** True for messages the receiver did not wait for, e.g. responses after the R-th. */
  readonly ignored: boolean;
}

export type MarkerKind = 'commit' | 'crash' | 'promotion' | 'fallback-to-async' | 'semi-sync-restored';

export interface TraceMarker {
  readonly kind: MarkerKind;
  readonly lane: number;
  readonly atMs: number;
  readonly version: number;
}

export type ReadOutcome = 'fresh' | 'stale' | 'failed';

export interface TraceRead {
  /** The lane that issued the read (coordinator or client). */
  readonly lane: number;
  readonly issuedMs: number;
  readonly completedMs: number;
  readonly outcome: ReadOutcome;
  /** Null when the read failed. */
  readonly returnedVersion: number | null;
  /** The newest version the read had to return to count as fresh. */
  readonly expectedVersion: number;
}

export interface TracePartition {
  readonly lanes: readonly number[];
  readonly startMs: number;
  readonly endMs: number;
}

export interface Trace {
  readonly lanes: readonly string[];
  readonly messages: readonly TraceMessage[];
  readonly markers: readonly TraceMarker[];
  readonly reads: readonly TraceRead[];
  readonly partitions: readonly TracePartition[];
  readonly endMs: number;
}

/** Collects trace entries while a model runs. */
export class TraceRecorder {
  readonly messages: TraceMessage[] = [];
  readonly markers: TraceMarker[] = [];
  readonly reads: TraceRead[] = [];

  constructor(
    private readonly lanes: readonly string[],
    private readonly partitions: readonly TracePartition[] = [],
  ) {}

  message(message: TraceMessage): void {
    this.messages.push(message);
  }

  marker(marker: TraceMarker): void {
    this.markers.push(marker);
  }

  read(read: TraceRead): void {
    this.reads.push(read);
  }

  finish(endMs: number): Trace {
    return {
      lanes: this.lanes,
      messages: this.messages,
      markers: this.markers,
      reads: this.reads,
      partitions: this.partitions,
      endMs,
    };
  }
}
