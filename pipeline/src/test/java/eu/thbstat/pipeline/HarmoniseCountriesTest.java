package eu.thbstat.pipeline;

import static eu.thbstat.pipeline.ReadSubmissionsTest.list;
import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.testing.TestData;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;

/** HarmoniseCountries on the DirectRunner: cells kept, derived and computed; findings; duplicates. */
class HarmoniseCountriesTest {

  private static Observation cell(CellKey key, double value, String file, long line) {
    return new Observation(key, value, "", List.of(), Origin.REPORTED, file, line);
  }

  @Test
  void checksDerivesComputesAndRejectsPerCountry() {
    List<Observation> cells = List.of(
        cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 100, "a.csv", 2),
        cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60, "a.csv", 3),
        cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30, "a.csv", 4),
        cell(victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5, "a.csv", 5),
        cell(victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 10, "b.csv", 7), // given again in another file
        cell(victims("EL", 2022, "T", "Y_LT18", "TOTAL", "TOTAL"), 50, "c.csv", 2),
        cell(victims("EL", 2022, "T", "Y_GE18", "TOTAL", "TOTAL"), 150, "c.csv", 3),
        cell(victims("EL", 2022, "T", "UNK", "TOTAL", "TOTAL"), 4, "c.csv", 4));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple out = p.apply(Create.of(ReadSubmissionsTest.batches(cells)).withCoder(SerializableCoder.of(eu.thbstat.model.CellBatch.class)))
        .apply(HarmoniseCountries.using(TestData.ref()));

    PAssert.that(out.get(Stage.OBSERVATIONS)).satisfies(kept -> {
      assertThat(ReadSubmissionsTest.cells(kept).stream().map(o -> o.key() + "=" + o.value() + " " + o.origin()).toList(), containsInAnyOrder(
          "NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR=100.0 REPORTED",
          "NL.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR=60.0 REPORTED",
          "NL.2022.PER_VICT.TOTAL.M.TOTAL.TOTAL.TOTAL.NR=30.0 REPORTED",
          "NL.2022.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.TOTAL.NR=5.0 REPORTED",
          // 100 / 17 590 672 inhabitants (1 January 2022)
          "NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_MHAB=" + 100 / 17_590_672.0 * 1e6 + " COMPUTED",
          "NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_HTHAB=" + 100 / 17_590_672.0 * 1e5 + " COMPUTED",
          "EL.2022.PER_VICT.TOTAL.T.Y_LT18.TOTAL.TOTAL.NR=50.0 REPORTED",
          "EL.2022.PER_VICT.TOTAL.T.Y_GE18.TOTAL.TOTAL.NR=150.0 REPORTED",
          "EL.2022.PER_VICT.TOTAL.T.UNK.TOTAL.TOTAL.NR=4.0 REPORTED",
          "EL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR=204.0 DERIVED",
          // 204 / 10 461 627 inhabitants (1 January 2022)
          "EL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_MHAB=" + 204 / 10_461_627.0 * 1e6 + " COMPUTED",
          "EL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_HTHAB=" + 204 / 10_461_627.0 * 1e5 + " COMPUTED"));
      return null;
    });
    PAssert.that(out.get(Stage.FINDINGS)).satisfies(findings -> {
      assertThat(list(findings).stream().map(f -> f.ruleId() + " " + f.country() + " " + f.file() + ":" + f.line()).toList(), containsInAnyOrder(
          "KEY_DUPLICATE NL b.csv:7", "HIERARCHY_SUM NL a.csv:2"));
      return null;
    });
    PAssert.that(out.get(Stage.QUARANTINE)).satisfies(rejected -> {
      assertThat(list(rejected).stream().map(q -> q.file() + ":" + q.line() + " " + q.reason()).toList(), containsInAnyOrder(
          "b.csv:7 The cell NL.2022.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.TOTAL.NR is given again; first given at a.csv:5"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
