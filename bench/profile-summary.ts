/**
 * Summarises V8 .cpuprofile files (from `node --cpu-prof`): self time by function and by bucket
 * (module / area), so that a profile says where a scan's time goes: parsing, rules, IO, startup.
 *
 *   npx tsx bench/profile-summary.ts <dir-or-files…> [--top 40]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Source-map-free bucketing: the bundle keeps module paths in comments only, so use names and URLs. */
export function bucketOf(frame: CallFrame, sourceOf: (frame: CallFrame) => string | undefined): string {
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)') return name;
  if (name === '(root)') return 'root';
  const src = sourceOf(frame) ?? frame.url;
  if (!src) return 'native/builtin';
  if (src.startsWith('node:')) return `node internals (${src.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src);
  if (nm) return nm[1]!;
  const m = /\/(src\/[^:]+)/.exec(src);
  if (m) return m[1]!;
  return path.basename(src);
}

interface SourceMapLookup {
  (frame: CallFrame): string | undefined;
}

/** Resolves bundle positions to original sources with the bundle's .map (VLQ decoding, sources only). */
function sourceMapLookup(): SourceMapLookup {
  const cache = new Map<string, ((line: number, col: number) => string | undefined) | null>();
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const load = (url: string): ((line: number, col: number) => string | undefined) | null => {
    const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
    if (!file.endsWith('.js') || !fs.existsSync(`${file}.map`)) return null;
    const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
    // For each generated line: sorted [column, sourceIndex] segments.
    const lines: Array<Array<[number, number]>> = [];
    let src = 0;
    for (const lineText of map.mappings.split(';')) {
      const segs: Array<[number, number]> = [];
      let col = 0;
      if (lineText) {
        for (const seg of lineText.split(',')) {
          const vals: number[] = [];
          let shift = 0;
          let value = 0;
          for (const ch of seg) {
            let digit = B64.indexOf(ch);
            const cont = digit & 32;
            digit &= 31;
            value += digit << shift;
            if (cont) shift += 5;
            else {
              vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
              value = 0;
              shift = 0;
            }
          }
          col += vals[0] ?? 0;
          if (vals.length >= 4) {
            src += vals[1]!;
            segs.push([col, src]);
          }
        }
      }
      lines.push(segs);
    }
    const sources = map.sources.map((s) => path.resolve(path.dirname(file), s));
    return (line, column) => {
      const segs = lines[line];
      if (!segs || segs.length === 0) return undefined;
      let lo = 0;
      let hi = segs.length - 1;
      let best = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid]![0] <= column) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return sources[segs[best]![1]];
    };
  };
  return (frame) => {
    if (!frame.url) return undefined;
    let fn = cache.get(frame.url);
    if (fn === undefined) {
      fn = load(frame.url);
      cache.set(frame.url, fn);
    }
    return fn ? fn(frame.lineNumber, frame.columnNumber) : undefined;
  };
}

export function summarise(files: string[], top = 40): string {
  const lookup = sourceMapLookup();
  const bySelf = new Map<string, number>();
  const byBucket = new Map<string, number>();
  let total = 0;
  const out: string[] = [];
  for (const f of files) {
    const profile = JSON.parse(fs.readFileSync(f, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfMicros = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    let fileTotal = 0;
    for (const [id, us] of selfMicros) {
      const node = nodes.get(id)!;
      const bucket = bucketOf(node.callFrame, lookup);
      if (bucket === '(idle)') continue;
      const src = lookup(node.callFrame);
      const key = `${node.callFrame.functionName || '(anonymous)'}  [${bucket}${src ? `:${path.basename(src)}` : ''}]`;
      bySelf.set(key, (bySelf.get(key) ?? 0) + us);
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
      fileTotal += us;
    }
    total += fileTotal;
    out.push(`${path.basename(f)}: ${(fileTotal / 1e3).toFixed(0)} ms busy of ${((profile.endTime - profile.startTime) / 1e3).toFixed(0)} ms`);
  }
  const fmt = (us: number): string => `${(us / 1e3).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%`;
  out.push('', 'self time by module/area:');
  for (const [k, v] of [...byBucket].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`${fmt(v)}  ${k}`);
  out.push('', `top ${top} functions by self time:`);
  for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${fmt(v)}  ${k}`);
  return out.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--top');
  const top = ti >= 0 ? Number(args.splice(ti, 2)[1]) : 40;
  const files = args.flatMap((a) =>
    fs.statSync(a).isDirectory() ? fs.readdirSync(a).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(a, f)) : [a],
  );
  console.log(summarise(files, top));
}
