'use strict';
const http = require('node:http');
const got = require('got');

// no-timeout: the 'timeout' option only emits an event; nothing destroys the request.
function reserve(sku, callback) {
  const req = http.request('http://inventory.internal/reserve', { method: 'POST', timeout: 2000 }, callback);
  req.end(JSON.stringify({ sku }));
}

// ok: the same request, destroyed when the timer fires.
function reserveBounded(sku, callback) {
  const req = http.request('http://inventory.internal/reserve', { method: 'POST', timeout: 2000 }, callback);
  req.on('timeout', () => req.destroy(new Error('inventory timed out')));
  req.end(JSON.stringify({ sku }));
}

// no-timeout: got waits forever by default (it does retry GETs by itself).
async function stockLevel(sku) {
  return got(`https://inventory.shop.example.com/stock/${sku}`).json();
}

// ok: bounded.
async function stockLevelBounded(sku) {
  return got(`https://inventory.shop.example.com/stock/${sku}`, { timeout: { request: 3000 } }).json();
}

module.exports = { reserve, reserveBounded, stockLevel, stockLevelBounded };
