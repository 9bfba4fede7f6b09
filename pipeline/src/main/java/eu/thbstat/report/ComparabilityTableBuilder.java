package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.report.ReleaseData.Grade;
import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Row;
import eu.thbstat.report.ReportDefinitions.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Comparability notes per country: the national definitions of the mappings that read the
 * country's files (a definition other than the EU data collection's is styled "differs"), the
 * comparability grades of the release's comparability.csv for the period, and the footnotes on the
 * country's cells in the period other than those of the definitions.
 */
final class ComparabilityTableBuilder {
  static final String GRADE = "grade";
  static final String NOTES = "notes";

  private final ReportContext ctx;

  ComparabilityTableBuilder(ReportContext ctx) {
    this.ctx = ctx;
  }

  RenderedTable build(TableDef def) {
    Definitions definitions = ctx.ref().definitions();
    List<Column> columns = new ArrayList<>();
    for (String concept : def.concepts()) {
      columns.add(new Column(List.of(concept), List.of(capitalised(definitions.concepts().get(concept).label())), null));
    }
    columns.add(new Column(List.of(GRADE), List.of("Comparability grade"), null));
    columns.add(new Column(List.of(NOTES), List.of("Notes"), null));
    Map<String, Set<String>> footnotesByCountry = footnotesByCountry();
    List<Row> rows = new ArrayList<>();
    for (String geo : ctx.countries()) {
      if (!footnotesByCountry.containsKey(geo)) {
        continue; // no cell in the period
      }
      List<Mapping> mappings = mappingsOf(geo);
      List<Cell> cells = new ArrayList<>();
      for (String concept : def.concepts()) {
        Definitions.Concept c = definitions.concepts().get(concept);
        Set<String> labels = new LinkedHashSet<>();
        boolean differs = false;
        for (Mapping m : mappings) {
          String value = m.definitions().get(concept);
          if (value == null) {
            continue;
          }
          Definitions.Value v = c.values().get(value);
          labels.add(v == null || v.label() == null ? value : v.label());
          differs |= !value.equals(c.standard());
        }
        String text = labels.isEmpty() ? EurostatFormat.NOT_AVAILABLE : String.join("; ", labels);
        cells.add(text(text, labels.isEmpty() ? "na" : differs ? "differs" : ""));
      }
      cells.add(gradeCell(geo));
      List<String> notes = new ArrayList<>(footnotesByCountry.get(geo));
      // Each reason of the grades once (by its id): its text as the release first gives it.
      Set<String> seen = new java.util.HashSet<>();
      ctx.release().grades().stream()
          .filter(g -> g.country().equals(geo) && inPeriod(g) && g.given() != 0)
          .flatMap(g -> g.reasons().stream())
          .filter(r -> !def.omitReasons().contains(r.id()) && seen.add(r.id().isEmpty() ? r.text() : r.id()))
          .map(r -> r.text().endsWith(".") ? r.text() : r.text() + ".")
          .filter(t -> !notes.contains(t))
          .forEach(notes::add);
      cells.add(text(notes.isEmpty() ? "" : String.join(" ", notes), "note"));
      rows.add(new Row(List.of(geo), List.of(ctx.label(Dimension.GEO, geo)), false, List.of(), cells));
    }
    return new RenderedTable(def.id(), def.title(), def.subtitle(), def.kind(),
        List.of(Dimension.GEO), List.of(head(def)), List.of("item"),
        columns, rows, List.of(), List.of(), List.of(), def.notes());
  }

  static String head(TableDef def) {
    String head = def.rows().isEmpty() ? null : def.rows().get(0).head();
    return head == null ? "Country" : head;
  }

  private static Cell text(String text, String style) {
    return new Cell(null, text, text, "", List.of(), null, 0, style, true, "");
  }

  private static String capitalised(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private boolean inPeriod(Grade g) {
    return g.year().isEmpty() || (g.year().matches("\\d{4}") && ctx.period().contains(Integer.parseInt(g.year())));
  }

  /**
   * The grades the release gives the country's tables in the period, each once with its label
   * ("B comparable with caveats; C not comparable"), leaving out tables of which no cell was given.
   */
  private Cell gradeCell(String geo) {
    Map<String, String> grades = new TreeMap<>();
    for (Grade g : ctx.release().grades()) {
      if (g.country().equals(geo) && inPeriod(g) && g.given() != 0) {
        grades.put(g.grade(), g.label());
      }
    }
    if (grades.isEmpty()) {
      return text(EurostatFormat.NOT_AVAILABLE, "na");
    }
    List<String> parts = new ArrayList<>();
    grades.forEach((grade, label) -> parts.add(label.isEmpty() ? grade : grade + " " + label));
    return text(String.join("; ", parts), "grade");
  }

  private List<Mapping> mappingsOf(String geo) {
    List<Mapping> out = new ArrayList<>();
    for (String id : ctx.release().mappingsByCountry().getOrDefault(geo, List.of())) {
      ctx.ref().mappings().stream().filter(m -> m.id().equals(id)).findFirst().ifPresent(out::add);
    }
    return out.isEmpty() ? ctx.ref().mappingsOf(geo) : out;
  }

  /**
   * The footnote texts on each country's cells in the period, in footnote id order, without the
   * footnotes of national definitions (the table shows the definitions themselves).
   */
  private Map<String, Set<String>> footnotesByCountry() {
    int geo = ctx.index(Dimension.GEO);
    int time = ctx.index(Dimension.TIME);
    Map<String, TreeSet<String>> ids = new TreeMap<>();
    for (Map.Entry<CellKey, Observation> e : ctx.release().cells().entrySet()) {
      CellKey k = e.getKey();
      if (ctx.isAggregate(k.get(geo)) || !ctx.period().contains(Integer.parseInt(k.get(time)))) {
        continue;
      }
      ids.computeIfAbsent(k.get(geo), g -> new TreeSet<>()).addAll(e.getValue().footnotes());
    }
    Set<String> concepts = ctx.ref().definitions().concepts().keySet();
    Map<String, Set<String>> out = new TreeMap<>();
    ids.forEach((country, set) -> {
      Set<String> texts = new LinkedHashSet<>();
      for (String id : set) {
        String suffix = id.substring(id.lastIndexOf('#') + 1);
        if (concepts.contains(suffix)) {
          continue;
        }
        ReleaseData.Footnote f = ctx.release().footnotes().get(id);
        texts.add(f == null ? id : f.text());
      }
      out.put(country, texts);
    });
    return out;
  }
}
