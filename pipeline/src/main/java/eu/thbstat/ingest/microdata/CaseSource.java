package eu.thbstat.ingest.microdata;

import java.io.Closeable;
import java.io.IOException;

/** Reads case records one after the other from one file, into a reused {@link CaseRecord}. */
interface CaseSource extends Closeable {
  /**
   * Reads the next record; false at the end of the file. A record that cannot be read is returned
   * marked {@link CaseRecord#readable() unreadable}, and reading goes on with the next one.
   *
   * @throws Stopped when nothing more of the file can be read (the records before stay read)
   */
  boolean next(CaseRecord record) throws IOException;

  /** Nothing more of a file can be read, from {@code line} on. */
  final class Stopped extends IOException {
    final long line;
    final String rule;
    final String column;

    Stopped(String rule, long line, String column, String reason) {
      super(reason);
      this.rule = rule;
      this.line = line;
      this.column = column;
    }

    Stopped(long line, String reason) {
      this("FILE_UNREADABLE", line, "", reason);
    }
  }
}
