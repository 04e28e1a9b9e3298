import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module.js';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('lazyModule', () => {
  it('renders without the module, then every user with it in one commit, and imports it once', async () => {
    const imports: ReturnType<typeof deferred<{ word: string }>>[] = [];
    const module = lazyModule(() => {
      imports.push(deferred());
      return imports.at(-1)!.promise;
    });
    let renders = 0;
    function Word({ id }: { id: string }) {
      renders += 1;
      return <p data-testid={id}>{module.useLoaded()?.word ?? 'plain'}</p>;
    }
    render(
      <>
        <Word id="a" />
        <Word id="b" />
      </>,
    );
    expect(screen.getByTestId('a').textContent).toBe('plain');
    expect(imports).toHaveLength(1);
    renders = 0;
    await act(async () => imports[0]!.resolve({ word: 'loaded' }));
    expect([screen.getByTestId('a').textContent, screen.getByTestId('b').textContent]).toEqual(['loaded', 'loaded']);
    expect(renders).toBe(2);
    render(<Word id="c" />);
    expect(screen.getByTestId('c').textContent).toBe('loaded');
    expect(imports).toHaveLength(1);
  });

  it('keeps showing what it can when the chunk fails, and tries again when the next user mounts', async () => {
    const imports: ReturnType<typeof deferred<{ word: string }>>[] = [];
    const module = lazyModule(() => {
      imports.push(deferred());
      return imports.at(-1)!.promise;
    });
    const Word = ({ id }: { id: string }) => <p data-testid={id}>{module.useLoaded()?.word ?? 'plain'}</p>;
    render(<Word id="a" />);
    await act(async () => imports[0]!.reject(new Error('offline')));
    expect(screen.getByTestId('a').textContent).toBe('plain');

    render(<Word id="b" />);
    expect(imports).toHaveLength(2);
    await act(async () => imports[1]!.resolve({ word: 'loaded' }));
    expect([screen.getByTestId('a').textContent, screen.getByTestId('b').textContent]).toEqual(['loaded', 'loaded']);
  });
});
