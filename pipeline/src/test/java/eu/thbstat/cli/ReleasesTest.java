package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases through the command line, on the DirectRunner: a release over sample-inputs/; the same
 * run into another folder gives byte-identical files; the Netherlands then re-submit 2022 with
 * changed figures (suspects 297 -> 300, women 52 -> 55, the row of unknown sex dropped; the 2022 rows, lines 78-115 of the original, become lines 2-38) and only
 * that file is given: NL 2022 is replaced, everything else carries forward, the revision report
 * lists exactly the changes with old and new values and the changed cells carry flag r; running
 * that again publishes nothing new; explain traces reported, carried, derived and computed cells.
 */
class ReleasesTest {
  @TempDir static Path dir;
  private static final Map<String, String> outputs = new HashMap<>();
  private static final Map<String, Integer> codes = new HashMap<>();
  private static String first;
  private static String second;

  private static int thbstat(String name, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    outputs.put(name, out + err.toString());
    codes.put(name, code);
    return code;
  }

  private static String run(String name, Path input, Path output) {
    thbstat(name, "run", "--home", TestData.home().toString(), "--input", input.toString(), "--output", output.toString());
    return outputs.get(name);
  }

  @BeforeAll
  static void runs() throws IOException {
    run("first", TestData.sampleInputs(), dir.resolve("out"));
    first = Files.readString(dir.resolve("out/latest")).trim();
    run("again elsewhere", TestData.sampleInputs(), dir.resolve("elsewhere"));

    Path resubmission = Files.createDirectories(dir.resolve("nl-2022/NL"));
    List<String> lines = new ArrayList<>();
    List<String> original = Files.readAllLines(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"));
    lines.add(original.get(0));
    for (String line : original) {
      if (line.startsWith("2022;") && !line.equals("2022;verdachte;onbekend;totaal;totaal;totaal;5;")) {
        lines.add(line.replace("2022;verdachte;totaal;totaal;totaal;totaal;297;", "2022;verdachte;totaal;totaal;totaal;totaal;300;")
            .replace("2022;verdachte;vrouw;totaal;totaal;totaal;52;", "2022;verdachte;vrouw;totaal;totaal;totaal;55;"));
      }
    }
    Files.write(resubmission.resolve("NL_mensenhandel_2022-revised.csv"), lines, StandardCharsets.UTF_8);
    run("resubmission", dir.resolve("nl-2022"), dir.resolve("out"));
    second = Files.readString(dir.resolve("out/latest")).trim();
    run("resubmission again", dir.resolve("nl-2022"), dir.resolve("out"));
  }

  private static Map<String, byte[]> folder(Path p) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.walk(p)) {
      for (Path f : list.filter(Files::isRegularFile).toList()) {
        files.put(p.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private static List<CSVRecord> csv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  private static Map<String, CSVRecord> cube(String release) throws IOException {
    Map<String, CSVRecord> cells = new HashMap<>();
    for (CSVRecord r : csv(dir.resolve("out").resolve(release).resolve("cube.csv"))) {
      cells.put(String.join(".", r.toList().subList(0, 9)), r);
    }
    return cells;
  }

  @Test
  void aRunPublishesAReleaseFolderAndLatestNamesIt() throws IOException {
    assertThat(outputs.get("first"), codes.get("first"), is(1)); // the UK's inconsistent totals
    assertThat(first.matches("0001-[0-9a-f]{12}"), is(true));
    assertThat(outputs.get("first"), containsString("Release written to " + dir.resolve("out").resolve(first)));
    assertThat(folder(dir.resolve("out").resolve(first)).keySet().toString(),
        is("[changes.csv, comparability.csv, coverage.csv, cube.csv, cube.parquet, cube.sdmx.csv, findings.csv, findings.json, footnotes.csv, lineage.csv, manifest.json, "
            + "protection.csv, public/changes.csv, public/coverage.csv, public/cube.csv, public/cube.parquet, quarantine.csv, revisions.csv]"));
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("out").resolve(first).resolve("manifest.json").toFile());
    assertThat(manifest.path("release").path("id").asText(), is(first));
    assertThat(manifest.path("release").path("previous").isNull(), is(true));
    JsonNode de = null;
    for (JsonNode f : manifest.path("files")) {
      if (f.path("file").asText().equals("DE/DE_indicator_16-2-2.csv")) {
        de = f;
      }
    }
    assertThat(de.path("sha256").asText(),
        is(eu.thbstat.reference.ReferenceDataLoader.sha256(Files.readAllBytes(TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv")))));
    assertThat(manifest.path("reference_files").path("mappings/NL-mensenhandel-synthetic.yaml").asText().length(), is(64));
    assertThat(csv(dir.resolve("out").resolve(first).resolve("revisions.csv")).size(), is(0));
  }

  @Test
  void twoRunsOverTheSameInputsGiveByteIdenticalReleases() throws IOException {
    assertThat(Files.readString(dir.resolve("elsewhere/latest")).trim(), is(first));
    Map<String, byte[]> a = folder(dir.resolve("out").resolve(first));
    Map<String, byte[]> b = folder(dir.resolve("elsewhere").resolve(first));
    assertThat(b.keySet(), is(a.keySet()));
    for (String name : a.keySet()) {
      assertThat(name, java.util.Arrays.equals(a.get(name), b.get(name)), is(true));
    }
  }

  @Test
  void aResubmissionReplacesItsCountryAndYearAndTheRevisionReportListsEveryChange() throws IOException {
    assertThat(second, not(first));
    assertThat(second.startsWith("0002-"), is(true));
    assertThat(outputs.get("resubmission"), containsString(
        "Revisions against release " + first + ": 0 cells added, 6 changed (flag r), 1 removed, 0 with other flags (revisions.csv)"));
    List<String> revisions = new ArrayList<>();
    for (CSVRecord r : csv(dir.resolve("out").resolve(second).resolve("revisions.csv"))) {
      revisions.add(String.join(".", r.toList().subList(0, 9)) + " " + r.get("change") + " " + r.get("old_value") + " -> " + r.get("new_value")
          + " [" + r.get("old_flag") + "|" + r.get("new_flag") + "] " + r.get("old_source") + " -> " + r.get("new_source"));
    }
    String file = "NL/NL_mensenhandel_2020-2023.csv";
    String resent = "NL/NL_mensenhandel_2022-revised.csv";
    assertThat(String.join("\n", revisions), is(String.join("\n",
        "NL.2022.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.NR CHANGED 52 -> 55 [|r] " + file + ":105 -> " + resent + ":29",
        // shares by sex on the known sexes (M stays 240): 52 / 292 = 17.8 %, 55 / 295 = 18.6 %
        "NL.2022.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.PC CHANGED 17.8 -> 18.6 [|r] COMPUTED -> COMPUTED",
        "NL.2022.PER_SUSP._Z.M.TOTAL.TOTAL.TOTAL.PC CHANGED 82.2 -> 81.4 [|r] COMPUTED -> COMPUTED",
        "NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR CHANGED 297 -> 300 [|r] " + file + ":104 -> " + resent + ":28",
        // 297 and 300 of 17 590 672 inhabitants (seeds/population.csv, NL 2022)
        "NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.P_HTHAB CHANGED 1.69 -> 1.71 [|r] COMPUTED -> COMPUTED",
        "NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.P_MHAB CHANGED 16.9 -> 17.1 [|r] COMPUTED -> COMPUTED",
        "NL.2022.PER_SUSP._Z.UNK.TOTAL.TOTAL.TOTAL.NR REMOVED 5 ->  [|] " + file + ":107 -> ")));

    Map<String, CSVRecord> before = cube(first);
    Map<String, CSVRecord> after = cube(second);
    assertThat(after.get("NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("r"));
    assertThat(after.get("NL.2022.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("r"));
    assertThat(after.get("NL.2022.PER_SUSP._Z.M.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is(""));
    assertThat(after.containsKey("NL.2022.PER_SUSP._Z.UNK.TOTAL.TOTAL.TOTAL.NR"), is(false));
    // everything else is as it was, read in the first release: NL 2023 still provisional, DE unchanged
    assertThat(after.size(), is(before.size() - 1));
    assertThat(after.get("NL.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("1053"));
    assertThat(after.get("NL.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("p"));
    assertThat(after.get("NL.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("source"), is("[" + first + "]" + file + ":116"));
    assertThat(after.get("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("1495"));
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("out").resolve(second).resolve("manifest.json").toFile());
    assertThat(manifest.path("release").path("previous").asText(), is(first));
    assertThat(manifest.path("release").path("sequence").asInt(), is(2));
    // the reported cells before, of which the 38 of NL 2022 are replaced by the 37 sent again
    JsonNode cellsBefore = new ObjectMapper().readTree(dir.resolve("out").resolve(first).resolve("manifest.json").toFile()).path("cells");
    long reportedBefore = cellsBefore.path("REPORTED").asLong();
    assertThat(manifest.path("release").path("carried_forward").asLong(), is(reportedBefore - 38));
    assertThat(manifest.path("cells").path("REPORTED").asLong(), is(reportedBefore - 38 + 37));
    assertThat(manifest.path("totals").path("files").asLong(), is(1L));
    // the first release is untouched
    assertThat(cube(first).get("NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("297"));
  }

  @Test
  void runningTheSameInputsAgainPublishesNothingNew() throws IOException {
    assertThat(outputs.get("resubmission again"), containsString("are those of release " + second + ": it stays the latest, no new release."));
    assertThat(Files.readString(dir.resolve("out/latest")).trim(), is(second));
    try (Stream<Path> list = Files.list(dir.resolve("out"))) {
      assertThat(list.map(p -> p.getFileName().toString()).sorted().toList(), is(List.of(first, second, "latest")));
    }
  }

  private String explain(String key) {
    thbstat("explain " + key, "explain", "--release", dir.resolve("out").toString(), key);
    return outputs.get("explain " + key);
  }

  @Test
  void explainTracesARateToItsCountRecordMappingAndPopulation() {
    String text = explain("NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.P_HTHAB");
    assertThat(codes.get("explain NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.P_HTHAB"), is(0));
    assertThat(text, containsString("NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.P_HTHAB = 1.71 r, COMPUTED in release " + second));
    assertThat(text, containsString("computed: P_HTHAB = NR / population x 100 000"));
    assertThat(text, containsString("population: NL on 1 January 2022 = 17590672 (seeds/population.csv"));
    assertThat(text, containsString("NL.2022.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR = 300 r, REPORTED in release " + second));
    assertThat(text, containsString("file NL/NL_mensenhandel_2022-revised.csv, line 28, mapping NL-mensenhandel-synthetic"));
    assertThat(text, containsString("record: 2022;verdachte;totaal;totaal;totaal;totaal;300;"));
    assertThat(text, containsString("leg_stat: column \"status\" \"verdachte\" -> PER_SUSP"));
    assertThat(text, containsString("sex: column \"geslacht\" \"totaal\" -> T"));
    assertThat(text, containsString("unit: constant NR"));
    assertThat(text, containsString("value: column \"aantal\" \"300\""));
  }

  @Test
  void explainTracesADerivedTotalToItsComponentsReadInTheEarlierRelease() {
    String text = explain("DE.2010.PER_VICT.TOTAL.T.Y_LT18.TOTAL.SEX.NR");
    assertThat(text, containsString("DE.2010.PER_VICT.TOTAL.T.Y_LT18.TOTAL.SEX.NR = 92 d, DERIVED in release " + second));
    assertThat(text, containsString("derived: age Y_LT18 = Y_LT14 + Y14-17"));
    assertThat(text, containsString("DE.2010.PER_VICT.TOTAL.T.Y_LT14.TOTAL.SEX.NR = 13 d, REPORTED in release " + first));
    assertThat(text, containsString("file DE/DE_indicator_16-2-2.csv, line 347, mapping DE-destatis-sdg"));
    assertThat(text, containsString("record: 2010,number,,13 years and younger,sexual exploitation,,,,13"));
    assertThat(text, containsString("age: column \"age group\" \"13 years and younger\" -> Y_LT14"));
    assertThat(text, containsString("DE.2010.PER_VICT.TOTAL.T.Y14-17.TOTAL.SEX.NR = 79 d, REPORTED in release " + first));
  }

  @Test
  void explainOfAnUnknownCellSaysSoAndCannotRun() {
    explain("NL.2022.PER_SUSP._Z.X.TOTAL.TOTAL.TOTAL.NR");
    assertThat(codes.get("explain NL.2022.PER_SUSP._Z.X.TOTAL.TOTAL.TOTAL.NR"), is(2));
    assertThat(outputs.get("explain NL.2022.PER_SUSP._Z.X.TOTAL.TOTAL.TOTAL.NR"), containsString("no cell NL.2022.PER_SUSP._Z.X.TOTAL.TOTAL.TOTAL.NR in release " + second));
  }
}
