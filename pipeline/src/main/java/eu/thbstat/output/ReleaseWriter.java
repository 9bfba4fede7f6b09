package eu.thbstat.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.Severity;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a release into its files (name to bytes): the harmonised cube (CSV and Parquet), the
 * findings (CSV and JSON), the quarantine, the footnotes and the manifest. Rendering is separate
 * from storing so that the same bytes go to a local folder or to Beam's file systems.
 */
public final class ReleaseWriter {
  public static final String CUBE_CSV = "cube.csv";
  public static final String CUBE_PARQUET = "cube.parquet";
  public static final String CUBE_SDMX_CSV = "cube.sdmx.csv";
  public static final String FINDINGS_CSV = "findings.csv";
  public static final String FINDINGS_JSON = "findings.json";
  public static final String QUARANTINE_CSV = "quarantine.csv";
  public static final String FOOTNOTES_CSV = "footnotes.csv";
  public static final String MANIFEST = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReleaseWriter() {}

  public static Map<String, byte[]> render(Release release, ReferenceData ref, RunInfo run) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(CUBE_CSV, cubeCsv(ref.model(), release.observations()));
    files.put(CUBE_PARQUET, CubeParquet.write(ref.model(), release.observations()));
    files.put(CUBE_SDMX_CSV, SdmxCsvWriter.write(ref.model(), ref.formats().sdmx(), release.observations()));
    files.put(FINDINGS_CSV, findingsCsv(release.findings()));
    files.put(FINDINGS_JSON, json(findingsJson(release.findings())));
    files.put(QUARANTINE_CSV, quarantineCsv(release.quarantine()));
    files.put(FOOTNOTES_CSV, footnotesCsv(ref, release.observations(), release.files()));
    files.put(eu.thbstat.comparability.ComparabilityCsv.FILE, eu.thbstat.comparability.ComparabilityCsv.render(release, ref));
    files.putAll(AggregateFiles.render(release, ref));
    files.put(MANIFEST, json(manifest(release, ref, run, files)));
    return files;
  }

  /** A value as printed in CSV: rounded half up to the unit's decimals, ':' when not available. */
  public static String format(Double value, int decimals) {
    if (value == null) {
      return ":";
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  static byte[] cubeCsv(CommonModel model, List<Observation> cells) {
    List<String> header = new ArrayList<>(model.dimensionIds());
    header.addAll(List.of("obs_value", "obs_flag", "footnotes", "origin", "source"));
    int unit = model.index("unit");
    List<List<String>> rows = new ArrayList<>();
    for (Observation o : cells) {
      List<String> row = new ArrayList<>(o.key().codes());
      row.add(format(o.value(), model.decimals(o.key().get(unit))));
      row.add(o.flags());
      row.add(String.join(" ", o.footnotes()));
      row.add(o.origin().name());
      // derived cells have no one source line; counted cells name their file
      row.add(o.origin() != Origin.DERIVED && (o.line() > 0 || o.origin() == Origin.COUNTED) ? CsvText.safe(o.location()) : "");
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }

  private static final List<String> FINDING_COLUMNS = List.of(
      "rule", "level", "severity", "country", "file", "line", "column", "key", "value", "message", "hint");

  static byte[] findingsCsv(List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(findingRow(f).values().stream().map(v -> CsvText.safe(String.valueOf(v))).toList());
    }
    return CsvText.write(FINDING_COLUMNS, rows);
  }

  private static Map<String, Object> findingRow(Finding f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rule", f.ruleId());
    row.put("level", f.level());
    row.put("severity", f.severity().name());
    row.put("country", f.country());
    row.put("file", f.file());
    row.put("line", f.line());
    row.put("column", f.column());
    row.put("key", f.key());
    row.put("value", f.value());
    row.put("message", f.message());
    row.put("hint", f.hint());
    return row;
  }

  static Map<String, Object> findingsJson(List<Finding> findings) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s.name(), findings.stream().filter(f -> f.severity() == s).count());
    }
    root.put("counts", counts);
    root.put("findings", findings.stream().map(ReleaseWriter::findingRow).toList());
    return root;
  }

  static byte[] quarantineCsv(List<QuarantinedRecord> quarantine) {
    List<List<String>> rows = new ArrayList<>();
    for (QuarantinedRecord q : quarantine) {
      rows.add(List.of(q.country(), q.file(), Long.toString(q.line()), q.column(), String.join(" ", q.ruleIds()), q.reason(), q.rawRecord())
          .stream().map(CsvText::safe).toList());
    }
    return CsvText.write(List.of("country", "file", "line", "column", "rules", "reason", "raw_record"), rows);
  }

  static byte[] footnotesCsv(ReferenceData ref, List<Observation> cells, List<FileReport> inputs) {
    TreeSet<String> used = new TreeSet<>();
    cells.forEach(o -> used.addAll(o.footnotes()));
    Map<String, ReferenceData.Footnote> all = new LinkedHashMap<>(ref.footnotes());
    inputs.forEach(r -> r.footnotes().forEach((id, text) -> all.putIfAbsent(id, new ReferenceData.Footnote(r.country(), text))));
    List<List<String>> rows = new ArrayList<>();
    for (String id : used) {
      ReferenceData.Footnote f = all.get(id);
      if (f == null) {
        // a workbook's own footnote on a cell carried forward from the previous release
        f = new ReferenceData.Footnote("", "Footnote " + id + " of the submission the cell was carried forward from: see the footnotes.csv of the previous release.");
      }
      rows.add(List.of(id, f.country(), CsvText.safe(f.text())));
    }
    return CsvText.write(List.of("id", "country", "text"), rows);
  }

  static Map<String, Object> manifest(Release release, ReferenceData ref, RunInfo run, Map<String, byte[]> outputs) {
    Map<String, Long> harmonised = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Long> byOrigin = new TreeMap<>();
    for (Observation o : release.observations()) {
      byOrigin.merge(o.origin().name(), 1L, Long::sum);
      if (o.origin() == Origin.REPORTED) {
        harmonised.merge(o.file(), 1L, Long::sum);
      }
    }
    release.quarantine().forEach(q -> quarantined.merge(q.file(), 1L, Long::sum));
    List<Map<String, Object>> files = new ArrayList<>();
    long read = 0;
    long kept = 0;
    long rejected = 0;
    long excluded = 0;
    boolean reconciled = true;
    for (FileReport r : release.files()) {
      // Case-level records are counted into cells: harmonised records are the records counted.
      long h = r.recordsCounted() >= 0 ? r.recordsCounted() : harmonised.getOrDefault(r.file(), 0L);
      long q = quarantined.getOrDefault(r.file(), 0L);
      boolean ok = r.recordsRead() == h + q + r.recordsExcluded();
      reconciled &= ok;
      read += r.recordsRead();
      kept += h;
      rejected += q;
      excluded += r.recordsExcluded();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", r.file());
      f.put("country", r.country());
      f.put("mapping", r.mappingId());
      f.put("sha256", r.sha256());
      f.put("bytes", r.bytes());
      f.put("status", r.status());
      f.put("records_read", r.recordsRead());
      f.put("harmonised", h);
      f.put("quarantined", q);
      f.put("excluded", r.recordsExcluded());
      f.put("excluded_by_reason", r.excludedByReason());
      f.put("reconciled", ok);
      files.add(f);
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("files", release.files().size());
    totals.put("records_read", read);
    totals.put("harmonised", kept);
    totals.put("quarantined", rejected);
    totals.put("excluded", excluded);
    totals.put("reconciled", reconciled);
    Map<String, Long> findings = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      findings.put(s.name(), release.count(s));
    }
    Map<String, String> outputHashes = new LinkedHashMap<>();
    outputs.forEach((name, bytes) -> outputHashes.put(name, ReferenceDataLoader.sha256(bytes)));

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("thbstat_version", run.version());
    m.put("runner", run.runner());
    m.put("input", run.input());
    m.put("totals", totals);
    m.put("cells", byOrigin);
    m.put("findings", findings);
    m.put("files", files);
    m.put("reference_files", new TreeMap<>(ref.fileHashes()));
    m.put("outputs", outputHashes);
    return m;
  }

  private static byte[] json(Object value) {
    try {
      return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps and lists always serialise", e);
    }
  }
}
