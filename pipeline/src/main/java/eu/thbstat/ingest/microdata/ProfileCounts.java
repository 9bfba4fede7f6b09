package eu.thbstat.ingest.microdata;

import java.util.Arrays;

/**
 * Counts by profile key: an open-addressing hash map of long to long, without a boxed object per
 * record. Mergeable, so that partial counts of splits of a file can be added up.
 */
final class ProfileCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Receives each profile and its count. */
  interface Visitor {
    void visit(long profile, long count);
  }

  // transient: written as (key, count) pairs only, not the hash table's empty slots
  private transient long[] keys = new long[1024];
  private transient long[] counts = new long[1024];
  private transient boolean[] used = new boolean[1024];
  private transient int size;

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    out.writeInt(size);
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        out.writeLong(keys[i]);
        out.writeLong(counts[i]);
      }
    }
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    int n = in.readInt();
    int capacity = 1024;
    while (capacity < n * 2 + 2) {
      capacity *= 2;
    }
    keys = new long[capacity];
    counts = new long[capacity];
    used = new boolean[capacity];
    for (int i = 0; i < n; i++) {
      add(in.readLong(), in.readLong());
    }
  }

  void add(long key, long n) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        counts[i] += n;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    counts[i] = n;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  int size() {
    return size;
  }

  void forEach(Visitor v) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        v.visit(keys[i], counts[i]);
      }
    }
  }

  void addAll(ProfileCounts other) {
    other.forEach(this::add);
  }

  /** The profiles in ascending key order (a deterministic order for whatever is made from them). */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        out[n++] = keys[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  long get(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return counts[i];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe53e3b85L;
    return z ^ (z >>> 33);
  }
}
