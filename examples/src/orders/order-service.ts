import pLimit from 'p-limit';
import { api, legacyApi } from '../http/api-client';
import { withRetry } from '../http/retry';

export interface Order {
  id: string;
  total: number;
}

// no-timeout + unchecked-status: waits forever, and a 404 page is parsed as an order.
export async function getOrder(id: string): Promise<Order> {
  const res = await fetch(`https://orders.shop.example.com/orders/${id}`);
  return res.json();
}

// ok: bounded, status checked before the body is read, retried (GET is idempotent).
export async function getOrderSafely(id: string): Promise<unknown> {
  return withRetry(async () => {
    const res = await fetch(`https://orders.shop.example.com/orders/${id}`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`GET order ${id} failed with HTTP ${res.status}`);
    return res.json();
  });
}

// unsafe-retry: POST retried by the project's own retry helper without an idempotency key.
export async function placeOrder(order: Order) {
  return withRetry(() =>
    fetch('https://orders.shop.example.com/orders', {
      method: 'POST',
      body: JSON.stringify(order),
      signal: AbortSignal.timeout(5000),
    }),
  );
}

// request-in-loop: one round trip per order, in sequence.
export async function refreshAll(ids: string[]) {
  const orders: unknown[] = [];
  for (const id of ids) {
    const response = await api.get(`/orders/${id}`);
    orders.push(response.data);
  }
  return orders;
}

// unbounded-fanout: every id opens a request at the same moment.
export async function loadAll(ids: string[]) {
  return Promise.all(ids.map((id) => api.get(`/orders/${id}`)));
}

// ok: the same fan-out with bounded concurrency.
export async function loadAllPolitely(ids: string[]) {
  const limit = pLimit(8);
  return Promise.all(ids.map((id) => limit(() => api.get(`/orders/${id}`))));
}

// no-timeout: the legacy instance has no timeout.
export async function legacyStatus() {
  return legacyApi.get('/status');
}

// ok: a cache lookup that merely looks like an HTTP call.
const cache = new Map<string, Order>();
export function cachedOrder(id: string) {
  return cache.get(id);
}
