package eu.thbstat.report;

import eu.thbstat.output.CsvText;
import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Note;
import eu.thbstat.report.RenderedTable.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table as CSV, one line per cell (the shape of Eurostat's SDMX-CSV, which a program reads back
 * without guessing): the codes and labels of the row and the column, the unit (a column of its
 * own unless the unit is on an axis), the value as the
 * release has it rounded to the unit's decimals (':' when not available), the flags, and the texts
 * of every footnote that applies to the cell (on the title, the row or the cell).
 */
final class TableCsv {
  private TableCsv() {}

  static byte[] write(RenderedTable t) {
    List<String> header = new ArrayList<>();
    for (String d : t.rowDimensions()) {
      header.add(d);
      header.add(d + "_label");
    }
    for (String d : t.columnDimensions()) {
      header.add(d);
      header.add(d + "_label");
    }
    boolean unitColumn = !header.contains("unit");
    if (unitColumn) {
      header.add("unit");
    }
    header.addAll(List.of("obs_value", "obs_flag", "footnotes"));
    Map<String, String> textOf = new TreeMap<>();
    for (Note n : t.footnotes()) {
      textOf.put(n.mark(), n.text());
    }
    // A label's marks stand on the first row of its group and apply to every row of the group.
    Map<List<String>, List<String>> groupMarks = new java.util.HashMap<>();
    for (Row r : t.rows()) {
      for (int k = 0; k < r.codes().size(); k++) {
        if (!r.labelMarks().get(k).isEmpty()) {
          groupMarks.put(r.codes().subList(0, k + 1), r.labelMarks().get(k));
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r : t.rows()) {
      for (int j = 0; j < t.columns().size(); j++) {
        Column c = t.columns().get(j);
        Cell cell = r.cells().get(j);
        List<String> line = new ArrayList<>();
        for (int k = 0; k < r.codes().size(); k++) {
          line.add(r.codes().get(k));
          line.add(r.labels().get(k));
        }
        for (int k = 0; k < c.codes().size(); k++) {
          line.add(c.codes().get(k));
          line.add(c.labels().get(k));
        }
        if (unitColumn) {
          line.add(cell.unit() == null ? "" : cell.unit());
        }
        line.add(cell.plain());
        line.add(cell.flags());
        Set<String> notes = new LinkedHashSet<>();
        t.titleMarks().forEach(m -> notes.add(textOf.get(m)));
        for (int k = 0; k < r.codes().size(); k++) {
          groupMarks.getOrDefault(r.codes().subList(0, k + 1), List.of()).forEach(m -> notes.add(textOf.get(m)));
        }
        cell.marks().forEach(m -> notes.add(textOf.get(m)));
        line.add(String.join(" | ", notes));
        rows.add(line.stream().map(CsvText::safe).toList());
      }
    }
    return CsvText.write(header, rows);
  }
}
