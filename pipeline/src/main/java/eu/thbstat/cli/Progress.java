package eu.thbstat.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Progress of a running pipeline on the console: files and records read so far and records per
 * second, from the Beam counters {@value #FILES} and {@value #RECORDS} of thbstat's readers (any
 * DoFn in a namespace under {@code eu.thbstat}, summed over steps). On a terminal one line is
 * rewritten in place; elsewhere (a log, CI) a line is printed per interval.
 *
 * <p>Runners report metrics differently: the DirectRunner (with {@code --blockOnRun=false}) and
 * Spark while the job runs; Flink's attached run returns only when the job has ended, so until then
 * the line shows the elapsed time alone, and the counts come at the end.
 */
final class Progress implements AutoCloseable {
  static final String FILES = "files";
  static final String RECORDS = "records_read";
  private static final String NAMESPACE = "eu.thbstat.";

  /** Files and records read so far. */
  record Counts(long files, long records) {}

  private final PrintWriter err;
  private final String runner;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long start;
  private final ScheduledExecutorService timer;
  private volatile PipelineResult result;
  private int lastWidth;
  private boolean closed;

  private Progress(PrintWriter err, String runner, Duration interval, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.runner = runner;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    if (interval == null) {
      this.timer = null;
    } else {
      this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thbstat-progress");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Starts showing progress on {@code err} every {@code interval} (null: only the last line, at
   * {@link #close()}); the clock starts now, before the runner is started.
   */
  static Progress start(PrintWriter err, String runner, Duration interval, boolean terminal) {
    return new Progress(err, runner, interval, terminal, System::nanoTime);
  }

  /** For tests: no timer, a given clock. */
  static Progress manual(PrintWriter err, String runner, boolean terminal, LongSupplier nanoTime) {
    return new Progress(err, runner, null, terminal, nanoTime);
  }

  /** The run to poll, once the runner has returned it (Flink's attached run: when it has ended). */
  void attach(PipelineResult result) {
    this.result = result;
  }

  /** Polls the metrics and shows the line (the timer calls this). */
  void tick() {
    show(poll(), false);
  }

  /** Stops the timer and shows the last line, with the final counts, ending it with a new line. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    show(poll(), true);
  }

  private String end() {
    PipelineResult r = result;
    try {
      return r == null ? "stopped" : r.getState().toString();
    } catch (RuntimeException e) {
      return "stopped";
    }
  }

  private Counts poll() {
    PipelineResult r = result;
    if (r == null) {
      return null;
    }
    try {
      return counts(r.metrics());
    } catch (RuntimeException e) {
      // A runner that cannot report metrics (yet): show the elapsed time only.
      return null;
    }
  }

  private synchronized void show(Counts counts, boolean last) {
    if (closed) {
      return;
    }
    closed = last;
    String text = line(runner, counts, (nanoTime.getAsLong() - start) / 1e9, last ? end() : null);
    if (terminal) {
      // rewrite the line in place; pad to wipe out the end of a longer previous line
      err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
      lastWidth = text.length();
      if (last) {
        err.println();
      }
    } else {
      err.println(text);
    }
    err.flush();
  }

  /**
   * The counts of thbstat's readers: counters named {@value #FILES} and {@value #RECORDS} in
   * namespaces under {@code eu.thbstat}, summed over steps (attempted values, which every runner
   * reports); null when the runner has no such counter yet.
   */
  static Counts counts(MetricResults metrics) {
    MetricQueryResults results = metrics.queryMetrics(MetricsFilter.builder().build());
    long files = 0;
    long records = 0;
    boolean any = false;
    for (MetricResult<Long> c : results.getCounters()) {
      if (!c.getName().getNamespace().startsWith(NAMESPACE)) {
        continue;
      }
      Long value = c.getAttempted();
      if (value == null) {
        continue;
      }
      if (c.getName().getName().equals(FILES)) {
        files += value;
        any = true;
      } else if (c.getName().getName().equals(RECORDS)) {
        records += value;
        any = true;
      }
    }
    return any ? new Counts(files, records) : null;
  }

  /**
   * The progress line: {@code "FlinkRunner: 7 files, 1,311 records read, 437 records/s, 3.0 s"},
   * or {@code "FlinkRunner: running, 3.0 s (no counts yet)"} before the runner reports any; the
   * last line ends with the state of the run, e.g. {@code " (DONE)"}. Records per second are over
   * the whole run so far, the runner's start included.
   *
   * @param end the state the run ended in, or null while it runs
   */
  static String line(String runner, Counts counts, double seconds, String end) {
    String state = end == null ? "" : " (" + end + ")";
    if (counts == null) {
      return String.format(Locale.ROOT, "%s: %s, %.1f s%s", runner, end == null ? "running" : "no counts reported",
          seconds, end == null ? " (no counts yet)" : state);
    }
    long perSecond = seconds > 0 ? Math.round(counts.records() / seconds) : 0;
    return String.format(Locale.ROOT, "%s: %,d files, %,d records read, %,d records/s, %.1f s%s",
        runner, counts.files(), counts.records(), perSecond, seconds, state);
  }
}
