package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Table;
import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Row;
import eu.thbstat.report.ReportDefinitions.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Data availability: for each country and year (rows) and data-collection table of
 * schemas/tables.yaml (columns), how many of the cells the table asks for the release provides
 * ("12/16"). A cell is provided when the cube has it with a value (0 included), or as
 * confidential (flag c: provided, not published); a cell the cube holds as ':' without flag c was
 * not available from the country. Country-years with no cell provided are left out.
 */
final class AvailabilityTableBuilder {
  private final ReportContext ctx;

  AvailabilityTableBuilder(ReportContext ctx) {
    this.ctx = ctx;
  }

  RenderedTable build(TableDef def) {
    List<Table> tables = def.collectionTables().stream()
        .map(id -> ctx.ref().tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow())
        .toList();
    List<Column> columns = new ArrayList<>();
    for (Table t : tables) {
      columns.add(new Column(List.of(t.id()), List.of(t.label()), null));
    }
    List<Row> rows = new ArrayList<>();
    List<String> countries = new ArrayList<>(ctx.countries());
    if (def.sort().by().equals("label")) {
      countries.sort(java.util.Comparator.comparing(g -> ctx.label(Dimension.GEO, g)));
    }
    for (String geo : countries) {
      for (int year : ctx.period().years()) {
        List<Cell> cells = new ArrayList<>();
        int provided = 0;
        for (Table t : tables) {
          List<CellKey> asked = t.cells(ctx.ref().model(), ctx.ref().seeds(), geo, year);
          int n = 0;
          for (CellKey k : asked) {
            Observation o = ctx.release().cells().get(k);
            if (o != null && (o.available() || o.flags().contains("c"))) {
              n++;
            }
          }
          provided += n;
          String text = n + "/" + asked.size();
          String style = n == 0 ? "none" : n == asked.size() ? "full" : "partial";
          cells.add(new Cell((double) n, text, text, "", List.of(), null, 0, style, n > 0, ""));
        }
        if (provided > 0) {
          String y = Integer.toString(year);
          rows.add(new Row(List.of(geo, y), List.of(ctx.label(Dimension.GEO, geo), y), false, List.of(), cells));
        }
      }
    }
    return new RenderedTable(def.id(), def.title(), def.subtitle(), def.kind(),
        List.of(Dimension.GEO, Dimension.TIME), List.of(ComparabilityTableBuilder.head(def), "Year"), List.of("table"),
        columns, rows, List.of(), List.of(), List.of(), def.notes());
  }
}
