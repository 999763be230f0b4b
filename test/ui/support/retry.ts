// The workbench settles asynchronously (menus contributed late, a palette that closes
// when focus moves): UI steps retry a few times before they fail, and checks poll.
export async function retry<T>(attempts: number, step: (attempt: number) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await step(attempt);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Polls `check` until it returns a value (not undefined); fails naming `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting ${timeoutMs / 1000} s for ${what}.`);
    await pause(250);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
