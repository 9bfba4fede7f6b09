package eu.thbstat.ingest;

import java.util.Arrays;

/** Line numbers (from 1) of character positions in a text, for findings that name the line. */
final class LineIndex {
  private final String text;
  private final int[] starts;

  LineIndex(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
      }
      s[n++] = i + 1;
    }
    starts = Arrays.copyOf(s, n);
  }

  /**
   * The line (from 1) where a record starting at {@code position} begins. Commons CSV gives the
   * position where it began to read the record, before the empty lines it skips; they are skipped
   * here too.
   */
  long lineOf(long position) {
    int p = (int) position;
    while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
      p++;
    }
    int i = Arrays.binarySearch(starts, p);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
