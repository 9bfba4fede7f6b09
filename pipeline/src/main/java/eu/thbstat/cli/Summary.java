package eu.thbstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The console summary of a release, from its manifest. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, JsonNode manifest, Path folder, double seconds, boolean quiet) {
    JsonNode t = manifest.path("totals");
    JsonNode f = manifest.path("findings");
    if (!quiet) {
      out.printf("%-52s %-10s %8s %10s %11s %8s%n", "file", "status", "read", "harmonised", "quarantined", "excluded");
      for (JsonNode file : manifest.path("files")) {
        out.printf("%-52s %-10s %8d %10d %11d %8d%n",
            file.path("file").asText(), file.path("status").asText(), file.path("records_read").asLong(),
            file.path("harmonised").asLong(), file.path("quarantined").asLong(), file.path("excluded").asLong());
      }
    }
    out.printf("%d files, %d records read: %d harmonised, %d quarantined, %d excluded by mappings%s; "
            + "%d errors, %d warnings, %d notes; %.1f s%n",
        t.path("files").asLong(), t.path("records_read").asLong(), t.path("harmonised").asLong(),
        t.path("quarantined").asLong(), t.path("excluded").asLong(),
        t.path("reconciled").asBoolean() ? "" : " (COUNTS DO NOT RECONCILE)",
        f.path("ERROR").asLong(), f.path("WARNING").asLong(), f.path("INFO").asLong(), seconds);
    if (!quiet) {
      out.println("Release written to " + folder.toAbsolutePath().normalize()
          + ": cube.csv, cube.parquet, cube.sdmx.csv, findings.csv, findings.json, quarantine.csv, footnotes.csv, manifest.json");
    }
  }
}
