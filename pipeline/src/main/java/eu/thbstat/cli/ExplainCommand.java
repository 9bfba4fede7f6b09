package eu.thbstat.cli;

import eu.thbstat.output.ReleaseCsv;
import eu.thbstat.output.ReleasePublisher;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.release.LineageRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code thbstat explain}: the trail of one cell of a release, from its lineage.csv: for a reported
 * cell the file, line, record and mapping entries; for a derived total its components, each
 * explained in turn; for a rate the count and the population.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Prints where a cell of a release comes from.",
      "For a reported cell: file, line, record and mapping entries; for a derived total its",
      "components; for a rate its count and population; recursively.",
      "Exit code 0: explained; 2: no such release or cell."
    })
final class ExplainCommand implements Callable<Integer> {
  @Option(names = {"-r", "--release"}, required = true, description = "A release folder, or the output folder of thbstat run (its latest release).")
  Path release;

  @Parameters(paramLabel = "KEY", description = "The cell key, dimension codes joined by dots, e.g. DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR")
  String key;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path folder = release;
    if (!Files.isRegularFile(folder.resolve(ReleaseWriter.MANIFEST))) {
      Optional<String> latest = ReleasePublisher.latest(release.toString());
      if (latest.isEmpty()) {
        err.println("thbstat explain: " + release + " is neither a release (no manifest.json) nor a folder of releases (no latest)");
        return Thbstat.CANNOT_RUN;
      }
      folder = release.resolve(latest.get());
    }
    Path lineageFile = folder.resolve(ReleaseCsv.LINEAGE_CSV);
    if (!Files.isRegularFile(lineageFile)) {
      err.println("thbstat explain: release " + folder + " has no " + ReleaseCsv.LINEAGE_CSV);
      return Thbstat.CANNOT_RUN;
    }
    Map<String, LineageRow> lineage = new HashMap<>();
    ReleaseCsv.readLineage(Files.readAllBytes(lineageFile)).forEach(r -> lineage.put(r.key(), r));
    Map<String, String[]> cube = cube(Files.readAllBytes(folder.resolve(ReleaseWriter.CUBE_CSV)));
    if (!cube.containsKey(key)) {
      err.println("thbstat explain: no cell " + key + " in release " + folder.getFileName());
      String prefix = key.contains(".") ? key.substring(0, key.indexOf('.', key.indexOf('.') + 1) < 0 ? key.length() : key.indexOf('.', key.indexOf('.') + 1)) : key;
      List<String> near = cube.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().limit(5).toList();
      if (!near.isEmpty()) {
        err.println("  cells of " + prefix + " include: " + String.join(", ", near));
      }
      return Thbstat.CANNOT_RUN;
    }
    out.println("Release " + folder.getFileName());
    explain(out, key, lineage, cube, "", new HashSet<>(), 0);
    out.flush();
    return Thbstat.OK;
  }

  private static void explain(PrintWriter out, String cell, Map<String, LineageRow> lineage, Map<String, String[]> cube, String indent, Set<String> seen, int depth) {
    String[] v = cube.get(cell);
    LineageRow row = lineage.get(cell);
    String value = v == null ? "(not in the cube)" : v[0] + (v[1].isEmpty() ? "" : " " + v[1]);
    out.println(indent + cell + " = " + value + (row == null ? "" : ", " + row.origin() + " in release " + row.release()));
    if (row == null) {
      out.println(indent + "  no lineage recorded for this cell");
      return;
    }
    String more = indent + "  ";
    if (!row.file().isEmpty()) {
      out.println(more + "file " + row.file() + ", line " + row.line() + (row.column().isEmpty() ? "" : ", column \"" + row.column() + "\"")
          + (row.mapping().isEmpty() ? "" : ", mapping " + row.mapping()));
    }
    if (!row.record().isEmpty()) {
      out.println(more + "record: " + row.record());
    }
    if (!row.flags().isEmpty()) {
      out.println(more + "flags as read or derived: " + row.flags());
    }
    row.rules().forEach(r -> out.println(more + r));
    if (!seen.add(cell) || depth > 20) {
      return;
    }
    for (String component : row.components()) {
      explain(out, component, lineage, cube, more + "  ", seen, depth + 1);
    }
  }

  /** key -> {obs_value, obs_flag} from cube.csv (dimension columns are those before obs_value). */
  private static Map<String, String[]> cube(byte[] csv) throws IOException {
    Map<String, String[]> cells = new HashMap<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
      List<String> header = parser.getHeaderNames();
      int dims = header.indexOf("obs_value");
      if (dims < 0) {
        throw new IOException("cube.csv has no obs_value column: it is not the cube of a release");
      }
      for (CSVRecord r : parser) {
        if (r.size() <= dims) {
          throw new IOException("cube.csv line " + r.getRecordNumber() + " has " + r.size() + " fields");
        }
        cells.put(String.join(".", r.toList().subList(0, dims)), new String[] {r.get("obs_value"), r.get("obs_flag")});
      }
    }
    return cells;
  }
}
