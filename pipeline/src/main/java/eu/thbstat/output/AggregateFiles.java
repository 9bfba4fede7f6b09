package eu.thbstat.output;

import eu.thbstat.aggregate.ConstantPanel;
import eu.thbstat.aggregate.EuAggregates;
import eu.thbstat.aggregate.Protection;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellKey;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release files of EU aggregation and protection: coverage.csv (which countries make up each
 * EU aggregate cell), changes.csv (changes on the constant panel), protection.csv (every
 * suppressed count and why; restricted) and the public outputs under public/: the cube with
 * confidential cells as ':' flagged c, the changes likewise, and the coverage.
 */
public final class AggregateFiles {
  public static final String COVERAGE_CSV = EuAggregates.COVERAGE_FILE;
  public static final String CHANGES_CSV = "changes.csv";
  public static final String PROTECTION_CSV = "protection.csv";
  public static final String PUBLIC_CUBE_CSV = "public/cube.csv";
  public static final String PUBLIC_CUBE_PARQUET = "public/cube.parquet";
  public static final String PUBLIC_CHANGES_CSV = "public/changes.csv";
  public static final String PUBLIC_COVERAGE_CSV = "public/coverage.csv";

  private AggregateFiles() {}

  public static Map<String, byte[]> render(Release release, ReferenceData ref) {
    CommonModel model = ref.model();
    EuAggregates.Result eu = new EuAggregates(ref).compute(release.observations());
    List<ConstantPanel.Change> changes = new ConstantPanel(ref).compute(release.observations());
    Protection.Result protection = new Protection(ref).protect(release.observations(), eu.aggregates());
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] coverage = coverageCsv(model, eu);
    files.put(COVERAGE_CSV, coverage);
    files.put(CHANGES_CSV, changesCsv(model, changes, null, false));
    files.put(PROTECTION_CSV, protectionCsv(model, protection));
    files.put(PUBLIC_CUBE_CSV, ReleaseWriter.cubeCsv(model, protection.publicCells()));
    files.put(PUBLIC_CUBE_PARQUET, CubeParquet.write(model, protection.publicCells()));
    files.put(PUBLIC_CHANGES_CSV, changesCsv(model, changes, protection, true));
    files.put(PUBLIC_COVERAGE_CSV, coverage);
    return files;
  }

  private static List<String> dimensions(CommonModel model) {
    return new ArrayList<>(model.dimensionIds());
  }

  static byte[] coverageCsv(CommonModel model, EuAggregates.Result eu) {
    List<String> header = dimensions(model);
    header.addAll(List.of("countries", "n_countries", "n_members", "estimated", "population_reporting", "population_eu", "population_share", "published"));
    List<List<String>> rows = new ArrayList<>();
    for (EuAggregates.Aggregate a : eu.aggregates()) {
      EuAggregates.Coverage c = a.coverage();
      List<String> row = new ArrayList<>(a.cell().key().codes());
      row.add(String.join(" ", c.countries()));
      row.add(Integer.toString(c.countries().size()));
      row.add(Integer.toString(c.members()));
      row.add(String.join(" ", c.estimated()));
      row.add(c.populationReporting() == null ? ":" : Long.toString(c.populationReporting()));
      row.add(c.populationEu() == null ? ":" : Long.toString(c.populationEu()));
      row.add(ReleaseWriter.format(c.share(), 4));
      row.add(Boolean.toString(c.published()));
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }

  /**
   * The changes; for the public file only published ones, and with values, change and counts of
   * countries as ':' flagged c when a national count they come from is suppressed.
   */
  static byte[] changesCsv(CommonModel model, List<ConstantPanel.Change> changes, Protection.Result protection, boolean publicFile) {
    int geo = model.index(Dimension.GEO);
    int time = model.index(Dimension.TIME);
    List<String> header = dimensions(model);
    header.add(time + 1, "from_time");
    header.addAll(List.of("panel", "n_panel", "panel_population_share", "value_from", "value_to", "change_pct", "increased", "decreased", "unchanged", "obs_flag", "published"));
    List<List<String>> rows = new ArrayList<>();
    for (ConstantPanel.Change c : changes) {
      if (publicFile && !c.published()) {
        continue;
      }
      boolean hidden = publicFile && c.sources(geo, time).stream().anyMatch(protection::isSuppressed);
      List<String> row = new ArrayList<>(c.key().codes());
      row.add(time + 1, Integer.toString(c.fromYear()));
      row.add(String.join(" ", c.panel()));
      row.add(Integer.toString(c.panel().size()));
      row.add(ReleaseWriter.format(c.populationShare(), 4));
      row.add(hidden ? ":" : ReleaseWriter.format(c.from(), 0));
      row.add(hidden ? ":" : ReleaseWriter.format(c.to(), 0));
      row.add(hidden ? ":" : ReleaseWriter.format(c.percent(), 1));
      row.add(hidden ? ":" : Integer.toString(c.increased()));
      row.add(hidden ? ":" : Integer.toString(c.decreased()));
      row.add(hidden ? ":" : Integer.toString(c.unchanged()));
      row.add(hidden ? Protection.FLAG : "");
      row.add(Boolean.toString(c.published()));
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }

  static byte[] protectionCsv(CommonModel model, Protection.Result protection) {
    List<String> header = dimensions(model);
    header.addAll(List.of("obs_value", "reason", "protects", "attack"));
    List<List<String>> rows = new ArrayList<>();
    for (Protection.Suppression s : protection.suppressed().values()) {
      List<String> row = new ArrayList<>(s.key().codes());
      row.add(ReleaseWriter.format(s.value(), 0));
      row.add(s.reason().name());
      CellKey protects = s.protects();
      row.add(protects == null ? "" : protects.toString());
      row.add(CsvText.safe(s.attack()));
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }
}
