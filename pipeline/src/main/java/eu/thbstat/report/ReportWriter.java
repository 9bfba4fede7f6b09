package eu.thbstat.report;

import eu.thbstat.output.CsvText;
import eu.thbstat.report.ReportDefinitions.ChartDef;
import eu.thbstat.report.ReportDefinitions.Kind;
import eu.thbstat.report.ReportDefinitions.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the whole report from a release: the tables, charts and key figures in the order of
 * reports/report.yaml, rendered to {@value #HTML} (through the FreeMarker template
 * reports/templates/report.ftlh), one CSV and one XLSX per table under {@value #TABLES}, and the
 * key-figure sentences as {@value #KEY_FIGURES_CSV}. Rendering is separate from writing: the
 * result is file name to bytes, the same bytes run after run.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String TABLES = "tables/";
  public static final String KEY_FIGURES_CSV = "key-figures.csv";

  private ReportWriter() {}

  /** One section of the report, in order: a table, a chart or the key figures. */
  public record Section(String kind, String id, RenderedTable table, SvgChart chart, String csv, String xlsx) {}

  /** The report's content before rendering. */
  public record Content(List<Section> sections, List<KeyFigures.Sentence> sentences, List<RenderedTable> tables) {}

  /** Builds every table, chart and sentence of the report. */
  public static Content build(ReportContext ctx) {
    List<Section> sections = new ArrayList<>();
    List<RenderedTable> tables = new ArrayList<>();
    List<KeyFigures.Sentence> sentences = ctx.defs().keyFigures() == null
        ? List.of() : new KeyFigures(ctx).sentences();
    for (String id : ctx.defs().sections()) {
      if (id.equals(ReportDefinitions.KEY_FIGURES)) {
        sections.add(new Section("key-figures", id, null, null, null, null));
        continue;
      }
      TableDef t = ctx.defs().tables().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      if (t != null) {
        RenderedTable rendered = table(ctx, t);
        tables.add(rendered);
        sections.add(new Section("table", id, rendered, null, TABLES + id + ".csv", TABLES + id + ".xlsx"));
        continue;
      }
      ChartDef c = ctx.defs().charts().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      sections.add(new Section("chart", id, null, new ChartBuilder(ctx).build(c), null, null));
    }
    return new Content(sections, sentences, tables);
  }

  static RenderedTable table(ReportContext ctx, TableDef t) {
    return switch (t.kind()) {
      case CUBE -> new CubeTableBuilder(ctx).build(t);
      case AVAILABILITY -> new AvailabilityTableBuilder(ctx).build(t);
      case COMPARABILITY -> new ComparabilityTableBuilder(ctx).build(t);
    };
  }

  /** Every file of the report, by name relative to the output folder. */
  public static Map<String, byte[]> render(ReportContext ctx, Path templates, String version) {
    Content content = build(ctx);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(HTML, HtmlReport.render(ctx, content, templates, version));
    for (RenderedTable t : content.tables()) {
      files.put(TABLES + t.id() + ".csv", TableCsv.write(t));
      files.put(TABLES + t.id() + ".xlsx", TableXlsx.write(t));
    }
    List<List<String>> rows = new ArrayList<>();
    for (KeyFigures.Sentence s : content.sentences()) {
      rows.add(List.of(s.id(), s.label(), s.available() ? "yes" : "no", CsvText.safe(s.text())));
    }
    files.put(KEY_FIGURES_CSV, CsvText.write(List.of("id", "label", "available", "sentence"), rows));
    return files;
  }

  /** Whether a table shows cube values (and so has flags and ':'), for the template. */
  static boolean isCube(RenderedTable t) {
    return t.kind() == Kind.CUBE;
  }
}
