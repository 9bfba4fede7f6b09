package eu.thbstat.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's programs, one jar (bench/README.md):
 *
 * <pre>
 * java -jar bench/target/thbstat-bench.jar hand    --home HOME --input DIR --out CELLS.csv [--mapping ID]
 * java -jar bench/target/thbstat-bench.jar duckdb  --home HOME --input DIR --out CELLS.csv [--mapping ID] [--threads 2]
 * java -jar bench/target/thbstat-bench.jar cells   THBSTAT_OUTPUT CELLS.csv
 * java -jar bench/target/thbstat-bench.jar compare EXPECTED.csv ACTUAL.csv [--names a,b]
 * java -jar bench/target/thbstat-bench.jar report RAW.csv
 * </pre>
 *
 * Exit codes: 0 done (compare: same cells), 1 compare found differences, 2 could not run.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try {
      if (args.length == 0) {
        throw new IllegalArgumentException("usage: hand|duckdb|cells|compare|report ... (see bench/README.md)");
      }
      List<String> positional = new ArrayList<>();
      Map<String, String> options = new HashMap<>();
      for (int i = 1; i < args.length; i++) {
        if (args[i].startsWith("--")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + args[i] + " needs a value");
          }
          options.put(args[i].substring(2), args[++i]);
        } else {
          positional.add(args[i]);
        }
      }
      switch (args[0]) {
        case "hand" -> HandLoop.main(options);
        case "duckdb" -> DuckCube.main(options);
        case "report" -> Report.print(Path.of(positional.get(0)));
        case "cells" -> Cells.extract(Path.of(positional.get(0)), Path.of(positional.get(1)));
        case "compare" -> {
          String[] names = options.getOrDefault("names", "expected,actual").split(",");
          System.exit(Cells.compare(Path.of(positional.get(0)), Path.of(positional.get(1)), names[0], names[1]));
        }
        default -> throw new IllegalArgumentException("unknown command " + args[0] + ": hand, duckdb, cells, compare or report");
      }
    } catch (Exception e) {
      System.err.println("thbstat-bench " + String.join(" ", args) + ": " + e);
      e.printStackTrace();
      System.exit(2);
    }
  }

  static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
