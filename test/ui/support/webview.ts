// Webview content: VS Code nests it in two iframes; the outer gets `ready` once loaded.
import type { FrameLocator, Page } from 'playwright-core';

/** The most recently opened webview's document. */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
