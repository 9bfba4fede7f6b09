package eu.thbstat.ingest.microdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import eu.thbstat.ingest.FileResult;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one file of case-level records (format microdata: NDJSON, a JSON array or CSV) as a
 * stream, and counts its persons into the cells of the cube: every record is profiled (its codes
 * packed into a long) and counted by profile, and the cells are made from the profiles at the end
 * of the file (see {@link CubeExpander}). Memory grows with the number of distinct profiles, not
 * of records.
 *
 * <p>Unit records never leave this class: a rejected record is quarantined with its file, line,
 * record number, rule, field and the offending value, never with the record itself (the
 * quarantine's raw_record stays empty). Documented in docs/microdata.md.
 */
public final class MicrodataReader {
  public static final String FORMAT = "microdata";

  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private final ReferenceData ref;

  public MicrodataReader(ReferenceData ref) {
    this.ref = ref;
  }

  /** How a file's records are written: the mapping's records, or by the file name's extension. */
  /** Endings of compressed files, read decompressed (never in splits). */
  private static final List<String> COMPRESSED = List.of(".gz", ".bz2", ".zst", ".deflate", ".lzo");

  static String recordsOf(Mapping mapping, String file) {
    String declared = mapping.microdata().records();
    if (!"auto".equals(declared)) {
      return declared;
    }
    String name = file.toLowerCase(Locale.ROOT);
    for (String compressed : COMPRESSED) {
      if (name.endsWith(compressed)) {
        name = name.substring(0, name.length() - compressed.length());
      }
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".ldjson")) {
      return "ndjson";
    }
    if (name.endsWith(".json")) {
      return "json";
    }
    if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
      return "csv";
    }
    return null;
  }

  /**
   * Reads a file of case records; the stream is read to its end (for the file's SHA-256) and not
   * closed.
   */
  public FileResult read(String file, InputStream in, Mapping mapping) throws IOException {
    return read(file, in, mapping, n -> { });
  }

  /** The same, telling {@code progress} the records read as they are read (see {@link #readSplit}). */
  public FileResult read(String file, InputStream in, Mapping mapping, java.util.function.LongConsumer progress) throws IOException {
    return finish(readSplit(file, mapping, in, null, 0, 1, progress), mapping);
  }

  /**
   * Whether a file of this mapping can be read in byte-range splits: CSV or NDJSON records (one
   * record a line), not compressed, in an encoding where a line feed is the byte 0x0A. A CSV file
   * whose quoted values hold line breaks must not be split (docs/microdata.md).
   */
  public static boolean splittable(Mapping mapping, String file) {
    String records = recordsOf(mapping, file); // null for any other ending, .zip among them
    String name = file.toLowerCase(Locale.ROOT);
    if (records == null || COMPRESSED.stream().anyMatch(name::endsWith)) {
      return false;
    }
    if (records.equals("ndjson")) {
      return true;
    }
    if (!records.equals("csv")) {
      return false;
    }
    String encoding = mapping.csv().encoding().toUpperCase(Locale.ROOT);
    return encoding.equals("UTF-8") || encoding.equals("US-ASCII") || encoding.startsWith("ISO-8859") || encoding.startsWith("WINDOWS-125");
  }

  /**
   * The lines a split after the first must read again before its own bytes: the skipped lines and
   * the header of a CSV file (none for NDJSON). Read from the start of the file.
   */
  public static byte[] header(Mapping mapping, String file, InputStream fileStart) throws IOException {
    if (!"csv".equals(recordsOf(mapping, file))) {
      return new byte[0];
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int lines = mapping.csv().skipLines() + 1;
    for (int b; lines > 0 && (b = fileStart.read()) >= 0; ) {
      out.write(b);
      if (b == '\n') {
        lines--;
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads split {@code index} of {@code splits} of a file: {@code range} gives exactly the bytes of
   * its lines (read to its end, not closed); {@code header} (null for the first split) is read
   * before them and counted as the header, not as part of the split. {@code progress} is told the
   * records read every 65 536 records and at the end.
   */
  public CasePartial readSplit(String file, Mapping mapping, InputStream range, byte[] header, int index, int splits,
      java.util.function.LongConsumer progress) throws IOException {
    MessageDigest sha = sha256();
    Counting counting = new Counting(new DigestInputStream(range, sha));
    CasePartial partial = new CasePartial(file, mapping.id(), splits);
    CasePartial.Split split = new CasePartial.Split();
    Run run = new Run(file, mapping, partial, split, progress);
    InputStream body = counting;
    if (header != null && header.length > 0) {
      body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(header), counting);
      split.lineBase = newlines(header);
    }
    run.read(body);
    byte[] rest = new byte[1 << 16];
    while (counting.read(rest) >= 0) {
      // read to the end for the hash
    }
    split.bytes = counting.count;
    split.lines = counting.newlines + (counting.count > 0 && counting.last != '\n' ? 1 : 0);
    split.sha256 = HexFormat.of().formatHex(sha.digest());
    progress.accept(split.records % 65536);
    partial.parts.put(index, split);
    return partial;
  }

  private static long newlines(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  /**
   * The file's result from all its splits: cells made from the counts, findings and quarantined
   * records placed by line and record number from the start of the file, the file's report.
   */
  public FileResult finish(CasePartial partial, Mapping mapping) {
    if (!partial.complete()) {
      throw new IllegalArgumentException(partial.file + ": " + partial.parts.size() + " of " + partial.splits + " splits read");
    }
    String file = partial.file;
    List<Finding> findings = new ArrayList<>();
    List<QuarantinedRecord> quarantine = new ArrayList<>();
    long lineOffset = 0;
    long recordOffset = 0;
    long read = 0;
    long bytes = 0;
    boolean stopped = false;
    boolean[] seen = null;
    MessageDigest tree = sha256();
    for (CasePartial.Split split : partial.parts.values()) {
      for (CasePartial.Pending p : split.findings) {
        findings.add(ref.rules().finding(p.rule(), new Place(p.country(), file, line(p.line(), split, lineOffset), p.column(), ""),
            renumbered(p.details(), recordOffset)));
      }
      for (CasePartial.Rejected r : split.quarantine) {
        long line = line(r.line(), split, lineOffset);
        List<String> rules = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (CaseProfiler.Rejection x : r.rejections()) {
          Finding f = ref.rules().finding(x.rule(), new Place(r.country(), file, line, x.field(), ""), renumbered(x.details(), recordOffset));
          findings.add(f);
          if (!rules.contains(x.rule())) {
            rules.add(x.rule());
          }
          if (!x.field().isEmpty() && !fields.contains(x.field())) {
            fields.add(x.field());
          }
          messages.add(f.message());
        }
        // The record itself is never kept: unit records do not appear in any output.
        quarantine.add(new QuarantinedRecord(r.country(), file, line, String.join(", ", fields), rules, String.join("; ", messages), ""));
      }
      lineOffset += split.lines;
      recordOffset += split.records;
      read += split.records;
      bytes += split.bytes;
      stopped |= split.stopped;
      if (seen == null) {
        seen = split.seen.clone();
      } else {
        for (int i = 0; i < seen.length && i < split.seen.length; i++) {
          seen[i] |= split.seen[i];
        }
      }
      tree.update(HexFormat.of().parseHex(split.sha256));
    }
    CaseProfiler profiler = new CaseProfiler(ref, mapping);
    String records = recordsOf(mapping, file);
    if (records != null && (records.startsWith("json") || records.equals("ndjson")) && read > 0) {
      for (int slot = 0; slot < profiler.fields.size(); slot++) {
        if (seen == null || slot >= seen.length || !seen[slot]) {
          findings.add(ref.rules().finding("CASE_FIELD_ABSENT", Place.file(mapping.country(), file).at(0, profiler.fields.name(slot)),
              Map.of("column", profiler.fields.name(slot), "mapping", mapping.id(), "records", read)));
        }
      }
    }
    if (read == 0 && !stopped) {
      findings.add(ref.rules().finding("FILE_EMPTY", Place.file(mapping.country(), file), Map.of()));
    }
    String status = !stopped ? "READ" : read == 0 ? "REJECTED" : "PARTIAL";
    CubeExpander.Result cube = new CubeExpander(ref, mapping, profiler, file).expand(partial.counts);
    findings.addAll(cube.findings());
    long excludedTotal = partial.excluded.values().stream().mapToLong(Long::longValue).sum();
    String country = partial.countries.size() == 1 ? partial.countries.first() : mapping.country();
    // one split: the file's own SHA-256; several: the SHA-256 of the splits' digests in order
    String sha = partial.parts.size() == 1 ? partial.parts.firstEntry().getValue().sha256
        : SPLIT_HASH_PREFIX + partial.parts.size() + ":" + HexFormat.of().formatHex(tree.digest());
    FileReport report = new FileReport(file, country, mapping.id(), sha, bytes, status, read, excludedTotal,
        new LinkedHashMap<>(partial.excluded), partial.counted);
    return new FileResult(report, cube.cells(), findings, quarantine);
  }

  /**
   * How the manifest gives the hash of a file read in several splits: this prefix, the number of
   * splits, and the SHA-256 of the splits' SHA-256 digests in file order (docs/microdata.md).
   */
  public static final String SPLIT_HASH_PREFIX = "sha256-of-splits:";

  private static long line(long relative, CasePartial.Split split, long offset) {
    return relative <= 0 ? 0 : offset + relative - split.lineBase;
  }

  private static Map<String, Object> renumbered(Map<String, Object> details, long recordOffset) {
    if (recordOffset == 0 || !(details.get("record") instanceof Number n)) {
      return details;
    }
    Map<String, Object> out = new LinkedHashMap<>(details);
    out.put("record", n.longValue() + recordOffset);
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The state of reading one split. */
  private final class Run {
    private final String file;
    private final Mapping mapping;
    private final CaseProfiler profiler;
    private final CasePartial partial;
    private final CasePartial.Split split;
    private final java.util.function.LongConsumer progress;
    private long read;

    Run(String file, Mapping mapping, CasePartial partial, CasePartial.Split split, java.util.function.LongConsumer progress) {
      this.file = file;
      this.mapping = mapping;
      this.profiler = new CaseProfiler(ref, mapping);
      this.partial = partial;
      this.split = split;
      this.progress = progress;
    }

    private void reject(String rule, long line, String column, Map<String, Object> details) {
      split.findings.add(new CasePartial.Pending(rule, mapping.country(), line, column, details));
      split.stopped = true;
    }

    void read(InputStream in) throws IOException {
      String records = recordsOf(mapping, file);
      if (records == null) {
        reject("FILE_UNREADABLE", 0, "", Map.of("reason", "mapping " + mapping.id()
            + " does not say how the case records are written, and the file name does not tell (.ndjson, .json or .csv): set microdata: {records: ...}"));
        return;
      }
      CaseRecord record = new CaseRecord(profiler.fields.size());
      try (CaseSource source = open(records, in)) {
        if (source == null) {
          return;
        }
        while (source.next(record)) {
          read++;
          count(record);
          if ((read & 0xFFFF) == 0) {
            progress.accept(0x10000);
          }
        }
      } catch (CaseSource.Stopped e) {
        reject(e.rule, e.line, e.column, Map.of("reason", e.getMessage()));
      } catch (java.io.CharConversionException | com.fasterxml.jackson.core.JsonProcessingException e) {
        // bytes that are no text the parser can decode (found by fuzzing): the file, not the run, fails
        reject("FILE_UNREADABLE", read + 1, "", Map.of("reason", "the records cannot be decoded after record " + read + ": " + e.getMessage()));
      } finally {
        split.records = read;
        split.seen = record.seen.clone();
      }
    }

    private CaseSource open(String records, InputStream in) throws IOException {
      return switch (records) {
        case "ndjson" -> new NdjsonSource(in, JSON, profiler.fields);
        case "json" -> new JsonArraySource(in, JSON, profiler.fields);
        default -> {
          CsvCaseSource csv = new CsvCaseSource(in, mapping.csv(), profiler.fields);
          for (String column : csv.missing()) {
            reject("FILE_MISSING_COLUMN", csv.headerLine(), "", Map.of("column", column, "mapping", mapping.id(), "header", String.join(", ", csv.header())));
          }
          yield csv.missing().isEmpty() ? csv : null;
        }
      };
    }

    private void count(CaseRecord record) {
      switch (profiler.process(record)) {
        case CaseProfiler.COUNTED -> {
          partial.counts.add(profiler.profile, 1);
          partial.counted++;
          partial.countries.add(profiler.geoCode);
        }
        case CaseProfiler.EXCLUDED -> partial.excluded.merge(profiler.excludedReason, 1L, Long::sum);
        default -> {
          String country = profiler.geoCode != null ? profiler.geoCode : mapping.country();
          split.quarantine.add(new CasePartial.Rejected(country, record.line, List.copyOf(profiler.rejections)));
        }
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Counts the bytes read; close does not close the stream below (the caller owns it). */
  private static final class Counting extends FilterInputStream {
    long count;
    long newlines;
    int last = -1;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        newlines += b == '\n' ? 1 : 0;
        last = b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        for (int i = off; i < off + n; i++) {
          newlines += b[i] == '\n' ? 1 : 0;
        }
        last = b[off + n - 1];
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read rather than skip, so that the skipped bytes are hashed too
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }

    @Override
    public void close() {
      // the caller closes the stream
    }
  }
}
