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
  static String recordsOf(Mapping mapping, String file) {
    String declared = mapping.microdata().records();
    if (!"auto".equals(declared)) {
      return declared;
    }
    String name = file.toLowerCase(Locale.ROOT);
    for (String compressed : List.of(".gz", ".bz2", ".zst", ".deflate", ".lzo")) {
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
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    Counting counting = new Counting(new DigestInputStream(in, sha));
    Run run = new Run(file, mapping);
    run.read(counting);
    byte[] rest = new byte[1 << 16];
    while (counting.read(rest) >= 0) {
      // read to the end for the hash
    }
    return run.result(HexFormat.of().formatHex(sha.digest()), counting.count);
  }

  /** The state of reading one file. */
  private final class Run {
    private final String file;
    private final Mapping mapping;
    private final CaseProfiler profiler;
    private final ProfileCounts counts = new ProfileCounts();
    private final List<Finding> findings = new ArrayList<>();
    private final List<QuarantinedRecord> quarantine = new ArrayList<>();
    private final Map<String, Long> excluded = new TreeMap<>();
    private final TreeSet<String> countries = new TreeSet<>();
    private long read;
    private long counted;
    private String status = "READ";

    Run(String file, Mapping mapping) {
      this.file = file;
      this.mapping = mapping;
      this.profiler = new CaseProfiler(ref, mapping);
    }

    private void reject(String rule, long line, String column, Map<String, ?> details) {
      findings.add(ref.rules().finding(rule, Place.file(mapping.country(), file).at(line, column), details));
      status = read == 0 ? "REJECTED" : "PARTIAL";
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
        }
      } catch (CaseSource.Stopped e) {
        reject(e.rule, e.line, e.column, Map.of("reason", e.getMessage()));
      } catch (java.io.CharConversionException | com.fasterxml.jackson.core.JsonProcessingException e) {
        // bytes that are no text the parser can decode (found by fuzzing): the file, not the run, fails
        reject("FILE_UNREADABLE", read + 1, "", Map.of("reason", "the records cannot be decoded after record " + read + ": " + e.getMessage()));
      }
      if (records.startsWith("json") || records.equals("ndjson")) {
        for (int slot = 0; slot < profiler.fields.size(); slot++) {
          if (read > 0 && !record.seen[slot]) {
            findings.add(ref.rules().finding("CASE_FIELD_ABSENT", Place.file(mapping.country(), file).at(0, profiler.fields.name(slot)),
                Map.of("column", profiler.fields.name(slot), "mapping", mapping.id(), "records", read)));
          }
        }
      }
      if (read == 0 && !"REJECTED".equals(status)) {
        findings.add(ref.rules().finding("FILE_EMPTY", Place.file(mapping.country(), file), Map.of()));
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
          counts.add(profiler.profile, 1);
          counted++;
          countries.add(profiler.geoCode);
        }
        case CaseProfiler.EXCLUDED -> excluded.merge(profiler.excludedReason, 1L, Long::sum);
        default -> {
          String country = profiler.geoCode != null ? profiler.geoCode : mapping.country();
          Place place = new Place(country, file, record.line, "", "");
          List<String> rules = new ArrayList<>();
          List<String> fields = new ArrayList<>();
          List<String> messages = new ArrayList<>();
          for (CaseProfiler.Rejection r : profiler.rejections) {
            Finding f = ref.rules().finding(r.rule(), place.at(record.line, r.field()), r.details());
            findings.add(f);
            if (!rules.contains(r.rule())) {
              rules.add(r.rule());
            }
            if (!r.field().isEmpty() && !fields.contains(r.field())) {
              fields.add(r.field());
            }
            messages.add(f.message());
          }
          // The record itself is never kept: unit records do not appear in any output.
          quarantine.add(new QuarantinedRecord(country, file, record.line, String.join(", ", fields), rules, String.join("; ", messages), ""));
        }
      }
    }

    FileResult result(String sha256, long bytes) {
      CubeExpander.Result cube = new CubeExpander(ref, mapping, profiler, file).expand(counts);
      findings.addAll(cube.findings());
      long excludedTotal = excluded.values().stream().mapToLong(Long::longValue).sum();
      String country = countries.size() == 1 ? countries.first() : mapping.country();
      FileReport report = new FileReport(file, country, mapping.id(), sha256, bytes, status, read, excludedTotal, new LinkedHashMap<>(excluded), counted);
      return new FileResult(report, cube.cells(), findings, quarantine);
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

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
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
