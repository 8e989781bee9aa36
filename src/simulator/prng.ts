/**
 * Seeded pseudo-random numbers. The simulator never touches Math.random: the same seed must give
 * the same run, bit for bit, in the webview, in Node tests and in the CLI.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128-bit state), seeded
 * through splitmix32 so that neighbouring seeds (1, 2, 3 …) start from unrelated states. Both use
 * only 32-bit integer arithmetic (Math.imul, shifts), which every JavaScript engine computes
 * identically.
 */

/** A stream of uniform random numbers. */
export interface Random {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
  /** Uniform integer in [0, bound). */
  nextIndex(bound: number): number;
}

const TWO_POW_32 = 4294967296;

/** Outputs thrown away after seeding: sfc32's authors recommend a short warm-up to mix the state. */
const WARM_UP_ROUNDS = 12;

class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const nextSeedWord = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = nextSeedWord();
    this.b = nextSeedWord();
    this.c = nextSeedWord();
    this.d = nextSeedWord();
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  nextIndex(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }
}

/** Creates a generator from a 32-bit unsigned seed. */
export function createRandom(seed: number): Random {
  return new Sfc32(seed);
}
