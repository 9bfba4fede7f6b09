package eu.thbstat.questionnaire;

import eu.thbstat.model.CellKey;
import eu.thbstat.reference.Code;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed layout of the questionnaire workbook (see docs/questionnaire.md), shared by the writer
 * ({@code thbstat template}) and the reader (format xlsx). One sheet per table of
 * schemas/tables.yaml, named by the table id:
 *
 * <pre>
 *   row 1  table label
 *   row 2  how to fill it in
 *   row 4  labels:  Year | Code | (row breakdown) | one label per column code
 *   row 5  codes:   time | (row dimension) | (column dimension) | one code per column   (grey)
 *   row 6+ one row per reference year and row code: year | row code | row label | figures
 * </pre>
 *
 * The last breakdown of a table is across the columns, the others (at most one in tables.yaml, any
 * number here) down the rows. Citizenship columns are named with the EU27_2020 codes and mean the
 * EU of each row's year (EU28 up to 2019). Besides the tables: an INSTRUCTIONS sheet (country in
 * B3) and a DEFINITIONS sheet (national definitions, then footnotes).
 */
public final class QuestionnaireLayout {
  public static final String INSTRUCTIONS = "INSTRUCTIONS";
  public static final String DEFINITIONS = "DEFINITIONS";
  /** Marker rows of the DEFINITIONS sheet (column A). */
  public static final String DEFINITIONS_MARKER = "NATIONAL DEFINITIONS";
  public static final String FOOTNOTES_MARKER = "FOOTNOTES";

  /** 0-based row and column of the country code on the INSTRUCTIONS sheet (B3). */
  public static final int COUNTRY_ROW = 2;
  public static final int COUNTRY_COLUMN = 1;
  /** 0-based rows of a table sheet. */
  public static final int LABEL_ROW = 3;
  public static final int CODE_ROW = 4;
  public static final int FIRST_DATA_ROW = 5;
  /** 0-based columns of a table sheet. */
  public static final int YEAR_COLUMN = 0;
  public static final int ROW_CODE_COLUMN = 1;
  public static final int ROW_LABEL_COLUMN = 2;
  public static final int FIRST_VALUE_COLUMN = 3;
  /** Separates the codes of several row dimensions in the row code cell. */
  public static final String ROW_CODE_SEPARATOR = "|";

  private QuestionnaireLayout() {}

  /** The layout of one table's sheet. */
  public record TableSheet(Table table, List<String> rowDimensions, String columnDimension, List<List<String>> rowCodes, List<String> columnCodes) {

    public String name() {
      return table.id();
    }

    /** The text of the row code cell of a row. */
    public static String rowCodeText(List<String> codes) {
      return String.join(ROW_CODE_SEPARATOR, codes);
    }

    /** The text of the code cell above the row codes (B5): the row dimensions. */
    public String rowDimensionText() {
      return String.join(ROW_CODE_SEPARATOR, rowDimensions);
    }

    /** The cell key of a figure: the table's fixed codes, the row's and the column's codes for the year. */
    public CellKey key(ReferenceData ref, String geo, int year, List<String> rowCode, String columnCode) {
      CommonModel model = ref.model();
      String eu = ref.seeds().euOf(year).code();
      List<String> codes = new ArrayList<>();
      for (Dimension d : model.dimensions()) {
        codes.add(switch (d.id()) {
          case Dimension.GEO -> geo;
          case Dimension.TIME -> Integer.toString(year);
          case Dimension.UNIT -> "NR";
          default -> table.fixed().getOrDefault(d.id(), d.total());
        });
      }
      for (int i = 0; i < rowDimensions.size(); i++) {
        codes.set(model.index(rowDimensions.get(i)), Table.forEu(rowCode.get(i), eu));
      }
      codes.set(model.index(columnDimension), Table.forEu(columnCode, eu));
      return new CellKey(codes);
    }

    /** Label of a row: its codes' labels. */
    public String rowLabel(ReferenceData ref, List<String> rowCode, List<Integer> years) {
      if (rowCode.isEmpty()) {
        return "All";
      }
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < rowCode.size(); i++) {
        parts.add(label(ref, rowDimensions.get(i), rowCode.get(i), years));
      }
      return String.join(", ", parts);
    }
  }

  /** The sheet layout of a table. */
  public static TableSheet sheet(Table table) {
    List<String> dims = new ArrayList<>(table.breakdowns().keySet());
    String column = dims.remove(dims.size() - 1);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of());
    for (String d : dims) {
      List<List<String>> crossed = new ArrayList<>();
      for (List<String> r : rows) {
        for (String code : table.breakdowns().get(d)) {
          List<String> k = new ArrayList<>(r);
          k.add(code);
          crossed.add(k);
        }
      }
      rows = crossed;
    }
    return new TableSheet(table, List.copyOf(dims), column, List.copyOf(rows), table.breakdowns().get(column));
  }

  /** Every table sheet, in the order of schemas/tables.yaml. */
  public static List<TableSheet> sheets(ReferenceData ref) {
    return ref.tables().stream().map(QuestionnaireLayout::sheet).toList();
  }

  /**
   * The label of a code as the rows of the given years mean it: citizenship groups named with
   * EU27_2020 take the label of each year's EU, joined when the years span both.
   */
  public static String label(ReferenceData ref, String dimension, String code, List<Integer> years) {
    Dimension d = ref.model().dimension(dimension);
    Set<String> labels = new LinkedHashSet<>();
    for (int year : years.isEmpty() ? List.of(ref.model().lastYear()) : years) {
      Code c = d.code(Table.forEu(code, ref.seeds().euOf(year).code()));
      labels.add(c == null ? code : c.label());
    }
    return String.join(" / ", labels);
  }

  /** Label of a dimension for a header. */
  public static String dimensionLabel(ReferenceData ref, String dimension) {
    String label = ref.model().dimension(dimension).label();
    return label == null ? dimension : label;
  }

  /** The A1-style reference of a 0-based cell, e.g. "VICT_SEX_AGE!D7". */
  public static String ref(String sheet, int row, int column) {
    return sheet + "!" + columnLetters(column) + (row + 1);
  }

  static String columnLetters(int column) {
    StringBuilder s = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }

  /** Names of all sheets of the questionnaire, in order. */
  public static List<String> sheetNames(ReferenceData ref) {
    List<String> names = new ArrayList<>(List.of(INSTRUCTIONS));
    sheets(ref).forEach(s -> names.add(s.name()));
    names.add(DEFINITIONS);
    return names;
  }

  /** A footnote of the DEFINITIONS sheet: table id (or null: all), year (or null: all), codes the cells have, text. */
  public record Footnote(String table, Integer year, Map<String, String> where, String text) {
    public Footnote {
      where = where == null ? Map.of() : Map.copyOf(where);
    }
  }
}
