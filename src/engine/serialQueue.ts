/**
 * Runs async tasks one at a time, in call order. A DuckDB connection executes one statement
 * at a time; queuing here keeps callers from interleaving pending-query polls.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
