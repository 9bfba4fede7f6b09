package eu.thbstat.ingest;

import eu.thbstat.ingest.microdata.MicrodataReader;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.CellSource;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads one submission file with its mapping: decodes it, checks its structure (level 0), maps
 * every value cell onto the common model and checks it on its own (level 1). Plain Java, called
 * by the pipeline's reading DoFn and directly by {@code thbstat validate}.
 *
 * <p>Nothing read disappears: every value cell ends as an observation, a quarantined record
 * (with findings saying why) or a record the mapping excludes (counted by reason).
 */
public final class SubmissionProcessor {
  private final ReferenceData ref;
  private final InputLimits limits;

  public SubmissionProcessor(ReferenceData ref) {
    this(ref, InputLimits.DEFAULT);
  }

  public SubmissionProcessor(ReferenceData ref, InputLimits limits) {
    this.ref = ref;
    this.limits = limits;
  }

  /** The report of a file too large to read ({@link InputLimits#maxFileBytes()}): read by its size alone. */
  public FileResult tooLarge(String relativePath, long bytes, String sha256) {
    String country = ref.mappingFor(relativePath).map(Mapping::country).orElse("");
    Finding f = InputScreen.tooLarge(ref, Place.file(country, relativePath), bytes, limits);
    return new FileResult(new FileReport(relativePath, country, ref.mappingFor(relativePath).map(Mapping::id).orElse(""), sha256, bytes, "REJECTED", 0, 0, Map.of()),
        List.of(), List.of(f), List.of());
  }

  public InputLimits limits() {
    return limits;
  }

  private Optional<FileResult> unsafeName(String relativePath, byte[] content, String country, String mappingId) {
    return InputScreen.name(ref, country, relativePath).map(f -> new FileResult(
        new FileReport(f.file(), country, mappingId, ReferenceDataLoader.sha256(content), content.length, "REJECTED", 0, 0, Map.of()),
        List.of(), List.of(f), List.of()));
  }

  /** Whether a file in an input folder is documentation rather than a submission. */
  public static boolean isDocumentation(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    return name.startsWith(".") || name.toLowerCase().endsWith(".md") || name.toLowerCase().startsWith("readme");
  }

  /** Reads a file, choosing its mapping by name (see {@link ReferenceData#mappingFor}). */
  public FileResult process(String relativePath, byte[] content) {
    Optional<FileResult> unsafe = unsafeName(relativePath, content, "", "");
    if (unsafe.isPresent()) {
      return unsafe.get();
    }
    String sha = ReferenceDataLoader.sha256(content);
    if (isDocumentation(relativePath)) {
      return new FileResult(new FileReport(relativePath, "", "", sha, content.length, "IGNORED", 0, 0, Map.of()), List.of(), List.of(), List.of());
    }
    Optional<Mapping> mapping = ref.mappingFor(relativePath);
    if (mapping.isEmpty()) {
      Finding f = ref.rules().finding("FILE_NO_MAPPING", Place.file("", relativePath), Map.of());
      return new FileResult(new FileReport(relativePath, "", "", sha, content.length, "NO_MAPPING", 0, 0, Map.of()), List.of(), List.of(f), List.of());
    }
    return process(relativePath, content, mapping.get());
  }

  /** Reads a file with the given mapping. */
  public FileResult process(String relativePath, byte[] content, Mapping mapping) {
    Optional<FileResult> unsafe = unsafeName(relativePath, content, mapping.country(), mapping.id());
    if (unsafe.isPresent()) {
      return unsafe.get();
    }
    if (mapping.isXlsx()) {
      return new QuestionnaireInput(ref, mapping, relativePath, content).read();
    }
    if (streams(mapping)) {
      try {
        return new MicrodataReader(ref).read(relativePath, new ByteArrayInputStream(content), mapping);
      } catch (IOException e) {
        throw new UncheckedIOException("reading from memory", e);
      }
    }
    return new Run(relativePath, content, mapping).read();
  }

  /**
   * Whether files of this mapping are read as a stream rather than whole into memory: case-level
   * records, which may be millions ({@link #process(String, InputStream, Mapping)}).
   */
  public static boolean streams(Mapping mapping) {
    return mapping.isMicrodata();
  }

  /** Reads a file of case-level records as a stream (read to its end, not closed). */
  public FileResult process(String relativePath, InputStream content, Mapping mapping) throws IOException {
    if (!streams(mapping)) {
      return process(relativePath, content.readAllBytes(), mapping);
    }
    return new MicrodataReader(ref).read(relativePath, content, mapping);
  }

  /** The state of reading one file. */
  private final class Run {
    private final String file;
    private final byte[] content;
    private Mapping mapping;
    private SdmxCsvInput sdmx;
    private final Place place;
    private final List<Observation> observations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<QuarantinedRecord> quarantine = new ArrayList<>();
    private final List<CellSource> sources = new ArrayList<>();
    private byte[] data;
    private final Map<String, Long> excluded = new TreeMap<>();
    private final Map<CellKey, Long> seen = new HashMap<>();
    private long read;
    private String status = "READ";

    Run(String file, byte[] content, Mapping mapping) {
      this.file = file;
      this.content = content;
      this.data = content;
      this.mapping = mapping;
      this.place = Place.file(mapping.country(), file);
    }

    FileResult read() {
      InputScreen.Screened screened = InputScreen.screen(ref, place, mapping.csv().encoding(), content, limits);
      findings.addAll(screened.findings());
      data = screened.data();
      String text = screened.rejected() ? null : decode();
      if (text != null) {
        parse(text);
      }
      if (screened.rejected()) {
        status = "REJECTED";
      } else if (screened.linesCut() > 0 && status.equals("READ")) {
        status = "PARTIAL";
      }
      long excludedTotal = excluded.values().stream().mapToLong(Long::longValue).sum();
      FileReport report = new FileReport(file, mapping.country(), mapping.id(), ReferenceDataLoader.sha256(content), content.length, status, read, excludedTotal, excluded);
      return new FileResult(report, observations, findings, quarantine, sources);
    }

    private void reject(String rule, long line, Map<String, ?> details) {
      findings.add(ref.rules().finding(rule, place.at(line, ""), details));
      status = read == 0 ? "REJECTED" : "PARTIAL";
    }

    /** The text of the file in the mapping's encoding, without a byte-order mark; null if unreadable. */
    private String decode() {
      Charset charset;
      try {
        charset = Charset.forName(mapping.csv().encoding());
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        reject("FILE_UNREADABLE", 0, Map.of("reason", "mapping " + mapping.id() + " names an unknown encoding \"" + mapping.csv().encoding() + "\""));
        return null;
      }
      CharsetDecoder decoder = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(data);
      CharBuffer out = CharBuffer.allocate((int) (data.length * (double) decoder.maxCharsPerByte()) + 1);
      CoderResult result = decoder.decode(in, out, true);
      if (!result.isError()) {
        result = decoder.flush(out);
      }
      if (result.isError()) {
        int offset = in.position();
        reject("FILE_UNREADABLE", lineOfByte(offset), Map.of("reason",
            "byte " + (offset + 1) + " is not valid " + charset.name() + " text; save the file as " + charset.name() + " or declare its encoding in the mapping"));
        return null;
      }
      String text = out.flip().toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private long lineOfByte(int offset) {
      long line = 1;
      for (int i = 0; i < offset && i < data.length; i++) {
        if (data[i] == '\n') {
          line++;
        }
      }
      return line;
    }

    private void parse(String text) {
      Mapping.Csv dialect = mapping.csv();
      int start = 0;
      long skipped = 0;
      for (; skipped < dialect.skipLines() && start < text.length(); skipped++) {
        int newline = text.indexOf('\n', start);
        start = newline < 0 ? text.length() : newline + 1;
      }
      String body = text.substring(start);
      LineIndex lines = new LineIndex(body);
      StringReader reader = new StringReader(body);
      CSVFormat format = CSVFormat.DEFAULT.builder()
          .setDelimiter(dialect.delimiter())
          .setQuote(dialect.quote().charAt(0))
          .setHeader()
          .setSkipHeaderRecord(true)
          .setAllowMissingColumnNames(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .setIgnoreEmptyLines(true)
          .get();
      long lineOffset = skipped;
      if (duplicateHeader(reader, lineOffset + 1)) {
        return;
      }
      try (CSVParser parser = format.parse(reader)) {
        List<String> header = parser.getHeaderNames();
        if (mapping.isSdmx()) {
          sdmx = SdmxCsvInput.open(header, mapping, ref.formats().sdmx());
          if (sdmx == null) {
            reject("FILE_NOT_SDMX_CSV", lineOffset + 1, Map.of("value", header.isEmpty() ? "" : header.get(0)));
            return;
          }
          header = sdmx.ids;
          mapping = sdmx.mapping;
        }
        if (!checkColumns(header)) {
          return;
        }
        List<String> valueColumns = valueColumns(header);
        if (valueColumns.isEmpty()) {
          return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          index.putIfAbsent(header.get(i), i);
        }
        CellMapper mapper = new CellMapper(ref, mapping, file);
        CSVFormat echo = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).get();
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
          long line = lineOffset + parser.getCurrentLineNumber() + 1;
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              break;
            }
            record = records.next();
          } catch (UncheckedIOException | IllegalStateException e) {
            if (unbalancedQuote(e)) {
              return;
            }
            reject("FILE_UNREADABLE", line, Map.of("reason", "the CSV cannot be parsed from line " + line + " on: " + rootMessage(e) + "; the rows before it are read"));
            return;
          }
          // the line where the record starts: blank lines and quoted line breaks move it on
          line = lineOffset + lines.lineOf(record.getCharacterPosition());
          readRecord(record, line, header, index, valueColumns, mapper, echo.format(record.values()));
        }
        if (read == 0) {
          findings.add(ref.rules().finding("FILE_EMPTY", place, Map.of()));
        }
      } catch (IOException | IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
        reject("FILE_UNREADABLE", lineOffset + 1, Map.of("reason", "the header cannot be read: " + rootMessage(e)));
      }
    }

    /** The header's first repeated (non-blank) name, as a finding; the reader is left where it was. */
    private boolean duplicateHeader(StringReader reader, long line) {
      try {
        reader.mark(0);
        CSVFormat plain = CSVFormat.DEFAULT.builder().setDelimiter(mapping.csv().delimiter()).setQuote(mapping.csv().quote().charAt(0)).get();
        List<String> names;
        try (CSVParser header = plain.parse(new StringReader(firstLine(reader)))) {
          Iterator<CSVRecord> it = header.iterator();
          names = it.hasNext() ? it.next().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
          names = List.of(); // an unreadable header is reported by the parse itself
        }
        reader.reset();
        Map<String, List<Integer>> positions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          if (!names.get(i).isBlank()) {
            positions.computeIfAbsent(names.get(i), n -> new ArrayList<>()).add(i + 1);
          }
        }
        for (Map.Entry<String, List<Integer>> p : positions.entrySet()) {
          if (p.getValue().size() > 1) {
            reject("FILE_DUPLICATE_HEADER", line, Map.of("value", p.getKey(), "count", p.getValue().size(),
                "positions", String.join(", ", p.getValue().stream().map(String::valueOf).toList())));
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("reading from a string", e);
      }
    }

    /** The text up to the end of the first record's physical line (a header has no line breaks in quotes in practice). */
    private String firstLine(StringReader reader) throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = reader.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString();
    }

    /** An unclosed quote, reported with the line where the quoted field opened. */
    private boolean unbalancedQuote(RuntimeException e) {
      String message = rootMessage(e);
      Matcher m = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished").matcher(message);
      if (!m.find()) {
        return false;
      }
      long opened = Long.parseLong(m.group(1)) + mapping.csv().skipLines();
      reject("RECORD_UNBALANCED_QUOTE", opened, Map.of("line", opened));
      return true;
    }

    private String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Every column the mapping names must be in the header. */
    private boolean checkColumns(List<String> header) {
      if (header.size() == 1) {
        String declared = mapping.csv().delimiter();
        for (String other : List.of(",", ";", "\t", "|")) {
          if (!other.equals(declared) && header.get(0).contains(other)) {
            reject("FILE_DELIMITER", 1 + mapping.csv().skipLines(), Map.of("value", header.get(0), "delimiter", declared.equals("\t") ? "\\t" : declared,
                "found", other.equals("\t") ? "\\t" : other, "mapping", mapping.id()));
            return false;
          }
        }
      }
      List<String> needed = new ArrayList<>();
      mapping.dimensions().values().forEach(c -> needed.add(c.column()));
      if (mapping.value() != null && !mapping.isWide()) {
        needed.add(mapping.value().column());
      }
      needed.addAll(mapping.flags().columns());
      mapping.exclude().forEach(x -> needed.addAll(x.where().keySet()));
      boolean ok = true;
      for (String column : needed.stream().distinct().sorted().toList()) {
        if (!header.contains(column)) {
          reject("FILE_MISSING_COLUMN", 1 + mapping.csv().skipLines(), Map.of("column", column, "mapping", mapping.id(), "header", String.join(", ", header)));
          ok = false;
        }
      }
      return ok;
    }

    private List<String> valueColumns(List<String> header) {
      if (!mapping.isWide()) {
        return List.of(mapping.value().column());
      }
      Pattern pattern = Pattern.compile(mapping.wide().columns());
      List<String> columns = header.stream().filter(h -> pattern.matcher(h.trim()).matches()).toList();
      if (columns.isEmpty()) {
        reject("FILE_MISSING_COLUMN", 1 + mapping.csv().skipLines(), Map.of("column", mapping.wide().columns(), "mapping", mapping.id(), "header", String.join(", ", header)));
      }
      return columns;
    }

    /** Keeps a mapped cell, unless the file gave the same cell before. */
    private void keep(Observation o, String column, String raw) {
      Long first = seen.putIfAbsent(o.key(), o.line());
      if (first == null) {
        observations.add(o);
        return;
      }
      Finding f = ref.rules().finding("KEY_DUPLICATE", place.at(o.line(), mapping.isWide() ? column : "").withKey(o.key().toString()),
          Map.of("key", o.key().toString(), "first", file + ":" + first, "value", raw));
      findings.add(f);
      quarantine.add(new QuarantinedRecord(mapping.country(), file, o.line(), mapping.isWide() ? column : "", List.of(f.ruleId()), f.message(), raw));
    }

    private String wideCode(String column) {
      Matcher m = Pattern.compile(mapping.wide().columns()).matcher(column.trim());
      return m.matches() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : column.trim();
    }

    private void readRecord(CSVRecord record, long line, List<String> header, Map<String, Integer> index, List<String> valueColumns, CellMapper mapper, String raw) {
      read += valueColumns.size();
      if (record.size() != header.size()) {
        findings.add(ref.rules().finding("RECORD_RAGGED", place.at(line, ""), Map.of("found", record.size(), "expected", header.size())));
        for (String column : valueColumns) {
          quarantine.add(new QuarantinedRecord(mapping.country(), file, line, mapping.isWide() ? column : "", List.of("RECORD_RAGGED"), "The row has " + record.size() + " fields where the header has " + header.size(), raw));
        }
        return;
      }
      if (sdmx != null) {
        SdmxCsvInput.Problem problem = sdmx.check(record);
        if (problem != null) {
          Finding f = ref.rules().finding(problem.rule(), place.at(line, problem.column()), problem.details());
          findings.add(f);
          quarantine.add(new QuarantinedRecord(mapping.country(), file, line, "", List.of(f.ruleId()), f.message(), raw));
          return;
        }
      }
      for (Mapping.Exclusion x : mapping.exclude()) {
        boolean matches = x.where().entrySet().stream().allMatch(w -> record.get(index.get(w.getKey())).trim().equalsIgnoreCase(w.getValue().trim()));
        if (matches) {
          excluded.merge(x.reason(), (long) valueColumns.size(), Long::sum);
          return;
        }
      }
      Set<String> rowFindings = new HashSet<>();
      for (String column : valueColumns) {
        Function<String, String> field = sdmx == null ? h -> record.get(index.get(h)) : h -> sdmx.field(record, index.get(h));
        CellMapper.Outcome outcome = mapper.map(line, field, column, mapping.isWide() ? wideCode(column) : null);
        for (Finding f : outcome.findings()) {
          // in a wide row, a problem in a column the value cells share is reported once
          if (f.column().equals(column) || rowFindings.add(f.ruleId() + "|" + f.column())) {
            findings.add(f);
          }
        }
        if (outcome.rejected()) {
          List<String> ruleIds = outcome.findings().stream().filter(f -> f.severity() == eu.thbstat.model.Severity.ERROR).map(Finding::ruleId).distinct().toList();
          String reason = String.join("; ", outcome.findings().stream().filter(f -> f.severity() == eu.thbstat.model.Severity.ERROR).map(Finding::message).toList());
          quarantine.add(new QuarantinedRecord(mapping.country(), file, line, mapping.isWide() ? column : "", ruleIds, reason, raw));
        } else {
          keep(outcome.observation(), column, raw);
          sources.add(CellTrail.of(ref, mapping, file, line, column, mapping.isWide() ? wideCode(column) : null, h -> record.get(index.get(h)), outcome.observation(), raw));
        }
      }
    }
  }

}
