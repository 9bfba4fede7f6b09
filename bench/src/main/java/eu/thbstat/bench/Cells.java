package eu.thbstat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cube's counted cells as compared by the benchmark: one line per cell,
 * {@code geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,value}, sorted.
 *
 * <pre>
 * java -jar bench/target/thbstat-bench.jar cells OUTPUT CELLS.csv   # from a thbstat run's output folder
 * java -jar bench/target/thbstat-bench.jar compare EXPECTED.csv ACTUAL.csv [--names hand,thbstat]
 * </pre>
 *
 * From thbstat's release cube.csv (the release OUTPUT/latest names) it keeps the rows with unit NR and
 * origin COUNTED: the cells thbstat counted from the case records. It leaves out the cells thbstat
 * computes from them (origin COMPUTED: shares PC and rates P_MHAB, P_HTHAB), any derived total or EU
 * aggregate (origin DERIVED or AGGREGATED, whatever their unit), and the columns that are not a count
 * (flags, footnotes, source). compare exits 1 and names the cells when the two files differ in any
 * cell or value.
 */
final class Cells {
  static final String HEADER = "geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,value";
  private static final int SHOWN = 20;

  private Cells() {}

  /** thbstat's release cube.csv below an output folder: OUTPUT/latest names the release (a file or a link). */
  static Path cubeOf(Path output) throws IOException {
    if (Files.isRegularFile(output)) {
      return output;
    }
    Path latest = output.resolve("latest");
    if (Files.isRegularFile(latest)) {
      return output.resolve(Files.readString(latest).trim()).resolve("cube.csv");
    }
    if (Files.isDirectory(latest)) {
      return latest.resolve("cube.csv");
    }
    return output.resolve("cube.csv");
  }

  static void extract(Path output, Path out) throws IOException {
    Path cube = cubeOf(output);
    TreeMap<String, String> cells = new TreeMap<>();
    Map<String, Long> skipped = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(cube, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord r : p) {
        if (!r.get("unit").equals("NR") || !r.get("origin").equals("COUNTED")) {
          skipped.merge(r.get("origin") + "/" + r.get("unit"), 1L, Long::sum);
          continue;
        }
        List<String> key = new ArrayList<>();
        for (String d : Reference.DIMS) {
          key.add(r.get(d));
        }
        String k = String.join(",", key);
        if (cells.put(k, count(r.get("obs_value"), cube + ":" + r.getRecordNumber())) != null) {
          throw new IllegalStateException(cube + ": cell " + k + " twice");
        }
      }
    }
    write(cells, out);
    System.err.println("cells: " + cells.size() + " counted cells of " + cube + " (left out, by origin/unit: " + skipped + ")");
    // the run's totals in the hand loop's words (harmonised = counted, quarantined = rejected)
    Path manifest = cube.resolveSibling("manifest.json");
    if (Files.isRegularFile(manifest)) {
      JsonNode t = new ObjectMapper().readTree(manifest.toFile()).path("totals");
      System.out.printf("thbstat: records_read=%d counted=%d excluded=%d rejected=%d cells=%d%n", t.path("records_read").asLong(),
          t.path("harmonised").asLong(), t.path("excluded").asLong(), t.path("quarantined").asLong(), cells.size());
    }
  }

  /** A count as a whole number written plainly ("12", not "12.0" or "1.2E1"). */
  static String count(String value, String where) {
    try {
      BigDecimal v = new BigDecimal(value).stripTrailingZeros();
      if (v.scale() > 0 || v.signum() < 0) {
        throw new NumberFormatException();
      }
      return v.toPlainString();
    } catch (NumberFormatException e) {
      throw new IllegalStateException(where + ": \"" + value + "\" is not a count");
    }
  }

  static void write(Map<String, String> cells, Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      for (Map.Entry<String, String> e : cells.entrySet()) {
        w.write(e.getKey() + "," + e.getValue() + "\n");
      }
    }
  }

  static TreeMap<String, String> read(Path file) throws IOException {
    TreeMap<String, String> cells = new TreeMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalStateException(file + ": not a cells file (header " + HEADER + ")");
    }
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.lastIndexOf(',');
      if (cells.put(line.substring(0, comma), count(line.substring(comma + 1), file.toString())) != null) {
        throw new IllegalStateException(file + ": cell " + line.substring(0, comma) + " twice");
      }
    }
    return cells;
  }

  /** 0 if the two files hold the same cells with the same values; else prints the differences and gives 1. */
  static int compare(Path a, Path b, String nameA, String nameB) throws IOException {
    TreeMap<String, String> x = read(a);
    TreeMap<String, String> y = read(b);
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    x.forEach((k, v) -> {
      String w = y.get(k);
      if (w == null) {
        onlyA.add(k + "," + v);
      } else if (!w.equals(v)) {
        differ.add(k + ": " + nameA + " " + v + ", " + nameB + " " + w);
      }
    });
    y.forEach((k, v) -> {
      if (!x.containsKey(k)) {
        onlyB.add(k + "," + v);
      }
    });
    if (onlyA.isEmpty() && onlyB.isEmpty() && differ.isEmpty()) {
      System.out.println("same cube: " + nameA + " and " + nameB + " give the same " + x.size() + " cells");
      return 0;
    }
    System.out.println("THE CUBES DIFFER: " + nameA + " (" + a + ", " + x.size() + " cells) and " + nameB + " (" + b + ", " + y.size()
        + " cells): " + differ.size() + " cells with different values, " + onlyA.size() + " only in " + nameA + ", " + onlyB.size()
        + " only in " + nameB + " (" + HEADER + ")");
    show("different value", differ);
    show("only in " + nameA, onlyA);
    show("only in " + nameB, onlyB);
    return 1;
  }

  private static void show(String what, List<String> cells) {
    for (int i = 0; i < Math.min(SHOWN, cells.size()); i++) {
      System.out.println("  " + what + ": " + cells.get(i));
    }
    if (cells.size() > SHOWN) {
      System.out.println("  ... and " + (cells.size() - SHOWN) + " more " + what);
    }
  }
}
