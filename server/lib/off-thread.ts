import { Worker } from 'node:worker_threads';

/**
 * A job module run in a worker thread, off the request thread: its own event loop and, for the jobs
 * here, its own SQLite connection (WAL lets it read while the server writes). A worker thread does not
 * inherit tsx's loader: the thread registers it, then loads the job. The job posts one message.
 */
export function startJob(job: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(job.href)}); })`,
    {
      eval: true,
      workerData,
    },
  );
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
