package eu.thbstat.generate;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014), written out so that the same seed gives
 * the same numbers on every Java version: the generated files must be byte-identical run after run.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) % bound);
  }

  /** The index drawn from weights (not necessarily adding up to 1). */
  int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A generator for one part of the output, independent of the others. */
  static SplitMix64 forPart(long seed, String part) {
    long h = seed;
    for (int i = 0; i < part.length(); i++) {
      h = h * 31 + part.charAt(i);
    }
    SplitMix64 mix = new SplitMix64(h ^ 0x5DEECE66DL);
    return new SplitMix64(mix.nextLong());
  }
}
