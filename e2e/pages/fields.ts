import type { Locator, Page } from 'playwright-core';

/** Fields and their messages are found by the contract path the renderer tags them with. */
export function fieldInput(scope: Page | Locator, path: string): Locator {
  return scope.locator(`[data-field="${path}"] input`).first();
}

export function fieldError(scope: Page | Locator, path: string): Locator {
  return scope.locator(`[data-error-for="${path}"]`);
}

export function errorBanner(scope: Page | Locator): Locator {
  return scope.getByTestId('error-banner');
}
