// The workbench settles asynchronously (menus contributed late, a palette that closes
// when focus moves): UI steps retry a few times before they fail.
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

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
