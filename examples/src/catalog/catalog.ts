import { z } from 'zod';
import { api } from '../http/api-client';

export interface Product {
  sku: string;
  price: number;
}

const ProductSchema = z.object({ sku: z.string(), price: z.number() });

// unvalidated-response: the server's JSON is trusted to be a Product.
export async function getProduct(sku: string): Promise<Product> {
  const res = await fetch(`https://catalog.shop.example.com/products/${sku}`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`catalog answered ${res.status}`);
  return (await res.json()) as Product;
}

// ok: validated at runtime before use.
export async function getProductChecked(sku: string): Promise<Product> {
  const { data } = await api.get(`/products/${sku}`);
  return ProductSchema.parse(data);
}
