import type { Page } from '@playwright/test';

/** Layouts of the fixture page demo/fixtures/widget.html. */
export const LAYOUTS = ['bar-bottom', 'bar-top', 'box', 'modal', 'modal-blocking'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The widget fixture in a layout (`modal-blocking`: the modal, blocking), theme and language. */
export function widgetUrl(layout: Layout, options: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    layout: layout === 'modal-blocking' ? 'modal' : layout,
    ...(layout === 'modal-blocking' ? { blocking: '1' } : {}),
    ...options,
  });
  return `/fixtures/widget.html?${query}`;
}

/** The notice, as a region or as the blocking dialog. */
export const anyNotice = (page: Page) => page.locator('#assent-notice .notice');
