package eu.thbstat.ingest.microdata;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the reading of one byte-range split of a file of case records leaves, or of several splits
 * of the same file merged: counts by profile (never the records), records left out by reason, the
 * countries met, and per split its size, lines, records, SHA-256 and the rejections found, with
 * positions relative to the split. Partials of the splits of one file add up ({@link #merge}) in
 * any order; {@link MicrodataReader#finish} makes the file's cells, findings and quarantine from
 * the whole, numbering lines and records from the start of the file. Memory grows with the number
 * of profiles and rejections, not of records.
 */
public final class CasePartial implements Serializable {
  private static final long serialVersionUID = 1L;

  final String file;
  final String mappingId;
  final int splits;
  final ProfileCounts counts = new ProfileCounts();
  final TreeMap<String, Long> excluded = new TreeMap<>();
  final TreeSet<String> countries = new TreeSet<>();
  /** By split index. */
  final TreeMap<Integer, Split> parts = new TreeMap<>();
  long counted;

  CasePartial(String file, String mappingId, int splits) {
    this.file = file;
    this.mappingId = mappingId;
    this.splits = splits;
  }

  /** The file this partial is of (its path relative to the input folder). */
  public String file() {
    return file;
  }

  /** The mapping the file is read with. */
  public String mappingId() {
    return mappingId;
  }

  /** Whether every split of the file is in. */
  public boolean complete() {
    return parts.size() == splits;
  }

  /** Adds the counts and splits of {@code other} (another split of the same file) to this one. */
  public CasePartial merge(CasePartial other) {
    if (!file.equals(other.file) || splits != other.splits) {
      throw new IllegalArgumentException("partials of different files: " + file + " and " + other.file);
    }
    counts.addAll(other.counts);
    other.excluded.forEach((reason, n) -> excluded.merge(reason, n, Long::sum));
    countries.addAll(other.countries);
    counted += other.counted;
    other.parts.forEach((index, split) -> {
      if (parts.putIfAbsent(index, split) != null) {
        throw new IllegalStateException("split " + index + " of " + file + " read twice");
      }
    });
    return this;
  }

  /** A problem found in a split, placed relative to it; made into a finding once offsets are known. */
  record Pending(String rule, String country, long line, String column, Map<String, Object> details) implements Serializable {}

  /** A rejected record: where it is (relative to its split) and why; never its content. */
  record Rejected(String country, long line, List<CaseProfiler.Rejection> rejections) implements Serializable {}

  /** One split as read. */
  static final class Split implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bytes of the file this split covers (its own byte range, not the header repeated for it). */
    long bytes;
    /** Lines of the file in this split's byte range. */
    long lines;
    /** Line numbers relative to the split are this much too high (the header lines repeated before it). */
    long lineBase;
    long records;
    String sha256 = "";
    /** Whether some record had the field of each slot (JSON records). */
    boolean[] seen = new boolean[0];
    /** The file or split could not be read from some point on, or at all. */
    boolean stopped;
    final List<Pending> findings = new ArrayList<>();
    final List<Rejected> quarantine = new ArrayList<>();
  }
}
