package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report reads of a release folder (what {@code thbstat run --output DIR} writes): the
 * cells of the cube, the footnote texts, the coverage of EU aggregates and the comparability
 * grades when the release has them, and the mappings each country's files were read with.
 *
 * @param folder the release folder
 * @param cubeFile the cube file read, relative to the folder ({@code public/cube.csv} or
 *     {@code cube.csv})
 * @param cells the cube's cells by key
 * @param footnotes footnote id to its text and country
 * @param coverage coverage of EU aggregate cells by cell key (empty when the release has none)
 * @param grades comparability grades (empty when the release has none)
 * @param mappingsByCountry the mapping ids the manifest names for each country's files
 */
public record ReleaseData(
    Path folder,
    String cubeFile,
    Map<CellKey, Observation> cells,
    Map<String, Footnote> footnotes,
    Map<CellKey, Coverage> coverage,
    List<Grade> grades,
    Map<String, List<String>> mappingsByCountry) {

  public ReleaseData {
    cells = Map.copyOf(cells);
    footnotes = Map.copyOf(footnotes);
    coverage = Map.copyOf(coverage);
    grades = List.copyOf(grades);
    mappingsByCountry = Map.copyOf(mappingsByCountry);
  }

  public Optional<Observation> cell(CellKey key) {
    return Optional.ofNullable(cells.get(key));
  }

  /** A footnote of footnotes.csv. */
  public record Footnote(String id, String country, String text) {}

  /**
   * Which Member States an EU aggregate cell adds up (coverage.csv).
   *
   * @param countries the reporting Member States, in code order
   * @param members how many Member States the aggregate has in that year
   * @param populationShare the reporting countries' share of the EU population (0 to 1), or NaN
   * @param published whether the aggregate passed the coverage threshold and is in the cube
   */
  public record Coverage(List<String> countries, int members, double populationShare, boolean published) {
    public Coverage {
      countries = List.copyOf(countries);
    }
  }

  /**
   * A comparability grade of comparability.csv: one country, table and year.
   *
   * @param table the data-collection table (schemas/tables.yaml), or another part the release grades
   * @param label what the grade means ("comparable with caveats"), or ""
   * @param given cells of the table given, or -1 when the release does not say
   * @param reasons why, as the release explains it: reason id (or "") to its text, in order
   */
  public record Grade(String country, String table, String year, String grade, String label, long given, List<Reason> reasons) {
    public Grade {
      reasons = List.copyOf(reasons);
    }
  }

  /** One reason of a grade: its id in the release's rules ("" when not given) and its text. */
  public record Reason(String id, String text) {}
}
