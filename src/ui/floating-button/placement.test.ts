import { describe, expect, it } from 'vitest';
import { covers, isButtonShown, positionOf } from './placement.ts';

const page = (...ids: string[]) => ({
  getElementById: (id: string) => (ids.includes(id) ? ({} as HTMLElement) : null),
});

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, right: left + width, bottom: top + height }) as DOMRect;

describe('positionOf', () => {
  it('puts the button in the left corner unless the option names the right one', () => {
    expect(positionOf(true)).toBe('left');
    expect(positionOf('left')).toBe('left');
    expect(positionOf('right')).toBe('right');
  });
});

describe('isButtonShown', () => {
  it('shows the button after a decision while neither the notice nor the center is open', () => {
    expect(isButtonShown(true, page())).toBe(true);
  });

  it('hides it before any decision', () => {
    expect(isButtonShown(false, page())).toBe(false);
  });

  it('hides it while the notice or the preference center dialog is on the page', () => {
    expect(isButtonShown(true, page('assent-notice'))).toBe(false);
    expect(isButtonShown(true, page('assent-preferences'))).toBe(false);
  });
});

describe('covers', () => {
  const button = rect(16, 540, 44, 44);

  it('finds a page element under the button, even partly', () => {
    expect(covers(button, rect(20, 550, 30, 20))).toBe(true);
    expect(covers(button, rect(0, 500, 20, 50))).toBe(true);
  });

  it('leaves elements beside it alone, touching edges included', () => {
    expect(covers(button, rect(60, 540, 40, 44))).toBe(false);
    expect(covers(button, rect(16, 500, 44, 40))).toBe(false);
  });
});
