package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.testing.HostileCorpus;
import eu.thbstat.testing.TestData;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thbstat run over a folder holding the whole hostile corpus (with the 100 MB line and a 130 MB
 * sparse file above the size limit) beside a good submission: the run finishes, every hostile file
 * has its finding, the good file is read in full, counts reconcile, and no CSV output cell starts
 * like a formula.
 */
class HostileRunTest {
  @TempDir Path dir;

  @Test
  void theRunGoesOnWithTheOtherFilesAndEveryHostileFileHasItsFinding() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/NL"));
    Files.copy(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"), input.resolve("NL_mensenhandel_2020-2023.csv"));
    for (Map.Entry<String, byte[]> c : HostileCorpus.cases().entrySet()) {
      Files.write(dir.resolve("in").resolve(c.getKey()), c.getValue());
    }
    Files.write(input.resolve("NL_mensenhandel_huge.csv"), HostileCorpus.hugeLine());
    try (RandomAccessFile sparse = new RandomAccessFile(input.resolve("NL_mensenhandel_sparse.csv").toFile(), "rw")) {
      sparse.setLength(130_000_000L);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--home", TestData.home().toString(),
        "--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString(), "--max-file-bytes", "120000000");
    assertThat(out + "\n" + err, code, is(1));
    Path release = dir.resolve("out").resolve(Files.readString(dir.resolve("out/latest")).trim());

    Set<String> found = new HashSet<>();
    try (Reader r = Files.newBufferedReader(release.resolve("findings.csv"))) {
      for (CSVRecord f : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        found.add(f.get("file") + " " + f.get("rule") + "@" + f.get("line"));
      }
    }
    for (String expected : new String[] {
        "NL/NL_mensenhandel_quote.csv RECORD_UNBALANCED_QUOTE@3", "NL/NL_mensenhandel_ragged.csv RECORD_RAGGED@3",
        "NL/NL_mensenhandel_latin1.csv FILE_UNREADABLE@3", "NL/NL_mensenhandel_mixed.csv FILE_UNREADABLE@4",
        "NL/NL_mensenhandel_utf16.csv FILE_UNREADABLE@1", "NL/NL_mensenhandel_empty.csv FILE_EMPTY@0",
        "NL/NL_mensenhandel_png.csv FILE_BINARY@0", "NL/NL_mensenhandel_nul.csv FILE_BINARY@3", "NL/NL_mensenhandel_workbook.csv FILE_BINARY@0",
        "NL/NL_mensenhandel_formula.csv CODE_UNMAPPED@3", "NL/NL_mensenhandel_formula.csv VALUE_NOT_NUMERIC@4",
        "NL/NL_mensenhandel_dupheader.csv FILE_DUPLICATE_HEADER@1", "NL/..\\..\\NL_mensenhandel_escape.csv FILE_NAME_UNSAFE@0",
        "NL/NL_mensenhandel_bell\\u0007.csv FILE_NAME_UNSAFE@0", "NL/NL_mensenhandel_huge.csv RECORD_TOO_LONG@3",
        "NL/NL_mensenhandel_sparse.csv FILE_TOO_LARGE@0"}) {
      assertThat(found, hasItem(expected));
    }
    JsonNode manifest = new ObjectMapper().readTree(release.resolve("manifest.json").toFile());
    assertThat(manifest.path("totals").path("reconciled").asBoolean(), is(true));
    Map<String, String> status = new HashMap<>();
    manifest.path("files").forEach(f -> status.put(f.path("file").asText(), f.path("status").asText() + " " + f.path("records_read").asLong()));
    assertThat(status.get("NL/NL_mensenhandel_2020-2023.csv"), is("READ 152"));
    // its two good rows are read (and quarantined as repeats of cells the good file gives first)
    assertThat(status.get("NL/NL_mensenhandel_huge.csv"), is("PARTIAL 2"));
    assertThat(status.get("NL/NL_mensenhandel_sparse.csv"), is("REJECTED 0"));
    assertThat(manifest.path("files").size(), is(HostileCorpus.cases().size() + 3));

    try (Stream<Path> files = Files.list(release)) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        try (Reader r = Files.newBufferedReader(csv)) {
          for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
            for (String field : rec) {
              // a negative number (a change between years) is data, not a formula
              boolean number = field.matches("-?\\d+(\\.\\d+)?");
              assertThat(csv.getFileName() + ": " + field, !number && !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0, is(false));
            }
          }
        }
      }
    }
  }
}
