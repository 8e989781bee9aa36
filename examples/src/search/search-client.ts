import https from 'node:https';

// insecure-transport: credentials and results cross the network in clear text.
const SEARCH_URL = 'http://search.shop.example.com/query';

// hardcoded-endpoint: a literal IP address breaks when the node moves.
const REPLICA_URL = 'https://10.20.30.40:9200/_search';

// ok: local development endpoints are fine over plain HTTP.
const LOCAL_URL = 'http://localhost:9200/_search';

export async function search(query: string) {
  const res = await fetch(SEARCH_URL, { method: 'POST', body: query, signal: AbortSignal.timeout(1500) });
  if (!res.ok) throw new Error(`search failed: ${res.status}`);
  return res.text();
}

export async function searchReplica(query: string) {
  const res = await fetch(REPLICA_URL, { method: 'POST', body: query, signal: AbortSignal.timeout(1500) });
  if (res.status !== 200) throw new Error(`replica failed: ${res.status}`);
  return res.text();
}

export async function searchLocally(query: string) {
  const res = await fetch(LOCAL_URL, { method: 'POST', body: query, signal: AbortSignal.timeout(1500) });
  if (!res.ok) throw new Error(`local search failed: ${res.status}`);
  return res.text();
}

// insecure-transport: TLS verification turned off.
export const trustingAgent = new https.Agent({ rejectUnauthorized: false });
