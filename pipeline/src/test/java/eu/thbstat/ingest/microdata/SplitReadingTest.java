package eu.thbstat.ingest.microdata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.LineRange;
import eu.thbstat.model.Finding;
import eu.thbstat.reference.Mapping;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of case records read in byte-range splits, whose partial counts are added up in any
 * order, gives what the file gives read whole: the same cells, the same findings and quarantined
 * records at the same lines and record numbers, the same file report but for its hash.
 */
class SplitReadingTest {
  private final MicrodataReader reader = new MicrodataReader(TestData.ref());
  private final Mapping mapping = TestData.ref().mappingFor(MicrodataReaderTest.FILE).orElseThrow();

  /** Reads the file in {@code count} splits cut as ReadSubmissions cuts them, merged last split first. */
  private FileResult inSplits(Path file, String name, int count) throws IOException {
    long size = Files.size(file);
    List<CasePartial> partials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = i * (size / count);
      long end = i == count - 1 ? size : (i + 1) * (size / count);
      byte[] header = null;
      if (i > 0) {
        try (InputStream in = Files.newInputStream(file)) {
          header = MicrodataReader.header(mapping, name, in);
        }
      }
      try (LineRange range = LineRange.of(Files.newByteChannel(file), start, end)) {
        partials.add(reader.readSplit(name, mapping, range, header, i, count, n -> { }));
      }
    }
    Collections.reverse(partials);
    CasePartial sum = partials.get(0);
    for (CasePartial p : partials.subList(1, partials.size())) {
      sum = sum.merge(p);
    }
    return reader.finish(sum, mapping);
  }

  private static List<String> described(FileResult r) {
    List<String> out = new ArrayList<>();
    r.observations().forEach(o -> out.add("cell " + o.key() + "=" + o.value() + " " + o.flags() + " " + o.footnotes()));
    r.findings().forEach(f -> out.add("finding " + f.ruleId() + " " + f.where() + " " + f.message()));
    r.quarantine().forEach(q -> out.add("quarantine " + q.line() + " " + q.column() + " " + q.reason()));
    return out;
  }

  private static String report(FileResult r) {
    var f = r.report();
    return f.file() + " " + f.country() + " " + f.status() + " " + f.bytes() + " " + f.recordsRead() + " " + f.recordsCounted()
        + " " + f.recordsExcluded() + " " + f.excludedByReason();
  }

  @Test
  void ndjsonInSplitsGivesWhatTheWholeFileGives(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cases.ndjson");
    Files.writeString(file, MicrodataReaderTest.RECORDS);
    FileResult whole = reader.read(MicrodataReaderTest.FILE, Files.newInputStream(file), mapping);
    for (int count : new int[] {2, 3, 7, 17}) {
      FileResult split = inSplits(file, MicrodataReaderTest.FILE, count);
      assertThat(described(split), containsInAnyOrder(described(whole).toArray()));
      assertThat(report(split), equalTo(report(whole)));
      assertThat(split.report().sha256(), startsWith(MicrodataReader.SPLIT_HASH_PREFIX + count + ":"));
    }
    // the bad records stay at their lines of the whole file (MicrodataReaderTest: lines 13 to 17)
    assertThat(inSplits(file, MicrodataReaderTest.FILE, 5).quarantine().stream().map(q -> q.line()).toList(),
        containsInAnyOrder(13L, 14L, 15L, 16L, 17L));
  }

  @Test
  void csvSplitsReadTheHeaderAgainAndCountLinesFromTheFileStart(@TempDir Path dir) throws IOException {
    String name = "THB_cases_MT_2019-2023.csv";
    new eu.thbstat.generate.CaseGenerator(TestData.ref()).generate(new eu.thbstat.generate.CaseGenerator.Options(
        3000, 5, 2019, 2023, java.util.Set.of(eu.thbstat.generate.CaseGenerator.Format.CSV), List.of("MT")), dir);
    Path file = dir.resolve(name);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int records = lines.size() - 1;
    // two bad records: a date that does not exist at line 1001, a ragged row as the last line
    String[] at1001 = lines.get(1000).split(",", -1);
    at1001[3] = "2021-02-30";
    lines.set(1000, String.join(",", at1001));
    lines.add("MT-X,MT,Victim");
    Files.writeString(file, String.join("\n", lines) + "\n");
    Mapping csv = TestData.ref().mappingFor(name).orElseThrow();
    FileResult whole = reader.read(name, Files.newInputStream(file), csv);
    assertThat(whole.quarantine().stream().map(q -> q.line() + " " + q.ruleIds()).toList(),
        containsInAnyOrder("1001 [CASE_DATE_INVALID]", (records + 2) + " [RECORD_RAGGED]"));
    for (int count : new int[] {2, 4, 9}) {
      FileResult split = inSplits(file, name, count);
      assertThat(described(split), containsInAnyOrder(described(whole).toArray()));
      assertThat(report(split), equalTo(report(whole)));
      assertThat(split.report().recordsRead(), is((long) records + 1));
    }
    // the finding names the record by its number in the file, not in its split
    Finding date = inSplits(file, name, 4).findings().stream().filter(f -> f.ruleId().equals("CASE_DATE_INVALID")).findFirst().orElseThrow();
    assertThat(date.message(), startsWith("Case record 1000:"));
  }

  @Test
  void partialsOfDifferentFilesDoNotMerge() {
    CasePartial a = new CasePartial("a.csv", "m", 2);
    CasePartial b = new CasePartial("b.csv", "m", 2);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> reader.finish(a, mapping));
  }
}
