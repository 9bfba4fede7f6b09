package eu.thbstat.aggregate;

import static eu.thbstat.aggregate.Cells.count;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release files of aggregation and protection, rendered from hand-made inputs: Luxembourg and
 * Malta, victims by sex in 2021 and 2022; Luxembourg's 2 female victims of 2022 are confidential.
 * Every aggregate is published (coverage threshold 0).
 */
class ReleaseFilesTest {
  private static Map<String, byte[]> files;

  private static List<Observation> bySex(String geo, int year, double f, double m) {
    return List.of(count(geo, year, "F", "TOTAL", "TOTAL", "TOTAL", f, ""), count(geo, year, "M", "TOTAL", "TOTAL", "TOTAL", m, ""),
        count(geo, year, "T", "TOTAL", "TOTAL", "TOTAL", f + m, ""));
  }

  @BeforeAll
  static void render() {
    ReferenceData ref = Cells.anyCoverage();
    List<Observation> national = new ArrayList<>();
    national.addAll(bySex("LU", 2021, 6, 30));
    national.addAll(bySex("LU", 2022, 2, 40));
    national.addAll(bySex("MT", 2021, 10, 12));
    national.addAll(bySex("MT", 2022, 30, 35));
    Release release = ReleaseSteps.apply(ref, new Release(national, List.of(), List.of(), List.of()));
    files = ReleaseWriter.render(release, ref, new RunInfo("test", "test", "hand-made"));
  }

  private static List<CSVRecord> csv(String name) {
    try {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(new String(files.get(name), StandardCharsets.UTF_8))).getRecords();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static CSVRecord row(String name, String key) {
    return csv(name).stream().filter(r -> String.join(".", r.toList().subList(0, 9)).equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + name));
  }

  @Test
  void theRestrictedCubeKeepsTheExactCountAndThePublicOneHidesIt() {
    assertThat(row("cube.csv", "LU.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("2"));
    CSVRecord hidden = row("public/cube.csv", "LU.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR");
    assertThat(hidden.get("obs_value"), is(":"));
    assertThat(hidden.get("obs_flag"), is("c"));
    // and with it LU M (T = F + M) and MT F, MT M (the EU sums); their shares; the totals stay
    for (String key : List.of("LU.2022.PER_VICT.TOTAL.M.TOTAL.TOTAL.TOTAL.NR", "MT.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR",
        "LU.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.PC")) {
      assertThat(key, row("public/cube.csv", key).get("obs_value"), is(":"));
    }
    assertThat(row("public/cube.csv", "LU.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("42"));
    assertThat(row("public/cube.csv", "EU27_2020.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("32"));
    assertThat(csv("public/cube.csv").size(), is(csv("cube.csv").size()));
  }

  @Test
  void protectionCsvSaysWhyEachCellIsSuppressed() {
    assertThat(row("protection.csv", "LU.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR").get("reason"), is("PRIMARY"));
    CSVRecord m = row("protection.csv", "LU.2022.PER_VICT.TOTAL.M.TOTAL.TOTAL.TOTAL.NR");
    assertThat(m.get("reason"), is("SECONDARY_SINGLE_EQUATION"));
    assertThat(m.get("protects"), is("LU.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR"));
    assertThat(m.get("attack"), containsString("sex: T = F + M + UNK"));
  }

  @Test
  void coverageNamesTheCountriesOfEachAggregateCell() {
    CSVRecord c = row("coverage.csv", "EU27_2020.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR");
    assertThat(c.get("countries"), is("LU MT"));
    assertThat(c.get("n_countries"), is("2"));
    assertThat(c.get("n_members"), is("27"));
    assertThat(c.get("population_reporting"), is(Long.toString(645_397L + 520_174)));
    assertThat(c.get("population_eu"), is("445972024"));
    assertThat(c.get("published"), is("true"));
    // the aggregate's source in the cube is its coverage row
    List<CSVRecord> rows = csv("coverage.csv");
    int line = 2; // line 1 is the header
    while (!String.join(".", rows.get(line - 2).toList().subList(0, 9)).equals("EU27_2020.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR")) {
      line++;
    }
    assertThat(row("cube.csv", "EU27_2020.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR").get("source"), is("coverage.csv:" + line));
    assertThat(new String(files.get("public/coverage.csv"), StandardCharsets.UTF_8), is(new String(files.get("coverage.csv"), StandardCharsets.UTF_8)));
  }

  @Test
  void aChangeFromASuppressedCountIsHiddenInThePublicChanges() {
    // the first nine columns of changes.csv: geo, time, from_time, then the other dimensions
    CSVRecord restricted = row("changes.csv", "EU27_2020.2022.2021.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL");
    assertThat(restricted.get("panel"), is("LU MT"));
    assertThat(restricted.get("value_from"), is("16"));
    assertThat(restricted.get("value_to"), is("32"));
    assertThat(restricted.get("change_pct"), is("100.0"));
    CSVRecord hidden = row("public/changes.csv", "EU27_2020.2022.2021.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL");
    assertThat(hidden.get("change_pct"), is(":"));
    assertThat(hidden.get("obs_flag"), is("c"));
    // the total's change rests on published counts only: 58 -> 107
    CSVRecord total = row("public/changes.csv", "EU27_2020.2022.2021.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL");
    assertThat(total.get("change_pct"), is("84.5"));
  }

  @Test
  void theManifestHashesTheNewFiles() {
    String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
    for (String f : List.of("coverage.csv", "changes.csv", "protection.csv", "public/cube.csv", "public/cube.parquet", "public/changes.csv")) {
      assertThat(manifest, containsString("\"" + f + "\""));
    }
    assertThat(new ArrayList<>(files.keySet()), hasItem("public/cube.parquet"));
  }
}
