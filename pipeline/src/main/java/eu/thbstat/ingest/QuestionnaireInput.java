package eu.thbstat.ingest;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.Severity;
import eu.thbstat.questionnaire.QuestionnaireLayout;
import eu.thbstat.questionnaire.QuestionnaireLayout.TableSheet;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Formats;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.MappingFootnotes;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a filled-in questionnaire workbook (format xlsx; layout {@link QuestionnaireLayout}). Every
 * figure cell of a table sheet is one record: a number, a number with flags ("12 p"), blank (not
 * available) or anything else (VALUE_NOT_NUMERIC, placed at its cell, e.g. VICT_SEX_AGE!D7). The
 * DEFINITIONS sheet gives the file's national definitions (replacing the mapping's for that
 * concept) and its footnotes. A zip bomb, an oversized or a damaged workbook gives findings, never
 * a crash; missing and unknown sheets are warnings and the other sheets are read.
 */
final class QuestionnaireInput {
  private final ReferenceData ref;
  private final Mapping mapping;
  private final String file;
  private final byte[] content;
  private final Place place;
  private final Formats.Xlsx limits;
  private final Map<CellKey, Observation> observations = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<QuarantinedRecord> quarantine = new ArrayList<>();
  /** Where each cell was first read, and its text there. */
  private final Map<CellKey, String[]> seen = new HashMap<>();
  private final Map<String, String> fileNotes = new TreeMap<>();
  private final List<QuestionnaireLayout.Footnote> footnotes = new ArrayList<>();
  private long read;
  private String status = "READ";

  QuestionnaireInput(ReferenceData ref, Mapping mapping, String file, byte[] content) {
    this.ref = ref;
    this.mapping = mapping;
    this.file = file;
    this.content = content;
    this.place = Place.file(mapping.country(), file);
    this.limits = ref.formats().xlsx();
  }

  FileResult read() {
    XSSFWorkbook wb = open();
    if (wb != null) {
      try (wb) {
        readWorkbook(wb);
      } catch (IOException | RuntimeException e) {
        fail("XLSX_UNREADABLE", 0, "", Map.of("reason", rootMessage(e)));
      }
    }
    FileReport report = new FileReport(file, mapping.country(), mapping.id(), ReferenceDataLoader.sha256(content), content.length, status, read, 0, Map.of(), fileNotes);
    return new FileResult(report, List.copyOf(observations.values()), findings, quarantine);
  }

  private void fail(String rule, long line, String column, Map<String, ?> details) {
    findings.add(ref.rules().finding(rule, place.at(line, column), details));
    status = read == 0 && observations.isEmpty() ? "REJECTED" : "PARTIAL";
  }

  private void warn(String rule, long line, String column, Map<String, ?> details) {
    findings.add(ref.rules().finding(rule, place.at(line, column), details));
  }

  /** The workbook, opened within the limits of schemas/formats.yaml; null after a finding. */
  private XSSFWorkbook open() {
    if (content.length > limits.maxFileBytes()) {
      fail("XLSX_UNSAFE", 0, "", Map.of("reason", "the file has " + content.length + " bytes, more than the limit of " + limits.maxFileBytes()));
      return null;
    }
    synchronized (ZipSecureFile.class) {
      ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
      ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
      ZipSecureFile.setMaxTextSize(limits.maxTextChars());
    }
    try {
      XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content));
      if (wb.getNumberOfSheets() > limits.maxSheets()) {
        fail("XLSX_UNSAFE", 0, "", Map.of("reason", "it has " + wb.getNumberOfSheets() + " sheets, more than the limit of " + limits.maxSheets()));
        wb.close();
        return null;
      }
      return wb;
    } catch (IOException | RuntimeException e) {
      String reason = rootMessage(e);
      String lower = chainMessages(e).toLowerCase(Locale.ROOT);
      if (lower.contains("zip bomb") || lower.contains("max entry size") || lower.contains("max. ratio") || lower.contains("max text size")
          || lower.contains("exceeds") && lower.contains("max")) {
        fail("XLSX_UNSAFE", 0, "", Map.of("reason", "it expands far beyond its size, as a zip bomb does (" + firstLine(reason) + ")"));
      } else {
        fail("XLSX_UNREADABLE", 0, "", Map.of("reason", firstLine(reason)));
      }
      return null;
    }
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse(s);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String chainMessages(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      s.append(t.getMessage()).append(' ');
    }
    return s.toString();
  }

  private void readWorkbook(XSSFWorkbook wb) {
    List<TableSheet> tables = QuestionnaireLayout.sheets(ref);
    List<String> known = QuestionnaireLayout.sheetNames(ref);
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      Sheet s = wb.getSheetAt(i);
      String name = known.stream().filter(k -> k.equalsIgnoreCase(s.getSheetName().trim())).findFirst().orElse(null);
      if (name == null) {
        warn("XLSX_SHEET_UNKNOWN", 0, s.getSheetName(), Map.of("sheet", s.getSheetName(), "sheets", String.join(", ", known)));
      } else if (tooLarge(s)) {
        status = "PARTIAL";
      } else {
        sheets.put(name, s);
      }
    }
    Sheet instructions = sheets.get(QuestionnaireLayout.INSTRUCTIONS);
    if (instructions == null) {
      missing(QuestionnaireLayout.INSTRUCTIONS, "the instructions and the country");
    } else {
      String country = text(cell(instructions, QuestionnaireLayout.COUNTRY_ROW, QuestionnaireLayout.COUNTRY_COLUMN));
      if (!country.isEmpty() && !country.equalsIgnoreCase(mapping.country())) {
        String at = QuestionnaireLayout.ref(QuestionnaireLayout.INSTRUCTIONS, QuestionnaireLayout.COUNTRY_ROW, QuestionnaireLayout.COUNTRY_COLUMN);
        fail("XLSX_COUNTRY", QuestionnaireLayout.COUNTRY_ROW + 1, at, Map.of("value", country, "cell", at, "mapping", mapping.id(), "country", mapping.country()));
        return;
      }
    }
    Mapping effective = mapping;
    Sheet definitions = sheets.get(QuestionnaireLayout.DEFINITIONS);
    if (definitions == null) {
      missing(QuestionnaireLayout.DEFINITIONS, "national definitions and footnotes");
    } else {
      effective = definitions(definitions);
    }
    CellMapper mapper = new CellMapper(ref, effective, file);
    for (TableSheet t : tables) {
      Sheet s = sheets.get(t.name());
      if (s == null) {
        missing(t.name(), t.table().label());
      } else {
        table(s, t, mapper);
      }
    }
  }

  private final List<String> tooLargeNames = new ArrayList<>();

  private void missing(String sheet, String label) {
    if (tooLargeNames.contains(sheet.toUpperCase(Locale.ROOT))) {
      return; // reported as too large
    }
    warn("XLSX_SHEET_MISSING", 0, sheet, Map.of("sheet", sheet, "label", label));
  }

  private boolean tooLarge(Sheet s) {
    int rows = s.getLastRowNum() + 1;
    int columns = 0;
    for (Row r : s) {
      columns = Math.max(columns, r.getLastCellNum());
    }
    if (rows > limits.maxRows() || columns > limits.maxColumns()) {
      findings.add(ref.rules().finding("XLSX_SHEET_TOO_LARGE", place.at(0, s.getSheetName()), Map.of("sheet", s.getSheetName(), "rows", rows, "columns", columns,
          "max_rows", limits.maxRows(), "max_columns", limits.maxColumns())));
      tooLargeNames.add(s.getSheetName().trim().toUpperCase(Locale.ROOT));
      return true;
    }
    return false;
  }

  private static Cell cell(Sheet s, int row, int column) {
    Row r = s.getRow(row);
    return r == null ? null : r.getCell(column);
  }

  /** A cell as text: numbers without trailing zeros, text trimmed, a formula's cached result, "" when blank. */
  static String text(Cell c) {
    if (c == null) {
      return "";
    }
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (type) {
      case NUMERIC -> BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case STRING -> c.getStringCellValue().trim();
      case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> "#ERROR";
      default -> "";
    };
  }

  // ------------------------------------------------------------------ DEFINITIONS

  /** The mapping with the workbook's national definitions; collects the workbook's footnotes. */
  private Mapping definitions(Sheet s) {
    Map<String, String> stated = new TreeMap<>(mapping.definitions());
    List<Mapping.DefinitionPeriod> periods = new ArrayList<>(mapping.definitionPeriods());
    int section = 0;
    boolean header = false;
    for (int r = 0; r <= s.getLastRowNum(); r++) {
      String a = text(cell(s, r, 0));
      if (a.equalsIgnoreCase(QuestionnaireLayout.DEFINITIONS_MARKER)) {
        section = 1;
        header = true;
        continue;
      }
      if (a.equalsIgnoreCase(QuestionnaireLayout.FOOTNOTES_MARKER)) {
        section = 2;
        header = true;
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      if (section == 1 && !a.isEmpty()) {
        definition(s, r, a, stated, periods);
      } else if (section == 2) {
        footnote(s, r);
      }
    }
    return mapping.withDefinitions(stated, periods);
  }

  private void definition(Sheet s, int r, String concept, Map<String, String> stated, List<Mapping.DefinitionPeriod> periods) {
    String sheet = s.getSheetName();
    String value = text(cell(s, r, 2));
    if (value.isEmpty()) {
      return;
    }
    Definitions.Concept c = ref.definitions().concepts().get(concept);
    if (c == null) {
      String at = QuestionnaireLayout.ref(sheet, r, 0);
      warn("XLSX_DEFINITION_UNKNOWN", r + 1, at, Map.of("value", concept, "cell", at, "concept", "the concept",
          "known", String.join(", ", new TreeSet<>(ref.definitions().concepts().keySet()))));
      return;
    }
    if (!c.values().containsKey(value)) {
      String at = QuestionnaireLayout.ref(sheet, r, 2);
      warn("XLSX_DEFINITION_UNKNOWN", r + 1, at, Map.of("value", value, "cell", at, "concept", concept,
          "known", String.join(", ", new TreeSet<>(c.values().keySet()))));
      return;
    }
    Integer from = year(s, r, 3, concept);
    Integer to = year(s, r, 4, concept);
    if (Integer.valueOf(Integer.MIN_VALUE).equals(from) || Integer.valueOf(Integer.MIN_VALUE).equals(to)) {
      return;
    }
    if (from == null && to == null) {
      stated.put(concept, value);
    } else {
      // the workbook's dated definitions come before the mapping's
      periods.add(0, new Mapping.DefinitionPeriod(concept, value, from, to));
    }
  }

  /** A year cell of the DEFINITIONS sheet: null when blank, MIN_VALUE (after a warning) when not a year. */
  private Integer year(Sheet s, int r, int column, String concept) {
    String text = text(cell(s, r, column));
    if (text.isEmpty()) {
      return null;
    }
    if (text.matches("\\d{4}")) {
      return Integer.valueOf(text);
    }
    String at = QuestionnaireLayout.ref(s.getSheetName(), r, column);
    warn("XLSX_DEFINITION_UNKNOWN", r + 1, at, Map.of("value", text, "cell", at, "concept", concept + " (the years it applies to)", "known", "a year such as 2020"));
    return Integer.MIN_VALUE;
  }

  private void footnote(Sheet s, int r) {
    String text = text(cell(s, r, 3));
    if (text.isEmpty()) {
      return;
    }
    String sheet = s.getSheetName();
    List<String> tables = QuestionnaireLayout.sheets(ref).stream().map(TableSheet::name).toList();
    String table = text(cell(s, r, 0));
    if (!table.isEmpty()) {
      String match = tables.stream().filter(t -> t.equalsIgnoreCase(table)).findFirst().orElse(null);
      if (match == null) {
        target(text, "the table", table, QuestionnaireLayout.ref(sheet, r, 0), r);
        return;
      }
    }
    String yearText = text(cell(s, r, 1));
    Integer year = null;
    if (!yearText.isEmpty()) {
      if (!yearText.matches("\\d{4}")) {
        target(text, "the year", yearText, QuestionnaireLayout.ref(sheet, r, 1), r);
        return;
      }
      year = Integer.valueOf(yearText);
    }
    Map<String, String> where = new TreeMap<>();
    String applies = text(cell(s, r, 2));
    for (String part : applies.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      String dim = kv[0].trim();
      if (kv.length != 2 || !ref.model().hasDimension(dim) || !ref.model().dimension(dim).contains(kv[1].trim())) {
        target(text, "the cells", part.trim(), QuestionnaireLayout.ref(sheet, r, 2), r);
        return;
      }
      where.put(dim, kv[1].trim());
    }
    String matchTable = table.isEmpty() ? null : tables.stream().filter(t -> t.equalsIgnoreCase(table)).findFirst().orElseThrow();
    footnotes.add(new QuestionnaireLayout.Footnote(matchTable, year, where, text));
  }

  private void target(String text, String what, String value, String at, int r) {
    warn("XLSX_FOOTNOTE_TARGET", r + 1, at, Map.of("text", text, "what", what, "value", value, "cell", at,
        "known", String.join(", ", QuestionnaireLayout.sheets(ref).stream().map(TableSheet::name).toList())));
  }

  // ------------------------------------------------------------------ tables

  private void table(Sheet s, TableSheet t, CellMapper mapper) {
    String sheet = s.getSheetName();
    List<String> expected = new ArrayList<>(List.of("time", t.rowDimensionText(), t.columnDimension()));
    expected.addAll(t.columnCodes());
    expected.add("");
    for (int j = 0; j < expected.size(); j++) {
      String found = text(cell(s, QuestionnaireLayout.CODE_ROW, j));
      if (!found.equals(expected.get(j))) {
        String at = QuestionnaireLayout.ref(sheet, QuestionnaireLayout.CODE_ROW, j);
        fail("XLSX_LAYOUT", QuestionnaireLayout.CODE_ROW + 1, at, Map.of("cell", at, "value", found, "expected", expected.get(j),
            "consequence", "the sheet's figures are not read"));
        return;
      }
    }
    int columns = t.columnCodes().size();
    int lastValue = QuestionnaireLayout.FIRST_VALUE_COLUMN + columns - 1;
    Map<String, List<String>> rowCodes = new LinkedHashMap<>();
    t.rowCodes().forEach(rc -> rowCodes.put(TableSheet.rowCodeText(rc).toUpperCase(Locale.ROOT), rc));
    for (int r = QuestionnaireLayout.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      if (row == null) {
        continue;
      }
      String yearText = text(row.getCell(QuestionnaireLayout.YEAR_COLUMN));
      String rowCodeText = text(row.getCell(QuestionnaireLayout.ROW_CODE_COLUMN));
      // anything right of the table is not read
      for (int j = lastValue + 1; j < row.getLastCellNum(); j++) {
        String stray = text(row.getCell(j));
        if (!stray.isEmpty()) {
          String at = QuestionnaireLayout.ref(sheet, r, j);
          fail("XLSX_LAYOUT", r + 1, at, Map.of("cell", at, "value", stray, "expected", "", "consequence", "it is outside the table and not read"));
        }
      }
      if (yearText.isEmpty()) {
        for (int j = 0; j <= lastValue; j++) {
          String stray = text(row.getCell(j));
          if (!stray.isEmpty() && j != QuestionnaireLayout.ROW_LABEL_COLUMN) {
            String at = QuestionnaireLayout.ref(sheet, r, j);
            fail("XLSX_LAYOUT", r + 1, at, Map.of("cell", at, "value", stray, "expected", "", "consequence", "the row has no year and is not read"));
            break;
          }
        }
        continue;
      }
      List<String> rowCode = rowCodes.get(rowCodeText.toUpperCase(Locale.ROOT));
      String problem = null;
      String problemCell = null;
      String problemExpected = null;
      if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < ref.model().firstYear() || Integer.parseInt(yearText) > ref.model().lastYear()) {
        problem = yearText;
        problemCell = QuestionnaireLayout.ref(sheet, r, QuestionnaireLayout.YEAR_COLUMN);
        problemExpected = "a reference year " + ref.model().firstYear() + "-" + ref.model().lastYear();
      } else if (rowCode == null) {
        problem = rowCodeText;
        problemCell = QuestionnaireLayout.ref(sheet, r, QuestionnaireLayout.ROW_CODE_COLUMN);
        problemExpected = String.join(" or ", rowCodes.keySet());
      }
      if (problem != null) {
        Finding f = ref.rules().finding("XLSX_LAYOUT", place.at(r + 1, problemCell), Map.of("cell", problemCell, "value", problem, "expected", problemExpected,
            "consequence", "the row's figures are not read"));
        findings.add(f);
        for (int j = 0; j < columns; j++) {
          read++;
          String at = QuestionnaireLayout.ref(sheet, r, QuestionnaireLayout.FIRST_VALUE_COLUMN + j);
          quarantine.add(new QuarantinedRecord(mapping.country(), file, r + 1, at, List.of(f.ruleId()), f.message(), text(row.getCell(QuestionnaireLayout.FIRST_VALUE_COLUMN + j))));
        }
        status = "PARTIAL";
        continue;
      }
      int year = Integer.parseInt(yearText);
      for (int j = 0; j < columns; j++) {
        String at = QuestionnaireLayout.ref(sheet, r, QuestionnaireLayout.FIRST_VALUE_COLUMN + j);
        String raw = text(row.getCell(QuestionnaireLayout.FIRST_VALUE_COLUMN + j));
        CellKey key = t.key(ref, mapping.country(), year, rowCode, t.columnCodes().get(j));
        if (repeated(key, raw)) {
          continue;
        }
        seen.putIfAbsent(key, new String[] {at, raw});
        read++;
        CellMapper.Outcome outcome = mapper.map(r + 1, column -> column.equals(at) ? raw : key.get(ref.model().index(column)), at, null);
        findings.addAll(outcome.findings());
        if (outcome.rejected()) {
          List<Finding> errors = outcome.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
          quarantine.add(new QuarantinedRecord(mapping.country(), file, r + 1, at, errors.stream().map(Finding::ruleId).distinct().toList(),
              String.join("; ", errors.stream().map(Finding::message).toList()), raw));
        } else {
          keep(withFootnotes(outcome.observation(), t, year), at, raw);
        }
      }
    }
  }

  /** The workbook's footnotes that apply to a cell of a table and year. */
  private Observation withFootnotes(Observation o, TableSheet t, int year) {
    TreeSet<String> notes = new TreeSet<>(o.footnotes());
    for (QuestionnaireLayout.Footnote f : footnotes) {
      boolean applies = (f.table() == null || f.table().equals(t.name())) && (f.year() == null || f.year() == year)
          && f.where().entrySet().stream().allMatch(w -> o.key().get(ref.model().index(w.getKey())).equals(w.getValue()));
      if (applies) {
        String id = MappingFootnotes.workbookId(mapping, f.text());
        fileNotes.put(id, f.text());
        notes.add(id);
      }
    }
    return notes.size() == o.footnotes().size() ? o
        : new Observation(o.key(), o.value(), o.flags(), List.copyOf(notes), o.origin(), o.file(), o.line());
  }

  /**
   * Whether a cell an earlier table already asked for (a total shown in several tables: the
   * template echoes the first place with a formula) says nothing new: blank or the same text. A
   * different figure is read as a record: it fills the cell if the first place was blank or
   * rejected, else it is a KEY_DUPLICATE.
   */
  private boolean repeated(CellKey key, String raw) {
    String[] first = seen.get(key);
    return first != null && (raw.isEmpty() || raw.equals(first[1]));
  }

  private void keep(Observation o, String at, String raw) {
    Observation earlier = observations.get(o.key());
    if (earlier == null) {
      observations.put(o.key(), o);
      return;
    }
    String[] first = seen.get(o.key());
    if (!earlier.available()) {
      // the first place was left blank: the figure given here is the cell's, and is its one record
      read--;
      observations.put(o.key(), o);
      return;
    }
    Finding f = ref.rules().finding("KEY_DUPLICATE", place.at(o.line(), at).withKey(o.key().toString()),
        Map.of("key", o.key().toString(), "first", file + ":" + first[0], "value", raw));
    findings.add(f);
    quarantine.add(new QuarantinedRecord(mapping.country(), file, o.line(), at, List.of(f.ruleId()), f.message(), raw));
  }
}
