import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A job module run in a worker thread, off the request thread: its own event loop and, for the jobs
 * here, its own SQLite connection (WAL lets it read while the server writes). A worker thread does not
 * inherit tsx's loader: the thread registers it, then loads the job. The job posts one message.
 */
export function startJob(job: URL, workerData: unknown, options: WorkerOptions = {}): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(job.href)}); })`,
    {
      ...options,
      eval: true,
      workerData,
    },
  );
}

/**
 * One long-lived thread for a job module that answers many requests (it listens for
 * `{id, input}` and posts `{id, ok, result | error}`), one request at a time. Its heap is capped,
 * and a request not answered in time ends the thread (the next request starts a fresh one): a
 * hostile input costs that thread, never the server's memory or its event loop.
 */
export class JobThread<In, Out> {
  private worker: Worker | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly job: URL,
    private readonly o: { timeoutMs: number; maxHeapMb: number },
  ) {}

  run(input: In): Promise<Out> {
    const next = this.queue.then(() => this.once(input));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private thread(): Worker {
    if (!this.worker) {
      const w = startJob(this.job, null, {
        resourceLimits: { maxOldGenerationSizeMb: this.o.maxHeapMb, maxYoungGenerationSizeMb: 16 },
      });
      w.unref();
      w.on('exit', () => {
        if (this.worker === w) this.worker = null;
      });
      w.on('error', () => {
        if (this.worker === w) this.worker = null;
      });
      this.worker = w;
    }
    return this.worker;
  }

  private once(input: In): Promise<Out> {
    const w = this.thread();
    const id = ++this.seq;
    return new Promise<Out>((resolve, reject) => {
      const done = (f: () => void) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        f();
      };
      const onMessage = (m: { id: number; ok: boolean; result?: Out; error?: string }) => {
        if (m.id === id) done(() => (m.ok ? resolve(m.result as Out) : reject(new Error(m.error))));
      };
      const onError = (e: Error) => done(() => reject(e));
      const onExit = (code: number) => done(() => reject(new Error(`the job thread ended (${code})`)));
      const timer = setTimeout(() => {
        done(() => reject(new Error('the job took too long')));
        if (this.worker === w) this.worker = null;
        void w.terminate();
      }, this.o.timeoutMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage({ id, input });
    });
  }
}

/** The job's one message, or its failure. */
export function runJob<T>(job: URL, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startJob(job, workerData);
    } catch (e) {
      reject(e);
      return;
    }
    worker.once('message', (m: { ok: boolean; result?: T; error?: string }) =>
      m.ok ? resolve(m.result as T) : reject(new Error(m.error)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the job ended (${code}) without an answer`)));
  });
}
