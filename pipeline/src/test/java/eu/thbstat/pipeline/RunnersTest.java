package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline over sample-inputs/ on the DirectRunner (its immutability and encodability
 * checks on), on Flink's embedded mini-cluster ({@code [local]}, parallelism 2) and on Spark
 * {@code local[2]}: the release files must be byte-identical, and each runner reports the readers'
 * counters that {@code thbstat run} shows as progress. All three runs get the same {@link RunInfo}
 * (the manifest names the runner it is given): the runner is what varies here.
 */
class RunnersTest {
  private static final RunInfo RUN = new RunInfo("test", "any", "sample-inputs");
  private static final List<String> RELEASE =
      List.of("cube.csv", "cube.parquet", "findings.csv", "findings.json", "quarantine.csv", "footnotes.csv", "manifest.json");

  @TempDir static Path dir;
  /** sample-inputs/ and synthetic case records of three countries the samples do not cover. */
  private static Path input;
  private static final long SPLIT_BYTES = 65536;
  private static final long GENERATED = 20000;
  private static final Map<String, Map<String, byte[]>> written = new TreeMap<>();
  private static final Map<String, Map<String, Long>> readerCounters = new TreeMap<>();

  @BeforeAll
  static void runOnEveryRunner() throws IOException {
    input = dir.resolve("in");
    try (var files = Files.walk(TestData.sampleInputs())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = input.resolve(TestData.sampleInputs().relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    new eu.thbstat.generate.CaseGenerator(TestData.ref()).generate(new eu.thbstat.generate.CaseGenerator.Options(GENERATED, 3, 2019, 2023,
        java.util.Set.of(eu.thbstat.generate.CaseGenerator.Format.CSV), List.of("FR", "IT", "SE")), input.resolve("cases"));
    // the DirectRunner with Beam's defaults (its checks on); Flink and Spark as thbstat run sets them up
    run("DirectRunner", List.of("--runner=DirectRunner"));
    run("FlinkRunner", Runners.args(Runners.FLINK, List.of("--flinkMaster=[local]", "--parallelism=2")));
    run("SparkRunner", Runners.args(Runners.SPARK, List.of("--sparkMaster=local[2]")));
  }

  private static void run(String runner, List<String> args) throws IOException {
    Path out = dir.resolve(runner);
    Runners.configureJvm(args);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create();
    Pipeline p = Pipeline.create(options);
    // small splits: the case files are read in several byte ranges, added up by the combiner
    HarmonisePipeline.build(p, TestData.ref(), input.toString(), eu.thbstat.ingest.InputLimits.DEFAULT, SPLIT_BYTES,
        eu.thbstat.release.Publication.folder(out.toString()), RUN);
    long t = System.nanoTime();
    PipelineResult result = p.run();
    PipelineResult.State state = result.waitUntilFinish();
    System.err.printf("%s: %s in %.1f s%n", runner, state, (System.nanoTime() - t) / 1e9);
    assertThat(runner, state, is(PipelineResult.State.DONE));
    readerCounters.put(runner, counters(result));
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : RELEASE) {
      files.put(name, Files.readAllBytes(out.resolve(name)));
    }
    written.put(runner, files);
  }

  /** The counters of ReadSubmissions as the runner reports them (attempted values, summed over steps). */
  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> values = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(ReadSubmissions.class)).build()).getCounters()) {
      values.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return values;
  }

  private static String readable(String name, byte[] bytes) {
    return name.endsWith(".parquet") ? ReferenceDataLoader.sha256(bytes) : new String(bytes, StandardCharsets.UTF_8);
  }

  private static void assertSameRelease(String runner) {
    for (String name : RELEASE) {
      assertThat(runner + " " + name, readable(name, written.get(runner).get(name)),
          equalTo(readable(name, written.get("DirectRunner").get(name))));
    }
  }

  @Test
  void flinkWritesTheSameReleaseAsTheDirectRunner() {
    assertSameRelease("FlinkRunner");
  }

  @Test
  void sparkWritesTheSameReleaseAsTheDirectRunner() {
    assertSameRelease("SparkRunner");
  }

  @Test
  void everyRunnerReportsTheReadersCountersThatProgressShows() throws IOException {
    // sample-inputs: 10 files (8 submissions, README.md and EXPECTED.md); records of DE 510, EL 80, NL 152, PL 140, UK 429,
    // PT 115, MT 588, AT 34; generated: 3 files of case records and their README.md
    long splits = 10 + 1;
    for (String country : List.of("FR", "IT", "SE")) {
      long size = Files.size(input.resolve("cases/THB_cases_" + country + "_2019-2023.csv"));
      splits += (size + SPLIT_BYTES - 1) / SPLIT_BYTES;
    }
    assertThat(splits, greaterThan(10L + 1 + 3)); // at least one file is read in splits
    Map<String, Long> expected = Map.of("files", 14L, "records_read", 510L + 80 + 152 + 140 + 429 + 115 + 588 + 34 + GENERATED,
        "records_quarantined", 0L, "splits_read", splits);
    for (String runner : Runners.ALL) {
      assertThat(runner, readerCounters.get(runner), equalTo(expected));
    }
  }
}
