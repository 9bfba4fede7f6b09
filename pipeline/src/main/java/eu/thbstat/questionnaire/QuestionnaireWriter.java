package eu.thbstat.questionnaire;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.questionnaire.QuestionnaireLayout.TableSheet;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the questionnaire workbook (layout: {@link QuestionnaireLayout}): empty, as {@code thbstat
 * template} ships it, or filled in with cells of a cube, definitions and footnotes. The bytes are the
 * same run after run (fixed zip entry times, no creation date).
 */
public final class QuestionnaireWriter {
  /** Spare rows for changes of definition and for footnotes on the DEFINITIONS sheet. */
  static final int SPARE_DEFINITION_ROWS = 4;
  static final int SPARE_FOOTNOTE_ROWS = 20;

  private QuestionnaireWriter() {}

  /** What to write into the workbook besides its layout. */
  public record Contents(
      Map<CellKey, Observation> cells, Map<String, String> definitions, List<Mapping.DefinitionPeriod> periods,
      List<QuestionnaireLayout.Footnote> footnotes) {
    public static Contents empty() {
      return new Contents(Map.of(), Map.of(), List.of(), List.of());
    }
  }

  /**
   * The workbook for a country ({@code null}: the country cell is left to fill in) and reference years.
   */
  public static byte[] write(ReferenceData ref, String country, List<Integer> years, Contents contents) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      instructions(wb.createSheet(QuestionnaireLayout.INSTRUCTIONS), ref, country, years, styles);
      Map<CellKey, String> first = new java.util.HashMap<>();
      for (TableSheet t : QuestionnaireLayout.sheets(ref)) {
        table(wb.createSheet(t.name()), ref, t, country, years, contents, styles, first);
      }
      definitions(wb.createSheet(QuestionnaireLayout.DEFINITIONS), ref, contents, styles);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.getProperties().getCoreProperties().setCreated(Optional.empty());
      wb.getProperties().getCoreProperties().setCreator("thbstat");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return normalise(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("writing a workbook to memory", e);
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle code;
    final CellStyle value;
    final CellStyle wrap;

    Styles(XSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 13);
      title = wb.createCellStyle();
      title.setFont(big);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      code = wb.createCellStyle();
      code.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      code.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      value = wb.createCellStyle();
      value.setBorderBottom(BorderStyle.THIN);
      value.setBorderTop(BorderStyle.THIN);
      value.setBorderLeft(BorderStyle.THIN);
      value.setBorderRight(BorderStyle.THIN);
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
    }
  }

  private static Cell text(Row row, int column, String text, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
    return c;
  }

  private static Row row(Sheet sheet, int index) {
    Row r = sheet.getRow(index);
    return r == null ? sheet.createRow(index) : r;
  }

  private static void instructions(Sheet s, ReferenceData ref, String country, List<Integer> years, Styles st) {
    text(row(s, 0), 0, "thbstat questionnaire: statistics on trafficking in human beings", st.title);
    Row c = row(s, QuestionnaireLayout.COUNTRY_ROW);
    text(c, 0, "Country (Eurostat code)", st.header);
    text(c, QuestionnaireLayout.COUNTRY_COLUMN, country == null ? "" : country, country == null ? st.value : st.code);
    text(c, 2, country == null ? "write the code of your country, e.g. MT" : ref.seeds().geoLabels().getOrDefault(country, ""), null);
    Row y = row(s, 3);
    text(y, 0, "Reference years", st.header);
    text(y, 1, years.get(0) + "-" + years.get(years.size() - 1), st.code);
    List<String> lines = new ArrayList<>(List.of(
        "How to fill in this workbook",
        "1. Each table has its own sheet. Fill in the white cells only. The grey cells (years and codes) tell thbstat what a figure is: do not change them, and do not insert or delete rows or columns.",
        "2. Leave a cell BLANK when the figure is not available. Write 0 when there are none. Never write text such as \"n/a\" or \"-\" in a figure's cell.",
        "3. Write whole numbers of persons. A figure may be followed by Eurostat observation flags: 12 p (provisional), 12 e (estimated), 12 b (break in series), 12 r (revised).",
        "4. Citizenship: \"EU\" and \"non-EU\" columns follow the EU of each row's reference year: EU28 up to 2019, EU27 (2020) from 2020; citizens of the reporting country are counted under the reporting country only.",
        "5. Forms of exploitation: a victim with several forms is counted once in the total and once in each form; the forms may then add up to more than the total.",
        "6. Sheet " + QuestionnaireLayout.DEFINITIONS + ": choose your national definitions (with the years they apply to, if they changed) and add footnotes to tables, years or cells.",
        "7. Check the workbook before sending it: thbstat validate --country XX FILE.xlsx",
        "",
        "Tables"));
    for (TableSheet t : QuestionnaireLayout.sheets(ref)) {
      lines.add(t.name() + ": " + t.table().label());
    }
    for (int i = 0; i < lines.size(); i++) {
      text(row(s, 5 + i), 0, lines.get(i), i == 0 || lines.get(i).equals("Tables") ? st.header : null);
    }
    s.setColumnWidth(0, 40 * 256);
    s.setColumnWidth(1, 14 * 256);
  }

  /**
   * A table's sheet. A cell an earlier table already asks for (the total of all victims is in four
   * tables) is not asked again: it shows the first with a grey formula, and is read only if a figure
   * is written over it.
   */
  private static void table(Sheet s, ReferenceData ref, TableSheet t, String country, List<Integer> years, Contents contents, Styles st,
      Map<CellKey, String> first) {
    text(row(s, 0), 0, t.table().label(), st.title);
    text(row(s, 1), 0, "Blank: not available. 0: none. Grey cells: do not change. A figure may be followed by flags, e.g. 12 p.", null);
    Row labels = row(s, QuestionnaireLayout.LABEL_ROW);
    Row codes = row(s, QuestionnaireLayout.CODE_ROW);
    text(labels, QuestionnaireLayout.YEAR_COLUMN, "Year", st.header);
    text(labels, QuestionnaireLayout.ROW_CODE_COLUMN, "Code", st.header);
    text(labels, QuestionnaireLayout.ROW_LABEL_COLUMN, t.rowDimensions().isEmpty() ? ""
        : String.join(", ", t.rowDimensions().stream().map(d -> QuestionnaireLayout.dimensionLabel(ref, d)).toList())
            + " \\ " + QuestionnaireLayout.dimensionLabel(ref, t.columnDimension()), st.header);
    text(codes, QuestionnaireLayout.YEAR_COLUMN, "time", st.code);
    text(codes, QuestionnaireLayout.ROW_CODE_COLUMN, t.rowDimensionText(), st.code);
    text(codes, QuestionnaireLayout.ROW_LABEL_COLUMN, t.columnDimension(), st.code);
    for (int j = 0; j < t.columnCodes().size(); j++) {
      text(labels, QuestionnaireLayout.FIRST_VALUE_COLUMN + j, QuestionnaireLayout.label(ref, t.columnDimension(), t.columnCodes().get(j), years), st.header);
      text(codes, QuestionnaireLayout.FIRST_VALUE_COLUMN + j, t.columnCodes().get(j), st.code);
    }
    int r = QuestionnaireLayout.FIRST_DATA_ROW;
    for (int year : years) {
      for (List<String> rowCode : t.rowCodes()) {
        Row row = row(s, r++);
        Cell yc = row.createCell(QuestionnaireLayout.YEAR_COLUMN);
        yc.setCellValue(year);
        yc.setCellStyle(st.code);
        text(row, QuestionnaireLayout.ROW_CODE_COLUMN, TableSheet.rowCodeText(rowCode), st.code);
        text(row, QuestionnaireLayout.ROW_LABEL_COLUMN, t.rowLabel(ref, rowCode, List.of(year)), null);
        for (int j = 0; j < t.columnCodes().size(); j++) {
          Cell v = row.createCell(QuestionnaireLayout.FIRST_VALUE_COLUMN + j);
          CellKey key = t.key(ref, country == null ? "" : country, year, rowCode, t.columnCodes().get(j));
          String earlier = first.putIfAbsent(key, QuestionnaireLayout.ref(t.name(), row.getRowNum(), QuestionnaireLayout.FIRST_VALUE_COLUMN + j));
          if (earlier != null) {
            v.setCellFormula("IF(ISBLANK(" + earlier + "),\"\"," + earlier + ")");
            v.setCellStyle(st.code);
            continue;
          }
          v.setCellStyle(st.value);
          Observation o = contents.cells().get(key);
          if (o != null) {
            figure(v, o);
          }
        }
      }
    }
    s.setColumnWidth(QuestionnaireLayout.YEAR_COLUMN, 8 * 256);
    s.setColumnWidth(QuestionnaireLayout.ROW_CODE_COLUMN, 10 * 256);
    s.setColumnWidth(QuestionnaireLayout.ROW_LABEL_COLUMN, 34 * 256);
    for (int j = 0; j < t.columnCodes().size(); j++) {
      s.setColumnWidth(QuestionnaireLayout.FIRST_VALUE_COLUMN + j, 16 * 256);
    }
    s.createFreezePane(QuestionnaireLayout.FIRST_VALUE_COLUMN, QuestionnaireLayout.FIRST_DATA_ROW);
  }

  /** A cell's figure: a number, or text "number flags" when it has flags, blank when not available. */
  private static void figure(Cell cell, Observation o) {
    String number = o.value() == null ? "" : BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString();
    if (o.flags().isEmpty()) {
      if (o.value() != null) {
        cell.setCellValue(o.value());
      }
    } else {
      cell.setCellValue((number.isEmpty() ? ":" : number) + " " + o.flags());
    }
  }

  private static void definitions(Sheet s, ReferenceData ref, Contents contents, Styles st) {
    text(row(s, 0), 0, "National definitions and footnotes", st.title);
    text(row(s, 2), 0, QuestionnaireLayout.DEFINITIONS_MARKER, st.code);
    Row h = row(s, 3);
    List<String> heads = List.of("Concept", "What it means", "National definition (choose)", "From year (if it changed)", "To year (if it changed)");
    for (int i = 0; i < heads.size(); i++) {
      text(h, i, heads.get(i), st.header);
    }
    DataValidationHelper dv = s.getDataValidationHelper();
    int r = 4;
    List<String> conceptIds = new ArrayList<>(new java.util.TreeMap<>(ref.definitions().concepts()).keySet());
    for (String id : conceptIds) {
      Definitions.Concept c = ref.definitions().concepts().get(id);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {contents.definitions().getOrDefault(id, ""), "", ""});
      contents.periods().stream().filter(p -> p.concept().equals(id)).forEach(p ->
          rows.add(new String[] {p.value(), p.from() == null ? "" : p.from().toString(), p.to() == null ? "" : p.to().toString()}));
      List<String> values = new ArrayList<>(orderedValues(c));
      for (String[] v : rows) {
        Row row = row(s, r);
        text(row, 0, id, st.code);
        text(row, 1, c.label(), st.wrap);
        text(row, 2, v[0], st.value);
        year(row, 3, v[1], st.value);
        year(row, 4, v[2], st.value);
        DataValidation list = dv.createValidation(dv.createExplicitListConstraint(values.toArray(String[]::new)), new CellRangeAddressList(r, r, 2, 2));
        list.setShowErrorBox(true);
        s.addValidationData(list);
        r++;
      }
    }
    int spareFrom = r;
    for (int i = 0; i < SPARE_DEFINITION_ROWS; i++) {
      Row row = row(s, r++);
      for (int col = 0; col < 5; col++) {
        row.createCell(col).setCellStyle(col == 1 ? st.wrap : st.value);
      }
    }
    DataValidation concepts = dv.createValidation(dv.createExplicitListConstraint(conceptIds.toArray(String[]::new)), new CellRangeAddressList(spareFrom, r - 1, 0, 0));
    s.addValidationData(concepts);
    // the vocabulary, beside the table
    Row vh = row(s, 3);
    text(vh, 6, "Concept", st.header);
    text(vh, 7, "National definition", st.header);
    text(vh, 8, "Meaning", st.header);
    int vr = 4;
    for (String id : conceptIds) {
      Definitions.Concept c = ref.definitions().concepts().get(id);
      for (String value : orderedValues(c)) {
        Row row = row(s, vr++);
        text(row, 6, id, null);
        text(row, 7, value, null);
        text(row, 8, c.values().get(value).label() + (value.equals(c.standard()) ? " (the EU standard)" : ""), null);
      }
    }
    r = Math.max(r, vr) + 1;
    text(row(s, r++), 0, QuestionnaireLayout.FOOTNOTES_MARKER, st.code);
    Row fh = row(s, r++);
    List<String> fheads = List.of("Table (blank: all tables)", "Year (blank: all years)", "Applies to (blank: all cells; e.g. sex=F)", "Footnote");
    for (int i = 0; i < fheads.size(); i++) {
      text(fh, i, fheads.get(i), st.header);
    }
    int footFrom = r;
    for (QuestionnaireLayout.Footnote f : contents.footnotes()) {
      Row row = row(s, r++);
      text(row, 0, f.table() == null ? "" : f.table(), st.value);
      year(row, 1, f.year() == null ? "" : f.year().toString(), st.value);
      text(row, 2, String.join("; ", new java.util.TreeMap<>(f.where()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), st.value);
      text(row, 3, f.text(), st.wrap);
    }
    for (int i = 0; i < SPARE_FOOTNOTE_ROWS; i++) {
      Row row = row(s, r++);
      for (int col = 0; col < 4; col++) {
        row.createCell(col).setCellStyle(col == 3 ? st.wrap : st.value);
      }
    }
    List<String> tables = QuestionnaireLayout.sheets(ref).stream().map(TableSheet::name).toList();
    s.addValidationData(dv.createValidation(dv.createExplicitListConstraint(tables.toArray(String[]::new)), new CellRangeAddressList(footFrom, r - 1, 0, 0)));
    s.setColumnWidth(0, 24 * 256);
    s.setColumnWidth(1, 36 * 256);
    s.setColumnWidth(2, 30 * 256);
    s.setColumnWidth(3, 60 * 256);
    s.setColumnWidth(4, 14 * 256);
    s.setColumnWidth(6, 18 * 256);
    s.setColumnWidth(7, 28 * 256);
    s.setColumnWidth(8, 60 * 256);
  }

  private static void year(Row row, int column, String year, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellStyle(style);
    if (!year.isEmpty()) {
      c.setCellValue(Integer.parseInt(year));
    }
  }

  /** The standard value first, then the others in alphabetical order. */
  private static List<String> orderedValues(Definitions.Concept c) {
    List<String> values = new ArrayList<>(List.of(c.standard()));
    new java.util.TreeSet<>(c.values().keySet()).stream().filter(v -> !v.equals(c.standard())).forEach(values::add);
    return values;
  }

  /** The same zip with every entry dated 1 January 1980 in the order written: the same bytes every time. */
  static byte[] normalise(byte[] xlsx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // the earliest zip time, in no time zone
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
