package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options {@code thbstat run} gives each runner unless the user sets them. */
class RunnerDefaultsTest {
  @Test
  void theDirectRunnerRunsWithoutItsChecksAndReturnsAtOnceForProgress() {
    assertThat(Runners.args("DirectRunner", List.of("--targetParallelism=2")), contains(
        "--targetParallelism=2", "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false",
        "--blockOnRun=false"));
  }

  @Test
  void whatTheUserGivesIsKept() {
    assertThat(Runners.args("DirectRunner", List.of("--enforceImmutability=true", "--blockOnRun")), contains(
        "--enforceImmutability=true", "--blockOnRun", "--runner=DirectRunner", "--enforceEncodability=false"));
    assertThat(Runners.args("SparkRunner", List.of("--sparkMaster=spark://10.0.0.5:7077")), contains(
        "--sparkMaster=spark://10.0.0.5:7077", "--runner=SparkRunner"));
    assertThat(Runners.args("FlinkRunner", List.of("--flinkMaster=jm:8081", "--fasterCopy=false")), contains(
        "--flinkMaster=jm:8081", "--fasterCopy=false", "--runner=FlinkRunner"));
  }

  @Test
  void flinkCopiesLessAndSparkUsesEveryCoreByDefault() {
    assertThat(Runners.args("FlinkRunner", List.of()), contains("--runner=FlinkRunner", "--fasterCopy=true"));
    assertThat(Runners.args("SparkRunner", List.of()), contains("--runner=SparkRunner", "--sparkMaster=local[*]"));
  }

  @Test
  void anUnknownRunnerIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runners.args("PrismRunner", List.of()));
    assertThat(e.getMessage(), containsString("unknown runner PrismRunner; one of DirectRunner, FlinkRunner, SparkRunner"));
  }

  @Test
  void optionValuesAreReadAsBeamReadsThem() {
    assertThat(Runners.value(List.of("--sparkMaster=local[2]", "--sparkMaster=local[4]"), "sparkMaster"), is("local[4]"));
    assertThat(Runners.value(List.of("--blockOnRun"), "blockOnRun"), is("true"));
    assertThat(Runners.value(List.of("--blockOnRunX=1"), "blockOnRun"), is(nullValue()));
  }

  @Test
  void autoTakesSparkForLargeInputsAndTheDirectRunnerForSmallOnes() {
    // bench/RESULTS.md: Spark local[2] fastest from 1 M case records (about 100 MB) on; equal on sample-inputs/ (1 MB)
    assertThat(Runners.choose(Runners.AUTO, 1_300_000), is(Runners.DIRECT));
    assertThat(Runners.choose(Runners.AUTO, 64L << 20), is(Runners.DIRECT));
    assertThat(Runners.choose(Runners.AUTO, (64L << 20) + 1), is(Runners.SPARK));
    assertThat(Runners.choose(Runners.AUTO, 5_100_000_000L), is(Runners.SPARK));
    // a runner given is kept, whatever the size
    assertThat(Runners.choose(Runners.FLINK, 5_100_000_000L), is(Runners.FLINK));
    assertThat(Runners.choose(Runners.DIRECT, 5_100_000_000L), is(Runners.DIRECT));
  }
}
