package eu.thbstat.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Markdown tables of bench/scale.sh from its raw CSV (one row per run): per size and tool the
 * medians; per tool the least-squares fit t = a + b·N over the median wall times; the ratios of
 * issue 7's targets; the runners' peak memory across sizes.
 *
 * <pre>java -jar bench/target/thbstat-bench.jar report bench/out/scale-STAMP.csv</pre>
 */
final class Report {
  static final Set<String> RUNNERS = Set.of("DirectRunner", "FlinkRunner", "SparkRunner");

  private record Run(long size, String tool, double wall, double cpu, double rss, double rate) {}

  private Report() {}

  static void print(Path raw) throws IOException {
    List<Run> runs = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(raw, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        runs.add(new Run(Long.parseLong(r.get("records")), r.get("tool"), Double.parseDouble(r.get("wall_s")),
            Double.parseDouble(r.get("cpu_s")), Double.parseDouble(r.get("peak_rss_mb")), Double.parseDouble(r.get("records_per_s"))));
      }
    }
    TreeSet<Long> sizes = new TreeSet<>();
    Set<String> tools = new LinkedHashSet<>();
    runs.forEach(r -> {
      sizes.add(r.size());
      tools.add(r.tool());
    });
    // median wall time per tool and size
    Map<String, Map<Long, Double>> wall = new LinkedHashMap<>();
    Map<String, Map<Long, Double>> rss = new LinkedHashMap<>();

    System.out.println("### Wall time, throughput and peak memory (whole process; median of the runs)");
    System.out.println();
    System.out.println("| records | tool | runs | wall time, median (min-max) | CPU user+sys, median | records/s, median | peak RSS, median |");
    System.out.println("|---:|---|---:|---|---:|---:|---:|");
    for (long n : sizes) {
      for (String t : tools) {
        List<Run> rs = runs.stream().filter(r -> r.size() == n && r.tool().equals(t)).toList();
        if (rs.isEmpty()) {
          continue;
        }
        double[] w = rs.stream().mapToDouble(Run::wall).toArray();
        double mw = median(w);
        double mr = median(rs.stream().mapToDouble(Run::rss).toArray());
        wall.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(n, mw);
        rss.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(n, mr);
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f s (%.2f-%.2f) | %.2f s | %s | %.0f MB |%n", millions(n), t, rs.size(), mw,
            Arrays.stream(w).min().orElse(0), Arrays.stream(w).max().orElse(0), median(rs.stream().mapToDouble(Run::cpu).toArray()),
            thousands(median(rs.stream().mapToDouble(Run::rate).toArray())), mr);
      }
    }

    System.out.println();
    System.out.println("### Fit of the median wall time t = a + b·N (least squares over the sizes)");
    System.out.println();
    if (sizes.size() < 2) {
      System.out.println("(needs two sizes or more)");
    } else {
      System.out.println("| tool | a: fixed time | 1/b: marginal records/s | largest residual |");
      System.out.println("|---|---:|---:|---:|");
      wall.forEach((t, byN) -> {
        if (byN.size() < 2) {
          return;
        }
        double[] x = byN.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        double[] y = byN.values().stream().mapToDouble(Double::doubleValue).toArray();
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
          sxy += (x[i] - mx) * (y[i] - my);
          sxx += (x[i] - mx) * (x[i] - mx);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
          worst = Math.max(worst, Math.abs(y[i] - (a + b * x[i])));
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %s | %.2f s |%n", t, a, b > 0 ? thousands(1 / b) : "n/a (time falls with N)", worst);
      });
    }

    System.out.println();
    System.out.println("### Targets (issue 7): best runner against the hand loop and DuckDB");
    System.out.println();
    System.out.println("| records | best runner (median wall) | hand loop | best runner / hand loop (target ≤ 1 at 10 M and 50 M) | DuckDB | best runner / DuckDB (target ≤ 3 at 10 M, ≤ 2 at 50 M) |");
    System.out.println("|---:|---|---:|---:|---:|---:|");
    for (long n : sizes) {
      String best = null;
      for (String t : RUNNERS) {
        Double w = wall.getOrDefault(t, Map.of()).get(n);
        if (w != null && (best == null || w < wall.get(best).get(n))) {
          best = t;
        }
      }
      if (best == null) {
        continue;
      }
      double bw = wall.get(best).get(n);
      Double hand = wall.getOrDefault("hand", Map.of()).get(n);
      Double duck = wall.getOrDefault("duckdb", Map.of()).get(n);
      System.out.printf(Locale.ROOT, "| %s | %s %.2f s | %s | %s | %s | %s |%n", millions(n), best, bw, seconds(hand), ratio(bw, hand),
          seconds(duck), ratio(bw, duck));
    }

    System.out.println();
    System.out.println("### Peak resident memory of each tool across sizes (target for the runners: under 2 GB at 50 M, within 20 % of the figure at 1 M)");
    System.out.println();
    System.out.println("| tool | smallest size | peak RSS there | largest size | peak RSS there | change | under 2 GB |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|");
    rss.forEach((t, byN) -> {
      long lo = byN.keySet().stream().min(Long::compare).orElseThrow();
      long hi = byN.keySet().stream().max(Long::compare).orElseThrow();
      double a = byN.get(lo);
      double b = byN.get(hi);
      System.out.printf(Locale.ROOT, "| %s | %s | %.0f MB | %s | %.0f MB | %+.0f %% | %s |%n", t, millions(lo), a, millions(hi), b,
          100 * (b - a) / a, b < 2048 ? "yes" : "NO");
    });
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static String millions(long n) {
    return n % 1_000_000 == 0 ? n / 1_000_000 + " M" : n % 1000 == 0 ? n / 1000 + " k" : Long.toString(n);
  }

  private static String thousands(double v) {
    return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
  }

  private static String seconds(Double w) {
    return w == null ? "-" : String.format(Locale.ROOT, "%.2f s", w);
  }

  private static String ratio(double a, Double b) {
    return b == null ? "-" : String.format(Locale.ROOT, "%.2f×", a / b);
  }
}
