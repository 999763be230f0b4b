// Signing in through the real input boxes of "GetSales: Sign In".
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { answerInputBox, inputBoxField, inputBoxTitle } from './palette';

export const KEY_BOX = 'GetSales: Sign In (1/2)';
export const TEAM_BOX = 'GetSales: Sign In (2/2)';

/** Answers both Sign In boxes (no Team ID); checks the key box hides what is typed. */
export async function enterCredentials(page: Page, apiKey: string): Promise<void> {
  await inputBoxTitle(page, KEY_BOX).waitFor({ timeout: 10_000 });
  assert.equal(await inputBoxField(page).getAttribute('type'), 'password', 'the API key box hides what is typed');
  await answerInputBox(page, apiKey, KEY_BOX);
  await answerInputBox(page, '', TEAM_BOX);
}
