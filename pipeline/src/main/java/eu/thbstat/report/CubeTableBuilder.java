package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Code;
import eu.thbstat.reference.Dimension;
import eu.thbstat.report.ReleaseData.Coverage;
import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Note;
import eu.thbstat.report.RenderedTable.Row;
import eu.thbstat.report.ReportDefinitions.Axis;
import eu.thbstat.report.ReportDefinitions.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lays out a table of cube cells: crosses its row and column axes, looks each cell up in the
 * release by its full key (dimensions on no axis at their filter code or total; the EU token as
 * the aggregate of the cell's year; EU27_2020 citizenship groups as the EU of the year names
 * them), prints values with flags, places footnotes and notes the coverage of EU aggregates.
 * Nothing is computed here: every number is a cell of the release.
 */
final class CubeTableBuilder {
  private final ReportContext ctx;

  CubeTableBuilder(ReportContext ctx) {
    this.ctx = ctx;
  }

  /** One position on an axis side: codes by dimension, and the code and label of each axis. */
  private record Position(Map<String, String> codes, List<String> axisCodes, List<String> axisLabels, boolean optional, boolean aggregate) {}

  /** A cell before footnotes are placed. */
  private record Draft(Cell cell, List<String> notes, boolean eligible) {}

  RenderedTable build(TableDef def) {
    List<Position> rows = positions(def, def.rows());
    List<Position> columns = positions(def, def.columns());
    List<List<Draft>> grid = new ArrayList<>();
    for (Position r : rows) {
      List<Draft> line = new ArrayList<>();
      for (Position c : columns) {
        line.add(draft(def, r, c));
      }
      grid.add(line);
    }
    // Drop rows and columns that came from a default expansion and have no cell at all.
    List<Integer> keepRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      int row = i;
      if (!rows.get(i).optional() || grid.get(i).stream().anyMatch(d -> d.eligible())) {
        keepRows.add(row);
      }
    }
    List<Integer> keepColumns = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      int col = j;
      if (!columns.get(j).optional() || keepRows.stream().anyMatch(i -> grid.get(i).get(col).eligible())) {
        keepColumns.add(col);
      }
    }
    keepRows = sortRows(def, rows, grid, keepRows, keepColumns);

    List<List<List<String>>> notes = new ArrayList<>();
    List<List<Boolean>> eligible = new ArrayList<>();
    List<List<String>> rowCodes = new ArrayList<>();
    for (int i : keepRows) {
      rowCodes.add(rows.get(i).axisCodes());
      List<List<String>> n = new ArrayList<>();
      List<Boolean> e = new ArrayList<>();
      for (int j : keepColumns) {
        n.add(grid.get(i).get(j).notes());
        e.add(grid.get(i).get(j).eligible());
      }
      notes.add(n);
      eligible.add(e);
    }
    Footnoting.Result placed = Footnoting.place(def.footnotes(), rowCodes, notes, eligible);

    List<Row> outRows = new ArrayList<>();
    TreeSet<Character> flagsUsed = new TreeSet<>();
    for (int k = 0; k < keepRows.size(); k++) {
      int i = keepRows.get(k);
      List<Cell> cells = new ArrayList<>();
      for (int m = 0; m < keepColumns.size(); m++) {
        Cell c = grid.get(i).get(keepColumns.get(m)).cell().withMarks(placed.cellMarks().get(k).get(m));
        c.flags().chars().forEach(f -> flagsUsed.add((char) f));
        cells.add(c);
      }
      Position r = rows.get(i);
      outRows.add(new Row(r.axisCodes(), r.axisLabels(), r.aggregate(), placed.labelMarks().get(k), cells));
    }
    List<Column> outColumns = new ArrayList<>();
    for (int j : keepColumns) {
      Position c = columns.get(j);
      outColumns.add(new Column(c.axisCodes(), c.axisLabels(), c.codes().get(Dimension.UNIT)));
    }
    List<Note> flags = new ArrayList<>();
    flagsUsed.forEach(f -> flags.add(new Note(String.valueOf(f), ctx.flagLabel(f))));
    return new RenderedTable(def.id(), def.title(), def.subtitle(), def.kind(),
        axisNames(def.rows()), axisHeads(def.rows()), axisNames(def.columns()), outColumns, outRows,
        placed.titleMarks(), placed.notes(), flags, def.notes());
  }

  static List<String> axisNames(List<Axis> axes) {
    return axes.stream().map(a -> String.join("+", a.dimensions())).toList();
  }

  private List<String> axisHeads(List<Axis> axes) {
    return axes.stream().map(a -> a.head() != null ? a.head() : String.join(", ", a.dimensions().stream()
        .map(d -> ctx.ref().model().dimension(d).label()).toList())).toList();
  }

  // ---------------------------------------------------------------- axes

  /** The positions of one side: the axes crossed, the first axis outermost. */
  private List<Position> positions(TableDef def, List<Axis> axes) {
    List<Position> out = List.of(new Position(new LinkedHashMap<>(), List.of(), List.of(), false, false));
    for (Axis axis : axes) {
      List<Position> crossed = new ArrayList<>();
      List<Entry> entries = entries(def, axis);
      for (Position p : out) {
        for (Entry e : entries) {
          Map<String, String> codes = new LinkedHashMap<>(p.codes());
          codes.putAll(e.codes());
          List<String> axisCodes = new ArrayList<>(p.axisCodes());
          axisCodes.add(e.code());
          List<String> labels = new ArrayList<>(p.axisLabels());
          labels.add(e.label());
          crossed.add(new Position(codes, axisCodes, labels, p.optional() || e.optional(), p.aggregate() || e.aggregate()));
        }
      }
      out = crossed;
    }
    return out;
  }

  /** One code (or code combination) of an axis. */
  private record Entry(Map<String, String> codes, String code, String label, boolean optional, boolean aggregate) {}

  private List<Entry> entries(TableDef def, Axis axis) {
    List<Entry> out = new ArrayList<>();
    if (axis.codes().isEmpty()) {
      String d = axis.dimensions().get(0);
      List<String> codes = switch (d) {
        case Dimension.TIME -> ctx.period().codes();
        case Dimension.GEO -> List.of(Axis.COUNTRIES);
        default -> ctx.ref().model().dimension(d).codes().stream().map(Code::code).toList();
      };
      boolean optional = !d.equals(Dimension.TIME);
      for (String code : codes) {
        expand(axis, List.of(code), optional, out);
      }
      return out;
    }
    for (List<String> combination : axis.codes()) {
      expand(axis, combination, false, out);
    }
    return out;
  }

  private void expand(Axis axis, List<String> combination, boolean optional, List<Entry> out) {
    int geoAt = axis.dimensions().indexOf(Dimension.GEO);
    if (geoAt >= 0 && combination.get(geoAt).equals(Axis.COUNTRIES)) {
      for (String country : ctx.countries()) {
        List<String> c = new ArrayList<>(combination);
        c.set(geoAt, country);
        out.add(entry(axis, c, true, false));
      }
      return;
    }
    boolean aggregate = geoAt >= 0 && (combination.get(geoAt).equals(Axis.EU) || ctx.isAggregate(combination.get(geoAt)));
    out.add(entry(axis, combination, optional, aggregate));
  }

  private Entry entry(Axis axis, List<String> combination, boolean optional, boolean aggregate) {
    Map<String, String> codes = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < axis.dimensions().size(); k++) {
      String d = axis.dimensions().get(k);
      String code = combination.get(k);
      codes.put(d, code);
      labels.add(d.equals(Dimension.GEO) && code.equals(Axis.EU) ? ctx.euLabel() : ctx.label(d, code));
    }
    String key = String.join(" ", combination);
    String label = axis.labels().getOrDefault(key, String.join(", ", labels));
    return new Entry(codes, key, label, optional, aggregate);
  }

  // ---------------------------------------------------------------- cells

  private Draft draft(TableDef def, Position row, Position column) {
    Map<String, String> codes = new HashMap<>(def.filters());
    codes.putAll(row.codes());
    codes.putAll(column.codes());
    int year = Integer.parseInt(codes.get(Dimension.TIME));
    List<String> key = new ArrayList<>();
    for (Dimension d : ctx.ref().model().dimensions()) {
      String code = codes.getOrDefault(d.id(), d.total());
      if (d.id().equals(Dimension.GEO) && Axis.EU.equals(code)) {
        code = ctx.euOf(year);
      } else if (d.id().equals("citizen")) {
        code = ctx.forEu(code, year);
      }
      key.add(code);
    }
    CellKey cellKey = new CellKey(key);
    String unit = cellKey.get(ctx.index(Dimension.UNIT));
    int decimals = ctx.decimals(unit);
    Observation o = ctx.release().cells().get(cellKey);
    List<String> notes = new ArrayList<>();
    if (o != null) {
      for (String id : o.footnotes()) {
        ReleaseData.Footnote f = ctx.release().footnotes().get(id);
        String text = f == null ? id : f.text();
        if (!notes.contains(text)) {
          notes.add(text);
        }
      }
    }
    String geo = cellKey.get(ctx.index(Dimension.GEO));
    if (ctx.isAggregate(geo)) {
      String note = coverageNote(cellKey, o != null && o.available(), year);
      if (note != null) {
        notes.add(note);
      }
    }
    Double value = o == null ? null : o.value();
    String flags = o == null ? "" : o.flags();
    Cell cell = new Cell(value, EurostatFormat.value(value, decimals), EurostatFormat.plain(value, decimals), flags,
        List.of(), unit, decimals, value == null ? "na" : "", o != null, cellKey.toString());
    return new Draft(cell, notes, o != null || !notes.isEmpty());
  }

  /** The note on an EU aggregate cell: what it adds up, or why it is not published. */
  private String coverageNote(CellKey key, boolean inCube, int year) {
    Coverage c = ctx.release().coverage().get(key);
    if (c == null) {
      c = ctx.release().coverage().get(key.with(ctx.index(Dimension.UNIT), "NR"));
    }
    if (c == null) {
      return null;
    }
    ReportDefinitions.CoverageNotes templates = ctx.defs().coverageNotes();
    String template = inCube && c.published() ? templates.published() : templates.notPublished();
    return fill(template, key.get(ctx.index(Dimension.GEO)), year, c, ctx);
  }

  static String fill(String template, String aggregate, int year, Coverage c, ReportContext ctx) {
    int members = c.members() > 0 ? c.members() : ctx.members(year).size();
    return template
        .replace("{aggregate}", aggregate)
        .replace("{year}", Integer.toString(year))
        .replace("{countries}", Integer.toString(c.countries().size()))
        .replace("{members}", Integer.toString(members))
        .replace("{list}", String.join(", ", c.countries()))
        .replace("{population}", ReportContext.percent(c.populationShare()));
  }

  // ---------------------------------------------------------------- order

  private List<Integer> sortRows(TableDef def, List<Position> rows, List<List<Draft>> grid, List<Integer> keep, List<Integer> columns) {
    Comparator<Integer> order = Comparator.comparing(i -> 0); // code: the order of the axis
    if (def.sort().by().equals("label")) {
      order = Comparator.comparing(i -> String.join(" ", rows.get(i).axisLabels()));
    } else if (def.sort().by().equals("value") && !columns.isEmpty()) {
      int col = def.sort().column() == 0 || def.sort().column() > columns.size()
          ? columns.get(columns.size() - 1) : columns.get(def.sort().column() - 1);
      Comparator<Double> values = def.sort().descending()
          ? Comparator.nullsLast(Comparator.<Double>reverseOrder()) : Comparator.nullsLast(Comparator.<Double>naturalOrder());
      order = Comparator.comparing(i -> grid.get(i).get(col).cell().value(), values);
    }
    if (def.sort().descending() && def.sort().by().equals("label")) {
      order = order.reversed();
    }
    List<Integer> sorted = new ArrayList<>(keep);
    sorted.sort(Comparator.<Integer, Boolean>comparing(i -> rows.get(i).aggregate()).thenComparing(order).thenComparing(i -> i));
    return sorted;
  }
}
