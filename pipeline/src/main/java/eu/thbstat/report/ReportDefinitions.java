package eu.thbstat.report;

import java.util.List;
import java.util.Map;

/**
 * What the progress report shows, as read from reports/ by {@link ReportDefinitionLoader}: the
 * report's title and the order of its sections, the tables, the charts and the key-figure
 * sentences. The formats are defined in reports/README.md.
 *
 * @param coverageNotes how the coverage of an EU aggregate is stated under a table
 * @param sections ids of tables and charts, and {@link #KEY_FIGURES}, in the order of the report
 * @param flagLabels Eurostat flag letter to its label (schemas/flags.yaml)
 */
public record ReportDefinitions(
    String title,
    String subtitle,
    CoverageNotes coverageNotes,
    List<String> sections,
    List<TableDef> tables,
    List<ChartDef> charts,
    KeyFigureDefs keyFigures,
    Map<String, String> flagLabels) {

  /**
   * Notes on the cells of EU aggregates, from report.yaml: placeholders {aggregate}, {year},
   * {countries}, {members}, {list}, {population}.
   *
   * @param published for an aggregate in the cube: what it adds up
   * @param notPublished for an aggregate below the coverage threshold, printed ':'
   */
  public record CoverageNotes(String published, String notPublished) {}

  /** The section id that places the key-figure sentences. */
  public static final String KEY_FIGURES = "key-figures";

  public ReportDefinitions {
    sections = List.copyOf(sections);
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
    flagLabels = Map.copyOf(flagLabels);
  }

  public TableDef table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + id));
  }

  /** What a table shows in its cells. */
  public enum Kind {
    /** Cells of the harmonised cube, selected by codes. */
    CUBE,
    /** Cells provided against cells asked by the tables of schemas/tables.yaml, per country and year. */
    AVAILABILITY,
    /** National definitions, comparability grades and footnotes per country. */
    COMPARABILITY
  }

  /** Which flags and footnotes a table shows. */
  public enum FootnotePolicy {
    /** Flags after values, footnote marks on the title, rows or cells, texts under the table. */
    CELL,
    /** Flags after values, footnote texts under the table without marks. */
    TABLE,
    /** Flags after values, no footnotes. */
    NONE
  }

  /**
   * One axis of a table: one dimension, or several crossed in fixed combinations.
   *
   * @param dimensions the dimensions of the axis (one, or several for a composite axis)
   * @param codes the codes, one list per position (of the length of {@code dimensions}); empty for
   *     the default (the period's years for time, the countries present for geo, the codes present
   *     otherwise). Tokens: {@link #COUNTRIES} and {@link #EU} for geo.
   * @param labels header labels by code (codes of a composite joined by a space)
   * @param head on the rows: the header of the label column (default: the dimensions' labels)
   */
  public record Axis(List<String> dimensions, List<List<String>> codes, Map<String, String> labels, String head) {
    /** geo: every country with a cell in the table. */
    public static final String COUNTRIES = "COUNTRIES";
    /** geo: the EU aggregate of the reference year (seeds/eu-aggregates.csv). */
    public static final String EU = "EU";

    public Axis {
      dimensions = List.copyOf(dimensions);
      codes = codes.stream().map(List::copyOf).toList();
      labels = Map.copyOf(labels);
    }

    public boolean composite() {
      return dimensions.size() > 1;
    }
  }

  /**
   * Row order: by code (the order given, else the code list's), by label, or by the value of a
   * column. Rows of EU aggregates always come last.
   *
   * @param column 1-based data column for {@code by: value}; 0 means the last
   */
  public record Sort(String by, int column, boolean descending) {
    public static final Sort BY_CODE = new Sort("code", 0, false);
  }

  /**
   * A table definition (reports/tables/*.yaml).
   *
   * @param file the definition file relative to the home, for messages
   * @param filters codes fixed for the whole table; a dimension on no axis and not here is at its
   *     total
   * @param collectionTables for {@link Kind#AVAILABILITY}: ids of schemas/tables.yaml
   * @param concepts for {@link Kind#COMPARABILITY}: concepts of schemas/definitions.yaml
   * @param omitReasons for {@link Kind#COMPARABILITY}: ids of grade reasons not repeated in the notes
   * @param notes sentences printed under the table
   */
  public record TableDef(
      String id,
      String file,
      Kind kind,
      String title,
      String subtitle,
      Map<String, String> filters,
      List<Axis> rows,
      List<Axis> columns,
      Sort sort,
      FootnotePolicy footnotes,
      List<String> collectionTables,
      List<String> concepts,
      List<String> omitReasons,
      List<String> notes) {

    public TableDef {
      filters = Map.copyOf(filters);
      rows = List.copyOf(rows);
      columns = List.copyOf(columns);
      collectionTables = List.copyOf(collectionTables);
      concepts = List.copyOf(concepts);
      omitReasons = List.copyOf(omitReasons);
      notes = List.copyOf(notes);
    }
  }

  /** The kinds of chart the report draws. */
  public enum ChartType {
    /** One bar per row of the data, its columns stacked. */
    STACKED_BARS,
    /** One group of bars per row of the data, one bar per column. */
    GROUPED_BARS
  }

  /**
   * A chart definition (reports/charts/*.yaml): its data is laid out like a table, rows giving the
   * bars (or groups of bars) and columns the series.
   */
  public record ChartDef(
      String id, String file, ChartType type, String title, String valueAxis, String categoryAxis, TableDef data) {}

  /**
   * The key-figure sentences (reports/key-figures.yaml).
   *
   * @param coverage sentence part giving a figure's coverage: placeholders {countries}, {members},
   *     {aggregate}, {years}
   * @param notAvailable sentence used when a figure cannot be given: placeholders {label},
   *     {period}, {reason}
   */
  public record KeyFigureDefs(String file, String title, String coverage, String notAvailable, List<KeyFigureDef> figures) {
    public KeyFigureDefs {
      figures = List.copyOf(figures);
    }
  }

  /**
   * One sentence: a template with {period}, {coverage} and the named values.
   *
   * @param values by placeholder name, in the order of the file
   */
  public record KeyFigureDef(String id, String label, String sentence, Map<String, ValueDef> values) {}

  /**
   * A figure in a sentence: the EU count over the period, or a share along one dimension.
   *
   * @param measure "count" or "share"
   * @param cells codes fixing the cells (dimensions not named are at their totals)
   * @param along for a share: the dimension whose categories make up the whole
   * @param part for a share: the code(s) of that dimension whose sum is the part
   */
  public record ValueDef(String measure, Map<String, String> cells, String along, List<String> part) {
    public ValueDef {
      cells = Map.copyOf(cells);
      part = List.copyOf(part);
    }
  }
}
