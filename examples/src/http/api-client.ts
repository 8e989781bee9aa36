import axios from 'axios';

// ok: every call through `api` is bounded by the instance's timeout, even in other files.
export const api = axios.create({
  baseURL: 'https://api.shop.example.com/v2',
  timeout: 5000,
});

// no-timeout: calls through `legacyApi` inherit no timeout (reported where they are made).
export const legacyApi = axios.create({ baseURL: 'https://legacy.shop.example.com' });
