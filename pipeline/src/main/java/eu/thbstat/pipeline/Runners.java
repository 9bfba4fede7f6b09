package eu.thbstat.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Beam runners thbstat runs on and the options a {@code thbstat run} gives each unless the
 * user sets them. The pipeline is the same on all three; only these defaults differ.
 *
 * <ul>
 *   <li>DirectRunner: immutability and encodability checks off (the tests keep them on; on the
 *       sample inputs they cost 4 of 10 seconds), and {@code --blockOnRun=false} so that the run
 *       returns at once and its metrics can be polled for progress.
 *   <li>FlinkRunner: {@code --fasterCopy=true} (no defensive copy of elements between chained
 *       operators: the DoFns never mutate their inputs, as the DirectRunner checks in the tests
 *       show). {@code --flinkMaster} stays Beam's {@code [auto]}: the cluster a job is submitted to
 *       with {@code flink run}, else an embedded mini-cluster; {@code host:port} submits to a
 *       cluster's REST endpoint.
 *   <li>SparkRunner: {@code --sparkMaster=local[*]} (Beam's default is {@code local[4]}); a master
 *       set by {@code spark-submit} wins over it. With a {@code local} master, Spark's web UI is
 *       off (system property {@code spark.ui.enabled=false}, unless set).
 * </ul>
 */
public final class Runners {
  public static final String DIRECT = "DirectRunner";
  public static final String FLINK = "FlinkRunner";
  public static final String SPARK = "SparkRunner";
  /** The runners thbstat is built and tested with, the embedded default first. */
  public static final List<String> ALL = List.of(DIRECT, FLINK, SPARK);
  /** thbstat run's default: the runner measured fastest for the size of the input (bench/RESULTS.md). */
  public static final String AUTO = "auto";
  /**
   * Above this many bytes of input, auto takes Spark local[*]: on 1 M case records (100 MB) and
   * more it was the fastest runner, with the least memory; on small aggregate files the
   * DirectRunner starts as fast and needs no engine.
   */
  public static final long AUTO_SPARK_BYTES = 64L << 20;

  /** The runner to use: the one given, or for {@link #AUTO} the one the input's size calls for. */
  public static String choose(String runner, long inputBytes) {
    if (!AUTO.equals(runner)) {
      return runner;
    }
    return inputBytes > AUTO_SPARK_BYTES ? SPARK : DIRECT;
  }

  private Runners() {}

  /** The options a run on {@code runner} gets unless the user gives them (name -> value). */
  public static Map<String, String> defaults(String runner) {
    Map<String, String> d = new LinkedHashMap<>();
    switch (runner) {
      case DIRECT -> {
        d.put("enforceImmutability", "false");
        d.put("enforceEncodability", "false");
        d.put("blockOnRun", "false");
      }
      case FLINK -> d.put("fasterCopy", "true");
      case SPARK -> d.put("sparkMaster", "local[*]");
      default -> throw new IllegalArgumentException("unknown runner " + runner + "; one of " + String.join(", ", ALL));
    }
    return d;
  }

  /**
   * The Beam arguments of a run: the user's own, then {@code --runner} and each default of the
   * runner whose option the user did not give.
   */
  public static List<String> args(String runner, List<String> given) {
    List<String> args = new ArrayList<>(given);
    args.add("--runner=" + runner);
    defaults(runner).forEach((name, value) -> {
      if (value(given, name) == null) {
        args.add("--" + name + "=" + value);
      }
    });
    return args;
  }

  /**
   * Settings a runner reads from system properties rather than from its options, set before the
   * pipeline runs: for Spark with a {@code local} master, no web UI and the driver on the loopback
   * interface (each unless already set). No effect for the other runners.
   */
  public static void configureJvm(List<String> args) {
    String master = System.getProperty("spark.master", value(args, "sparkMaster"));
    if (SPARK.equals(value(args, "runner")) && master != null && master.startsWith("local")) {
      // one process: no web UI, and the driver on the loopback interface only
      for (String[] setting : new String[][] {
          {"spark.ui.enabled", "false"}, {"spark.driver.host", "127.0.0.1"}, {"spark.driver.bindAddress", "127.0.0.1"}}) {
        if (System.getProperty(setting[0]) == null) {
          System.setProperty(setting[0], setting[1]);
        }
      }
    }
  }

  /**
   * The value of {@code --name=value} in Beam arguments ({@code --name} alone is true, as Beam
   * reads booleans), else null; the last one wins, as in Beam.
   */
  static String value(List<String> args, String name) {
    String found = null;
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        found = a.substring(name.length() + 3);
      } else if (a.equals("--" + name)) {
        found = "true";
      }
    }
    return found;
  }
}
