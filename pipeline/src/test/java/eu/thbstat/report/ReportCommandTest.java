package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.thbstat.cli.Thbstat;
import eu.thbstat.testing.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thbstat report} on the command line: its files and its exit codes. */
class ReportCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int thbstat(String... args) {
    return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void writesTheHtmlAndACsvAndXlsxPerTable(@TempDir Path dir) {
    Path release = ReportTestData.sampleRelease();
    int exit = thbstat("report", "--home", TestData.home().toString(), "--release", release.toString(), "--years", "2021-2022",
        "--out", dir.toString());
    assertThat(err.toString(), exit, equalTo(Thbstat.OK));
    assertThat(out.toString(), containsString("thbstat report: 2021-2022"));
    assertThat(out.toString(), containsString("(public/cube.csv): 8 tables, 18 files written to " + dir.resolve("report.html")));
    assertTrue(Files.isRegularFile(dir.resolve("report.html")));
    for (int i = 1; i <= 8; i++) {
      assertTrue(Files.isRegularFile(dir.resolve("tables/T" + i + ".csv")), "T" + i + ".csv");
      assertTrue(Files.isRegularFile(dir.resolve("tables/T" + i + ".xlsx")), "T" + i + ".xlsx");
    }
    assertTrue(Files.isRegularFile(dir.resolve("key-figures.csv")));
  }

  @Test
  void badOptionsAndMissingReleasesCannotRun(@TempDir Path dir) {
    String home = TestData.home().toString();
    assertThat(thbstat("report", "--home", home, "--release", dir.toString(), "--years", "2022-2021", "--out", dir.toString()),
        equalTo(Thbstat.CANNOT_RUN));
    assertThat(err.toString(), containsString("--years \"2022-2021\" is not a range of years from the earlier to the later"));
    assertThat(thbstat("report", "--home", home, "--release", dir.resolve("nothing").toString(), "--years", "2022", "--out", dir.toString()),
        equalTo(Thbstat.CANNOT_RUN));
    assertThat(err.toString(), containsString("not a release: it holds no cube.csv and no latest pointer"));
    assertThat(thbstat("report", "--home", home, "--release", dir.toString(), "--years", "1990", "--out", dir.toString()),
        equalTo(Thbstat.CANNOT_RUN));
    assertThat(err.toString(), containsString("--years 1990 is outside the reference years of schemas/dimensions.yaml (2008-2030)"));
    assertThat(thbstat("report", "--release", dir.toString()), equalTo(Thbstat.CANNOT_RUN));
    assertThat(err.toString(), containsString("Missing required options"));
  }

  @Test
  void theCommandIsListedInTheHelp() {
    assertThat(thbstat("--help"), equalTo(Thbstat.OK));
    assertThat(out.toString(), containsString("report"));
  }
}
