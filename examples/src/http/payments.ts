import axios from 'axios';
import axiosRetry from 'axios-retry';
import { randomUUID } from 'node:crypto';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 8000 });
// axios-retry retries network errors for every method, POST included.
axiosRetry(payments, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export interface Charge {
  orderId: string;
  amountCents: number;
}

// unsafe-retry: a lost response after the charge succeeded makes the retry charge again.
export async function chargeCard(charge: Charge) {
  return payments.post('/charges', charge);
}

// ok: the same request with an idempotency key, made once per charge.
export async function chargeCardSafely(charge: Charge) {
  return payments.post('/charges', charge, { headers: { 'Idempotency-Key': randomUUID() } });
}
