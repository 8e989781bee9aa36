/** A project retry helper: Fallacy Lens recognises it as one because it retries `operation`. */
export async function withRetry<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const backoff = Math.random() * 100 * 2 ** attempt; // full jitter
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}
