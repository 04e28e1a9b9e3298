/** A push-based queue consumed as an async iterator; `end` finishes it, `fail` rejects the pending read. */
export interface AsyncQueue<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  end(): void;
  fail(error: unknown): void;
}

export function createAsyncQueue<T>(onReturn?: () => void): AsyncQueue<T> {
  const values: T[] = [];
  const waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void }[] = [];
  let done = false;
  let failure: { error: unknown } | null = null;

  const settleWaiting = () => {
    while (waiting.length > 0 && (values.length > 0 || done || failure)) {
      const reader = waiting.shift()!;
      if (values.length > 0) reader.resolve({ value: values.shift()!, done: false });
      else if (failure) reader.reject(failure.error);
      else reader.resolve({ value: undefined, done: true });
    }
  };

  const queue: AsyncQueue<T> = {
    push(value) {
      if (done || failure) return;
      values.push(value);
      settleWaiting();
    },
    end() {
      done = true;
      settleWaiting();
    },
    fail(error) {
      if (done || failure) return;
      failure = { error };
      settleWaiting();
    },
    next() {
      if (values.length > 0) return Promise.resolve({ value: values.shift()!, done: false });
      if (failure) return Promise.reject(failure.error);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      done = true;
      values.length = 0;
      settleWaiting();
      onReturn?.();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
