package eu.thbstat.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table laid out for output, the same for HTML, CSV and XLSX: column headers, rows with their
 * labels and cells (value, flags, footnote marks), the footnote texts, the flags used and notes.
 *
 * @param rowDimensions what the row labels are (e.g. geo), one per label column
 * @param rowHeads the header of each label column
 * @param columnDimensions what the column headers are (e.g. time, unit), one per header row
 * @param titleMarks footnote marks that apply to the whole table
 * @param footnotes footnote texts by mark (or without mark, under footnote policy "table")
 * @param flags the flags used in the table with their labels
 * @param notes sentences printed under the table
 */
public record RenderedTable(
    String id,
    String title,
    String subtitle,
    ReportDefinitions.Kind kind,
    List<String> rowDimensions,
    List<String> rowHeads,
    List<String> columnDimensions,
    List<Column> columns,
    List<Row> rows,
    List<String> titleMarks,
    List<Note> footnotes,
    List<Note> flags,
    List<String> notes) {

  public RenderedTable {
    rowDimensions = List.copyOf(rowDimensions);
    rowHeads = List.copyOf(rowHeads);
    columnDimensions = List.copyOf(columnDimensions);
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    titleMarks = List.copyOf(titleMarks);
    footnotes = List.copyOf(footnotes);
    flags = List.copyOf(flags);
    notes = List.copyOf(notes);
  }

  /**
   * One column: its codes and labels, one per column dimension.
   *
   * @param unit the unit of the column's values, or null when it varies or does not apply
   */
  public record Column(List<String> codes, List<String> labels, String unit) {
    public Column {
      codes = List.copyOf(codes);
      labels = List.copyOf(labels);
    }
  }

  /**
   * One row: its codes and labels, one per row dimension, the footnote marks on each label, and
   * its cells.
   *
   * @param aggregate whether the row is an EU aggregate (printed apart from the countries)
   * @param labelMarks footnote marks after each label (a group's marks on its first row)
   */
  public record Row(List<String> codes, List<String> labels, boolean aggregate, List<List<String>> labelMarks, List<Cell> cells) {
    public Row {
      codes = List.copyOf(codes);
      labels = List.copyOf(labels);
      labelMarks = labelMarks.isEmpty() ? labels.stream().map(l -> List.<String>of()).toList()
          : labelMarks.stream().map(List::copyOf).toList();
      cells = List.copyOf(cells);
    }

    /** Every footnote mark of the row's labels. */
    public List<String> marks() {
      return labelMarks.stream().flatMap(List::stream).toList();
    }
  }

  /**
   * One cell.
   *
   * @param value the number shown, or null (not available, or a text cell)
   * @param text the cell as printed, without flags and marks ("1 495", ":", "16/16", a label)
   * @param plain the cell for CSV ("1495", ":", "16/16", a label)
   * @param flags Eurostat flags printed after the value
   * @param marks footnote marks printed after the flags
   * @param unit the unit of the value (null for a text cell)
   * @param decimals the decimals printed
   * @param style a style hint for the HTML ("", "na", "full", "partial", "none", "differs")
   * @param exists whether the cube has this cell (a cell it does not have is printed ':')
   * @param key the cube key of the cell (dotted), or "" for a cell that is not one of the cube
   */
  public record Cell(
      Double value, String text, String plain, String flags, List<String> marks, String unit, int decimals, String style, boolean exists,
      String key) {
    public Cell {
      marks = List.copyOf(marks);
    }

    /** The cell as Eurostat prints it: value, then flags after a space ("1 495 d"). */
    public String printed() {
      return flags.isEmpty() ? text : text + " " + flags;
    }

    public Cell withMarks(List<String> newMarks) {
      return new Cell(value, text, plain, flags, newMarks, unit, decimals, style, exists, key);
    }
  }

  /** A footnote text with its mark (empty under footnote policy "table"), or a flag with its label. */
  public record Note(String mark, String text) {}

  /** Header row {@code level} (0 = top): labels with the number of columns each spans. */
  public List<Head> headerRow(int level) {
    List<Head> heads = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (!heads.isEmpty() && i > 0 && samePrefix(columns.get(i - 1), c, level)) {
        Head last = heads.remove(heads.size() - 1);
        heads.add(new Head(last.label(), last.span() + 1));
      } else {
        heads.add(new Head(c.labels().get(level), 1));
      }
    }
    return heads;
  }

  /** Every header row, top first. */
  public List<List<Head>> headerRows() {
    List<List<Head>> out = new ArrayList<>();
    for (int level = 0; level < columnDimensions.size(); level++) {
      out.add(headerRow(level));
    }
    return out;
  }

  private static boolean samePrefix(Column a, Column b, int level) {
    return a.codes().subList(0, level + 1).equals(b.codes().subList(0, level + 1));
  }

  /** A column header label spanning {@code span} columns. */
  public record Head(String label, int span) {}
}
