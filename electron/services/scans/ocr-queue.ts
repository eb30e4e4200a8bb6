import type { OcrStatus } from '../../../shared/api';
import { pageTextIdFor } from '../../../shared/docs';
import { documentStamp, type ClinicData } from '../clinic-data';
import { probeTesseract, recognisePage, type OcrEngine } from './tesseract';

/**
 * Reading scanned pages in the background, one at a time (the PC is also the front desk's), with
 * tesseract as a child process (tesseract.ts). Each page read becomes a `page_text` document, marked
 * machine-read, which the full-text index picks up like any other write; the scan desk shows the
 * queue's progress. Without tesseract the pages stay stored and listed as waiting to be read.
 */

export interface OcrJob {
  readonly pageSetId: string;
  readonly patientId: string;
  /** 1-based, for the progress line. */
  readonly page: number;
  readonly digestHex: string;
  readonly clinicCode: string;
  readonly actor: string;
}

export interface OcrOptions {
  readonly command?: string;
  readonly timeoutMs?: number;
}

const attachmentDigest = (hex: string) => `md5-${Buffer.from(hex, 'hex').toString('base64')}`;

export class OcrQueue {
  private readonly jobs: OcrJob[] = [];
  private running: OcrJob | null = null;
  private done = 0;
  private failed = 0;
  private lastError: string | null = null;
  private engine: Promise<OcrEngine> | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly data: ClinicData,
    private readonly options: OcrOptions = {},
  ) {}

  private probe(): Promise<OcrEngine> {
    this.engine ??= probeTesseract(this.options.command);
    return this.engine;
  }

  async status(): Promise<OcrStatus> {
    const engine = await this.probe();
    return {
      available: engine.available,
      engine: engine.description,
      pending: this.jobs.length,
      running: this.running && { pageSetId: this.running.pageSetId, page: this.running.page },
      done: this.done,
      failed: this.failed,
      lastError: this.lastError,
    };
  }

  /** Queues pages; starts reading if tesseract is here. Pages already read are skipped. */
  enqueue(jobs: ReadonlyArray<OcrJob>): void {
    for (const job of jobs) {
      if (this.data.store.get(pageTextIdFor(job.pageSetId, job.digestHex))) continue;
      if (this.jobs.some((queued) => queued.pageSetId === job.pageSetId && queued.digestHex === job.digestHex)) continue;
      this.jobs.push(job);
    }
    void this.pump();
  }

  /** Resolves when nothing is queued or running (tests, the benchmark). */
  whenIdle(): Promise<void> {
    if (!this.running && this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const engine = await this.probe();
    if (!engine.available || this.running) return this.settleIfIdle(engine);
    for (let job = this.jobs.shift(); job; job = this.jobs.shift()) {
      this.running = job;
      try {
        await this.read(job, engine);
        this.done += 1;
      } catch (error) {
        this.failed += 1;
        this.lastError = `第 ${job.page} 页没有识别出来：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
      this.running = null;
    }
    this.settleIfIdle(engine);
  }

  private settleIfIdle(engine: OcrEngine): void {
    // Without an engine the queue never empties: waiters are told at once, the pages stay waiting.
    if (this.running || (engine.available && this.jobs.length > 0)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async read(job: OcrJob, engine: OcrEngine): Promise<void> {
    const bytes = this.data.store.getAttachment(attachmentDigest(job.digestHex));
    if (!bytes) throw new Error('页面图片不在本机');
    const started = performance.now();
    const text = await recognisePage(bytes, this.options);
    const seconds = (performance.now() - started) / 1000;
    const id = pageTextIdFor(job.pageSetId, job.digestHex);
    const previous = this.data.store.get(id);
    const [result] = this.data.store.bulkDocs([
      {
        _id: id,
        ...(previous ? { _rev: String(previous._rev) } : {}),
        type: 'page_text',
        ...documentStamp(job.clinicCode, job.actor),
        page_set_id: job.pageSetId,
        patient_id: job.patientId,
        page_digest: job.digestHex,
        machine_read: true,
        engine: engine.description.slice(0, 80),
        text: text.slice(0, 20000),
        read_at: new Date().toISOString(),
        seconds: Number(seconds.toFixed(3)),
      },
    ]);
    if (!result.ok) throw new Error(result.reason ?? result.error);
  }
}

const queues = new WeakMap<ClinicData, OcrQueue>();

/** The one OCR queue of a clinic database. */
export function ocrQueueFor(data: ClinicData, options?: OcrOptions): OcrQueue {
  let queue = queues.get(data);
  if (!queue) queues.set(data, (queue = new OcrQueue(data, options)));
  return queue;
}
