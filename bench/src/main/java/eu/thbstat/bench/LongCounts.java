package eu.thbstat.bench;

import java.util.Arrays;

/**
 * Counts by long key in an open-addressing table: one array probe per record, no boxing. A
 * HashMap&lt;Long, ...&gt; is slower here, and much slower for keys packed from small fields, whose
 * Long.hashCode (low ^ high 32 bits) collides so often that its bins turn into trees.
 */
final class LongCounts {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys = new long[1 << 12];
  private long[] counts = new long[1 << 12];
  private int size;

  LongCounts() {
    Arrays.fill(keys, EMPTY);
  }

  void add(long key, long n) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        counts[i] += n;
        return;
      }
      if (keys[i] == EMPTY) {
        keys[i] = key;
        counts[i] = n;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** The keys, in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int k = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        out[k++] = key;
      }
    }
    return out;
  }

  long get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); keys[i] != EMPTY; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return counts[i];
      }
    }
    return 0;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits mix every bit of the key
    return (int) (h >>> 32) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }
}
