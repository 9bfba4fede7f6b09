package eu.thbstat.report;

import eu.thbstat.report.RenderedTable.Note;
import eu.thbstat.report.ReportDefinitions.FootnotePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the footnotes of a table's cells as Eurostat does: a footnote on every cell of the table
 * is marked once on the title; one on every cell of a group of rows (all rows of a country, or one
 * row) on the label of that group, on the group's first row; any other on its cells. Equal texts
 * share one mark. Marks are numbered (1), (2), ... in reading order: the title, then row by row,
 * labels left to right, then cells left to right.
 */
final class Footnoting {

  /**
   * Where the marks go, and the texts by mark.
   *
   * @param labelMarks marks on each row's labels, by row, then label
   */
  record Result(List<String> titleMarks, List<List<List<String>>> labelMarks, List<List<List<String>>> cellMarks, List<Note> notes) {}

  private Footnoting() {}

  /**
   * @param rowCodes the codes of each row, one per row dimension (rows in display order)
   * @param cellNotes footnote texts of each cell, by row then column
   * @param eligible whether a cell counts for placing footnotes (the cube has it, or it has a note)
   */
  static Result place(FootnotePolicy policy, List<List<String>> rowCodes, List<List<List<String>>> cellNotes, List<List<Boolean>> eligible) {
    int rows = cellNotes.size();
    int depth = rowCodes.isEmpty() ? 1 : rowCodes.get(0).size();
    List<Set<String>> titleTexts = List.of(new LinkedHashSet<>());
    List<List<Set<String>>> labelTexts = new ArrayList<>();
    List<List<Set<String>>> cellTexts = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<Set<String>> labels = new ArrayList<>();
      for (int k = 0; k < depth; k++) {
        labels.add(new LinkedHashSet<>());
      }
      labelTexts.add(labels);
      List<Set<String>> cells = new ArrayList<>();
      cellNotes.get(r).forEach(c -> cells.add(new LinkedHashSet<>()));
      cellTexts.add(cells);
    }
    Set<String> all = new LinkedHashSet<>();
    cellNotes.forEach(r -> r.forEach(all::addAll));
    if (policy == FootnotePolicy.NONE) {
      return numbered(titleTexts.get(0), labelTexts, cellTexts, List.of());
    }
    if (policy == FootnotePolicy.TABLE) {
      return numbered(titleTexts.get(0), labelTexts, cellTexts, all.stream().map(t -> new Note("", t)).toList());
    }
    List<Integer> everyRow = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      everyRow.add(r);
    }
    for (String text : all) {
      if (rows > 1 && onEvery(cellNotes, eligible, text, everyRow)) {
        titleTexts.get(0).add(text);
        continue;
      }
      boolean[] covered = new boolean[rows];
      for (int r = 0; r < rows; r++) {
        if (covered[r]) {
          continue;
        }
        for (int k = 1; k <= depth; k++) {
          List<Integer> group = group(rowCodes, r, k);
          if (onEvery(cellNotes, eligible, text, group)) {
            labelTexts.get(group.get(0)).get(k - 1).add(text);
            group.forEach(g -> covered[g] = true);
            break;
          }
        }
        if (!covered[r]) {
          for (int c = 0; c < cellNotes.get(r).size(); c++) {
            if (cellNotes.get(r).get(c).contains(text)) {
              cellTexts.get(r).get(c).add(text);
            }
          }
        }
      }
    }
    return numbered(titleTexts.get(0), labelTexts, cellTexts, null);
  }

  /** The rows (display order) whose first {@code k} codes are those of row {@code r}. */
  private static List<Integer> group(List<List<String>> rowCodes, int r, int k) {
    if (rowCodes.isEmpty()) {
      return List.of(r);
    }
    List<String> prefix = rowCodes.get(r).subList(0, k);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rowCodes.size(); i++) {
      if (rowCodes.get(i).subList(0, k).equals(prefix)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Numbers the placed texts in reading order; {@code unmarked} replaces the notes if given. */
  private static Result numbered(Set<String> title, List<List<Set<String>>> labels, List<List<Set<String>>> cells, List<Note> unmarked) {
    Map<String, String> markOf = new LinkedHashMap<>();
    List<String> titleMarks = marks(markOf, title);
    List<List<List<String>>> labelMarks = new ArrayList<>();
    List<List<List<String>>> cellMarks = new ArrayList<>();
    for (int r = 0; r < labels.size(); r++) {
      List<List<String>> l = new ArrayList<>();
      for (Set<String> texts : labels.get(r)) {
        l.add(marks(markOf, texts));
      }
      labelMarks.add(l);
      List<List<String>> c = new ArrayList<>();
      for (Set<String> texts : cells.get(r)) {
        c.add(marks(markOf, texts));
      }
      cellMarks.add(c);
    }
    List<Note> notes = new ArrayList<>();
    markOf.forEach((text, m) -> notes.add(new Note(m, text)));
    return new Result(titleMarks, labelMarks, cellMarks, unmarked != null ? unmarked : notes);
  }

  private static List<String> marks(Map<String, String> markOf, Set<String> texts) {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      out.add(markOf.computeIfAbsent(text, t -> "(" + (markOf.size() + 1) + ")"));
    }
    return out;
  }

  /** Whether every eligible cell of the rows carries the text (and at least one does). */
  private static boolean onEvery(List<List<List<String>>> cellNotes, List<List<Boolean>> eligible, String text, List<Integer> rows) {
    boolean any = false;
    for (int r : rows) {
      List<List<String>> row = cellNotes.get(r);
      for (int c = 0; c < row.size(); c++) {
        if (!eligible.get(r).get(c)) {
          continue;
        }
        if (!row.get(c).contains(text)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }
}
