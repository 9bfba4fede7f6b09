package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.testing.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thbstat run --runner ...} from the command line on Flink's embedded mini-cluster and on
 * Spark {@code local[*]}: the same exit code and counts as on the DirectRunner (ThbstatTest), the
 * progress line on stderr from each runner's metrics, none with --quiet.
 */
class RunOnRunnersTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int thbstat(String... args) {
    return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static Path brokenNl(Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/NL"));
    Files.copy(TestData.resource("broken/NL_mensenhandel_broken.csv"), input.resolve("NL_mensenhandel_broken.csv"));
    return dir.resolve("in");
  }

  private void runsOn(String runner, Path dir, String... beamArgs) throws Exception {
    Path in = brokenNl(dir);
    String[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("run", "--home", TestData.home().toString(), "--input", in.toString(),
            "--output", dir.resolve("out").toString(), "--runner", runner),
        java.util.stream.Stream.of(beamArgs)).toArray(String[]::new);
    int code = thbstat(args);
    assertThat(err.toString(), code, is(1));
    assertThat(out.toString(), containsString("1 files, 10 records read: 7 harmonised, 3 quarantined, 0 excluded by mappings; 4 errors, 0 warnings, 0 notes"));
    // the last progress line, with the counts the runner reported at the end
    assertThat(err.toString(), containsString(runner + ": 1 files, 10 records read, "));
    assertThat(err.toString(), containsString(" (DONE)\n"));
    // the release folder OUTPUT/latest names
    String release = java.nio.file.Files.readString(dir.resolve("out/latest")).trim();
    assertThat(new ObjectMapper().readTree(dir.resolve("out").resolve(release).resolve("manifest.json").toFile()).path("runner").asText(), is(runner));
  }

  @Test
  void runOnFlinksEmbeddedMiniCluster(@TempDir Path dir) throws Exception {
    runsOn("FlinkRunner", dir, "--parallelism=2");
  }

  @Test
  void runOnSparkLocal(@TempDir Path dir) throws Exception {
    runsOn("SparkRunner", dir);
  }

  @Test
  void quietShowsNoProgress(@TempDir Path dir) throws Exception {
    Path in = brokenNl(dir);
    int code = thbstat("run", "--quiet", "--home", TestData.home().toString(), "--input", in.toString(), "--output", dir.resolve("out").toString());
    assertThat(code, is(1));
    assertThat(err.toString(), not(containsString("records read")));
    assertThat(out.toString().lines().count(), is(1L));
    assertThat(out.toString(), containsString("1 files, 10 records read: 7 harmonised, 3 quarantined, 0 excluded by mappings; 4 errors, 0 warnings, 0 notes; "));
  }

  @Test
  void anUnknownRunnerCannotRunAndNamesTheKnownOnes(@TempDir Path dir) throws Exception {
    assertThat(thbstat("run", "--input", brokenNl(dir).toString(), "--output", dir.resolve("out").toString(), "--runner", "SamzaRunner"), is(2));
    assertThat(err.toString(), containsString("thbstat run: unknown runner SamzaRunner; one of auto, DirectRunner, FlinkRunner, SparkRunner"));
  }
}
