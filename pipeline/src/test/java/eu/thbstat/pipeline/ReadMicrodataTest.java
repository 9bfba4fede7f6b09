package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.ingest.microdata.MicrodataReaderTest;
import eu.thbstat.model.Observation;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReadSubmissions on case-level records: each file is streamed and counted inside the reading
 * DoFn, which emits cells (never records), findings, quarantined records without their content and
 * a file report.
 */
class ReadMicrodataTest {

  /** Writes MicrodataReaderTest's records as FR's file of case records under the input folder. */
  private static byte[] writeRecords(Path input) throws IOException {
    Files.createDirectories(input.resolve("FR"));
    byte[] records = MicrodataReaderTest.RECORDS.getBytes(StandardCharsets.UTF_8);
    Files.write(input.resolve(MicrodataReaderTest.FILE), records);
    return records;
  }

  /** What the same file gives read whole, without Beam. */
  private static List<String> wholeFileCells(byte[] records) {
    return new SubmissionProcessor(TestData.ref()).process(MicrodataReaderTest.FILE, records).observations()
        .stream().map(o -> o.key() + "=" + o.value()).sorted().toList();
  }

  @Test
  void caseRecordsAreStreamedAndCountedIntoCells(@TempDir Path input) throws IOException {
    byte[] records = writeRecords(input);
    List<String> expected = wholeFileCells(records);

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple read = p.apply(ReadSubmissions.from(input.toString(), TestData.ref()));

    PAssert.that(read.get(Stage.OBSERVATIONS)).satisfies(cells -> {
      List<Observation> all = ReadSubmissionsTest.cells(cells);
      assertThat(all.stream().map(o -> o.key() + "=" + o.value()).sorted().toList(), equalTo(expected));
      assertThat(TestData.value(all, TestData.victims("FR", 2019, "T", "TOTAL", "TOTAL", "TOTAL")), is(6.0));
      assertThat(TestData.value(all, TestData.victims("FR", 2019, "T", "TOTAL", "EU28_FOR", "TOTAL")), is(2.0));
      assertThat(TestData.value(all, TestData.victims("FR", 2020, "T", "TOTAL", "NEU27_2020_FOR", "TOTAL")), is(1.0));
      return null;
    });
    PAssert.that(read.get(Stage.FINDINGS)).satisfies(findings -> {
      assertThat(ReadSubmissionsTest.list(findings).stream().map(f -> f.ruleId() + "@" + f.line()).toList(), containsInAnyOrder(
          "CASE_CODE_UNMAPPED@13", "CASE_DATE_INVALID@14", "CASE_CITIZENSHIP_INVALID@15", "CASE_UNREADABLE@16",
          "CASE_AGE_INVALID@17", "CASE_CODE_UNMAPPED@17", "CASE_MULTI_FORM@0"));
      return null;
    });
    PAssert.that(read.get(Stage.QUARANTINE)).satisfies(rejected -> {
      assertThat(ReadSubmissionsTest.list(rejected).stream().map(q -> q.line() + ":" + q.column() + "[" + q.rawRecord() + "]").toList(),
          containsInAnyOrder("13:prs_Gender[]", "14:cas_RegistrationDate[]", "15:prs_Citizenship[]", "16:[]",
              "17:prs_Birthdate, vic_TypeOfExploitation[]"));
      return null;
    });
    PAssert.that(read.get(Stage.FILES)).satisfies(files -> {
      assertThat(ReadSubmissionsTest.list(files).stream().map(f -> f.file() + " " + f.status() + " " + f.recordsRead() + " "
          + f.recordsCounted() + " " + f.recordsExcluded() + " " + f.bytes() + " " + f.sha256()).toList(), containsInAnyOrder(
          MicrodataReaderTest.FILE + " READ 16 10 1 " + records.length + " " + eu.thbstat.reference.ReferenceDataLoader.sha256(records)));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void aFileReadInSplitsGivesTheCellsFindingsAndLinesOfTheWholeFile(@TempDir Path input) throws IOException {
    byte[] records = writeRecords(input);
    List<String> expected = wholeFileCells(records);

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    // splits of 1 000 bytes: the 17 lines of about 330 bytes are cut into 6 splits, read in parallel
    PCollectionTuple read = p.apply(ReadSubmissions.from(input.toString(), TestData.ref()).withSplitBytes(1000));

    PAssert.that(read.get(Stage.OBSERVATIONS)).satisfies(cells -> {
      assertThat(ReadSubmissionsTest.cells(cells).stream().map(o -> o.key() + "=" + o.value()).sorted().toList(), equalTo(expected));
      return null;
    });
    PAssert.that(read.get(Stage.QUARANTINE)).satisfies(rejected -> {
      assertThat(ReadSubmissionsTest.list(rejected).stream().map(q -> q.line() + ":" + q.column()).toList(),
          containsInAnyOrder("13:prs_Gender", "14:cas_RegistrationDate", "15:prs_Citizenship", "16:", "17:prs_Birthdate, vic_TypeOfExploitation"));
      return null;
    });
    PAssert.that(read.get(Stage.FILES)).satisfies(files -> {
      assertThat(ReadSubmissionsTest.list(files).stream().map(f -> f.file() + " " + f.status() + " " + f.recordsRead() + " "
          + f.recordsCounted() + " " + f.recordsExcluded() + " " + f.bytes() + " " + f.sha256().substring(0, f.sha256().lastIndexOf(':') + 1)).toList(),
          containsInAnyOrder(MicrodataReaderTest.FILE + " READ 16 10 1 " + records.length + " "
              + eu.thbstat.ingest.microdata.MicrodataReader.SPLIT_HASH_PREFIX + (records.length + 999) / 1000 + ":"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
