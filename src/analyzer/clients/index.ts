import type { FamilyId } from '../model';
import { axiosFamily } from './axios';
import type { ClientFamily } from './family';
import { fetchFamily } from './fetch';
import { gotFamily } from './got';
import { kyFamily } from './ky';
import { nodeHttpFamily } from './node-http';
import { superagentFamily } from './superagent';
import { undiciFamily } from './undici';

/** Order matters only for packages two families share: undici's `fetch` belongs to fetch. */
export const CLIENT_FAMILIES: readonly ClientFamily[] = [
  fetchFamily,
  axiosFamily,
  gotFamily,
  kyFamily,
  superagentFamily,
  nodeHttpFamily,
  undiciFamily,
];

const BY_ID = new Map<FamilyId, ClientFamily>(CLIENT_FAMILIES.map((family) => [family.id, family]));

export function familyById(id: FamilyId): ClientFamily {
  return BY_ID.get(id)!;
}

/** Package names a file must mention (or import from) to contain a recognised client. */
export const CLIENT_PACKAGES = [
  'axios',
  'got',
  'ky',
  'ky-universal',
  'superagent',
  'http',
  'https',
  'undici',
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'isomorphic-unfetch',
];

export type { ClientFamily } from './family';
