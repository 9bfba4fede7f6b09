package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line of {@code thbstat run}, from the counters a runner reports. */
class ProgressTest {
  private static MetricResult<Long> counter(String step, String namespace, String name, long value) {
    return MetricResult.attempted(MetricKey.create(step, MetricName.named(namespace, name)), value);
  }

  private static MetricResults metrics(List<MetricResult<Long>> counters) {
    return new MetricResults() {
      @Override
      public MetricQueryResults queryMetrics(MetricsFilter filter) {
        return MetricQueryResults.create(counters, List.of(), List.of(), List.of());
      }
    };
  }

  /** A run in a given state whose metrics are given (null: the runner cannot report them). */
  private static PipelineResult result(PipelineResult.State state, MetricResults metrics) {
    return new PipelineResult() {
      @Override
      public State getState() {
        return state;
      }

      @Override
      public State cancel() {
        return state;
      }

      @Override
      public State waitUntilFinish(Duration duration) {
        return state;
      }

      @Override
      public State waitUntilFinish() {
        return state;
      }

      @Override
      public MetricResults metrics() {
        if (metrics == null) {
          throw new UnsupportedOperationException("no metrics");
        }
        return metrics;
      }
    };
  }

  @Test
  void countsAreThbstatsReadersCountersSummedOverSteps() {
    Progress.Counts c = Progress.counts(metrics(List.of(
        counter("ReadSubmissions/ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "files", 5),
        counter("ReadSubmissions/ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "records_read", 1000),
        counter("ReadMicrodata/CountSplit", "eu.thbstat.pipeline.ReadMicrodata", "records_read", 250),
        counter("ReadMicrodata/CountSplit", "eu.thbstat.pipeline.ReadMicrodata", "records_quarantined", 7),
        counter("Beam/Internal", "org.apache.beam.sdk.io.FileIO", "files", 99))));
    assertThat(c, equalTo(new Progress.Counts(5, 1250)));
    assertThat(Progress.counts(metrics(List.of(counter("s", "org.apache.beam.x", "files", 3)))), is(nullValue()));
  }

  @Test
  void theLineSaysFilesRecordsAndRecordsPerSecond() {
    // 1 311 records in 3 s: 437 per second
    assertThat(Progress.line("SparkRunner", new Progress.Counts(7, 1311), 3.0, null),
        is("SparkRunner: 7 files, 1,311 records read, 437 records/s, 3.0 s"));
    assertThat(Progress.line("DirectRunner", new Progress.Counts(12, 10_000_000), 40.0, "DONE"),
        is("DirectRunner: 12 files, 10,000,000 records read, 250,000 records/s, 40.0 s (DONE)"));
    assertThat(Progress.line("FlinkRunner", null, 4.25, null), is("FlinkRunner: running, 4.3 s (no counts yet)"));
    assertThat(Progress.line("FlinkRunner", null, 9.0, "FAILED"), is("FlinkRunner: no counts reported, 9.0 s (FAILED)"));
  }

  @Test
  void onATerminalOneLineIsRewrittenInPlaceAndEndedAtTheEnd() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong(0);
    Progress p = Progress.manual(new PrintWriter(text), "FlinkRunner", true, clock::get);
    clock.set(2_000_000_000L);
    p.tick(); // Flink's run() has not returned yet: no result to poll
    clock.set(6_000_000_000L);
    p.attach(result(PipelineResult.State.DONE, metrics(List.of(
        counter("ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "files", 7),
        counter("ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "records_read", 1311)))));
    p.close();
    p.close(); // once only
    assertThat(text.toString(), is("\rFlinkRunner: running, 2.0 s (no counts yet)"
        + "\rFlinkRunner: 7 files, 1,311 records read, 219 records/s, 6.0 s (DONE)\n"));
  }

  @Test
  void aShorterLineWipesTheEndOfTheLongerOneBefore() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong(1_000_000_000L);
    Progress p = Progress.manual(new PrintWriter(text), "X", true, clock::get);
    p.attach(result(PipelineResult.State.RUNNING, metrics(List.of(counter("s", "eu.thbstat.A", "records_read", 100)))));
    clock.set(3_000_000_000L);
    p.tick();
    p.attach(result(PipelineResult.State.FAILED, null));
    p.close();
    String first = "X: 0 files, 100 records read, 50 records/s, 2.0 s";
    String last = "X: no counts reported, 2.0 s (FAILED)";
    assertThat(text.toString(), is("\r" + first + "\r" + last + " ".repeat(first.length() - last.length()) + "\n"));
  }

  @Test
  void elsewhereEachUpdateIsALineOfItsOwn() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong(0);
    Progress p = Progress.manual(new PrintWriter(text), "SparkRunner", false, clock::get);
    p.attach(result(PipelineResult.State.RUNNING, metrics(List.of(
        counter("ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "files", 2),
        counter("ParseAndMap", "eu.thbstat.pipeline.ReadSubmissions", "records_read", 500)))));
    clock.set(10_000_000_000L);
    p.tick();
    clock.set(20_000_000_000L);
    p.close();
    assertThat(text.toString(), is("SparkRunner: 2 files, 500 records read, 50 records/s, 10.0 s\n"
        + "SparkRunner: 2 files, 500 records read, 25 records/s, 20.0 s (RUNNING)\n"));
  }
}
