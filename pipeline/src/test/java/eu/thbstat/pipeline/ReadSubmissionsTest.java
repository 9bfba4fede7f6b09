package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import eu.thbstat.model.Observation;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReadSubmissions on the DirectRunner: its output and its failures, asserted with PAssert. */
class ReadSubmissionsTest {

  static <T> List<T> list(Iterable<T> items) {
    return new ArrayList<>(StreamSupport.stream(items.spliterator(), false).toList());
  }

  /** The cells of batches. */
  static List<Observation> cells(Iterable<eu.thbstat.model.CellBatch> batches) {
    return new ArrayList<>(StreamSupport.stream(batches.spliterator(), false).flatMap(b -> b.cells().stream()).toList());
  }

  /** Cells as the batches a reader gives: one per country. */
  static List<eu.thbstat.model.CellBatch> batches(List<Observation> cells) {
    return eu.thbstat.model.CellBatch.byCountry(cells, TestData.ref().model().index(eu.thbstat.reference.Dimension.GEO));
  }

  @Test
  void badRecordsAndFilesBecomeFindingsAndTheRestFlows(@TempDir Path input) throws IOException {
    Files.createDirectories(input.resolve("NL"));
    Files.copy(TestData.resource("broken/NL_mensenhandel_broken.csv"), input.resolve("NL/NL_mensenhandel_broken.csv"));
    Files.createDirectories(input.resolve("FR"));
    Files.writeString(input.resolve("FR/victimes.csv"), "annee,total\n2022,10\n");
    Files.writeString(input.resolve("README.md"), "notes");

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple read = p.apply(ReadSubmissions.from(input.toString(), TestData.ref()));

    PAssert.that(read.get(Stage.OBSERVATIONS)).satisfies(cells -> {
      List<Observation> all = cells(cells);
      assertThat(all.size(), is(7));
      assertThat(all.stream().map(o -> o.file() + ":" + o.line() + "=" + o.value()).toList(), containsInAnyOrder(
          "NL/NL_mensenhandel_broken.csv:2=100.0", "NL/NL_mensenhandel_broken.csv:3=60.0", "NL/NL_mensenhandel_broken.csv:4=30.0",
          "NL/NL_mensenhandel_broken.csv:5=5.0", "NL/NL_mensenhandel_broken.csv:6=20.0", "NL/NL_mensenhandel_broken.csv:10=40.0",
          "NL/NL_mensenhandel_broken.csv:11=0.0"));
      return null;
    });
    PAssert.that(read.get(Stage.FINDINGS)).satisfies(findings -> {
      assertThat(list(findings).stream().map(f -> f.ruleId() + " " + f.file() + ":" + f.line()).toList(), containsInAnyOrder(
          "VALUE_NEGATIVE NL/NL_mensenhandel_broken.csv:7",
          "VALUE_NOT_NUMERIC NL/NL_mensenhandel_broken.csv:8",
          "CODE_UNMAPPED NL/NL_mensenhandel_broken.csv:9",
          "FILE_NO_MAPPING FR/victimes.csv:0"));
      return null;
    });
    PAssert.that(read.get(Stage.QUARANTINE)).satisfies(rejected -> {
      assertThat(list(rejected).stream().map(q -> q.line() + " " + q.ruleIds() + " " + q.rawRecord()).toList(), containsInAnyOrder(
          "7 [VALUE_NEGATIVE] 2022;slachtoffer;totaal;meerderjarig;totaal;totaal;-3;",
          "8 [VALUE_NOT_NUMERIC] 2022;slachtoffer;totaal;onbekend;totaal;totaal;veel;",
          "9 [CODE_UNMAPPED] 2022;slachtoffer;anders;totaal;totaal;totaal;1;"));
      return null;
    });
    PAssert.that(read.get(Stage.FILES)).satisfies(files -> {
      assertThat(list(files).stream().map(f -> f.file() + " " + f.status() + " " + f.recordsRead()).toList(), containsInAnyOrder(
          "NL/NL_mensenhandel_broken.csv READ 10", "FR/victimes.csv NO_MAPPING 0", "README.md IGNORED 0"));
      return null;
    });
    p.run().waitUntilFinish();
  }

}
