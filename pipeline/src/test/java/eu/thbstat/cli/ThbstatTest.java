package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0 / 1 / 2 and messages that name file, line and column. */
class ThbstatTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int thbstat(String... args) {
    return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String home() {
    return TestData.home().toString();
  }

  @Test
  void validateACleanFileExitsZero() {
    int code = thbstat("validate", "--home", home(), "--country", "DE", TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv").toString());
    assertThat(err.toString(), code, is(0));
    // no error; level 3: three unexplained year-on-year changes (2013, 2017) and ten explained by the 2022 footnotes
    assertThat(out.toString(), containsString("DE: 1 file(s), 510 records read, 0 quarantined; 0 errors, 3 warnings, 10 notes"));
  }

  @Test
  void validateABrokenFileExitsOneAndSaysWhereAndWhat(@TempDir Path report) throws Exception {
    int code = thbstat("validate", "--home", home(), "--country", "NL", "--report", report.toString(),
        TestData.resource("broken/NL_mensenhandel_broken.csv").toString());
    assertThat(code, is(1));
    String text = out.toString();
    assertThat(text, containsString("ERROR   NL_mensenhandel_broken.csv:8: column \"aantal\": \"veel\" in column \"aantal\" is not a number [VALUE_NOT_NUMERIC, level 1]"));
    assertThat(text, containsString("ERROR   NL_mensenhandel_broken.csv:7: column \"aantal\": The count -3 in column \"aantal\" is negative"));
    assertThat(text, containsString("ERROR   NL_mensenhandel_broken.csv:9: column \"geslacht\": \"anders\""));
    assertThat(text, containsString("ERROR   NL_mensenhandel_broken.csv:2: sex T = 100 but its components F + M + UNK add up to 95 [HIERARCHY_SUM, level 2]"));
    assertThat(text, containsString("NL: 1 file(s), 10 records read, 3 quarantined; 4 errors, 0 warnings, 0 notes"));
    assertThat(Files.readString(report.resolve("findings.json")), containsString("\"rule\" : \"HIERARCHY_SUM\""));
    assertThat(Files.readString(report.resolve("quarantine.csv")), containsString("2022;slachtoffer;anders;totaal;totaal;totaal;1;"));
  }

  @Test
  void validateWritesTheFeedbackReport(@TempDir Path report) throws Exception {
    int code = thbstat("validate", "--home", home(), "--country", "UK", "--report", report.toString(),
        TestData.sampleInputs().resolve("UK/UK_indicator_16-2-2.csv").toString());
    assertThat(code, is(1));
    assertThat(out.toString(), containsString("feedback: feedback.html, feedback.json, feedback.csv"));
    assertThat(Files.readString(report.resolve("feedback.html")), containsString("<h1>thbstat feedback report: UK</h1>"));
    assertThat(Files.readString(report.resolve("feedback.json")), containsString("\"rule\" : \"HIERARCHY_SUM\""));
    assertThat(Files.readString(report.resolve("comparability.csv")), containsString("UK,2021,VICT_STATUS,B,"));
  }

  @Test
  void validateWithAPreviousReleaseThatIsNotThereCannotRun(@TempDir Path nothing) {
    int code = thbstat("validate", "--home", home(), "--country", "DE", "--previous", nothing.toString(),
        TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv").toString());
    assertThat(code, is(2));
    assertThat(err.toString(), containsString("the previous release cannot be used"));
  }

  @Test
  void rulesListsTheCatalogueAndExportsVtl() {
    assertThat(thbstat("rules", "--home", home()), is(0));
    assertThat(out.toString(), containsString("YOY_CHANGE"));
    assertThat(out.toString(), containsString("test poisson_ratio"));
    assertThat(thbstat("rules", "--home", home(), "--vtl"), is(0));
    assertThat(out.toString(), containsString("define datapoint ruleset dpr_thb_status"));
    assertThat(out.toString(), containsString("end hierarchical ruleset;"));
  }

  @Test
  void validateWithoutAMappingForTheCountryCannotRun() {
    assertThat(thbstat("validate", "--home", home(), "--country", "FR", "x.csv"), is(2));
    assertThat(err.toString(), containsString("no mapping in mappings/ is for country FR"));
  }

  @Test
  void validateAMissingFileCannotRun() {
    assertThat(thbstat("validate", "--home", home(), "--country", "DE", "no-such-file.csv"), is(2));
    assertThat(err.toString(), containsString("no-such-file.csv is not a file"));
  }

  @Test
  void runWithoutItsOptionsCannotRunAndSaysWhy() {
    assertThat(thbstat("run"), is(2));
    assertThat(err.toString(), containsString("Missing required options: '--input=<input>', '--output=<output>'"));
  }

  @Test
  void aBrokenHomeCannotRunAndNamesTheFile(@TempDir Path emptyHome) {
    assertThat(thbstat("validate", "--home", emptyHome.toString(), "--country", "DE", "x.csv"), is(2));
    assertThat(err.toString(), containsString("seeds/geo.csv: cannot be read"));
  }

  @Test
  void runHarmonisesAFolderAndExitsOneWhenItFindsErrors(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/NL"));
    Files.copy(TestData.resource("broken/NL_mensenhandel_broken.csv"), input.resolve("NL_mensenhandel_broken.csv"));
    int code = thbstat("run", "--home", home(), "--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
    assertThat(err.toString(), code, is(1));
    assertThat(out.toString(), containsString("1 files, 10 records read: 7 harmonised, 3 quarantined, 0 excluded by mappings; 4 errors, 0 warnings, 0 notes"));
    String id = Files.readString(dir.resolve("out/latest")).trim();
    assertThat(Files.exists(dir.resolve("out").resolve(id).resolve("cube.parquet")), is(true));
    assertThat(out.toString(), containsString("Release written to " + dir.resolve("out").resolve(id).toAbsolutePath().normalize()));
  }

  @Test
  void helpListsTheCommands() {
    assertThat(thbstat("--help"), is(0));
    assertThat(out.toString(), containsString("run"));
    assertThat(out.toString(), containsString("validate"));
    assertThat(out.toString(), containsString("Exit codes: 0 no error found, 1 errors found in the data, 2 could not run."));
  }
}
