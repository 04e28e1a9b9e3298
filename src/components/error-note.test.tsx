import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNote } from './error-note';

afterEach(cleanup);

describe('ErrorNote', () => {
  it('is an alert when the error ended the turn', () => {
    render(<ErrorNote part={{ type: 'error', code: 'model_error', message: 'The model crashed', retryable: false }} />);
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-state')).toBe('fatal');
    expect(alert.textContent).toContain('The model crashed');
    expect(alert.textContent).toContain('model_error');
  });

  it('is a quiet note when the turn goes on', () => {
    render(<ErrorNote part={{ type: 'error', code: 'rate_limited', message: 'Retrying soon', retryable: true }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('note').getAttribute('data-state')).toBe('retryable');
  });
});
