package eu.thbstat.pipeline;

import static eu.thbstat.pipeline.ReadSubmissionsTest.list;
import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.testing.TestData;
import eu.thbstat.validation.PreviousRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HarmoniseCountries with a previous release: the checks over time see its years and revisions. */
class LevelThreeInPipelineTest {

  private static Observation cell(CellKey key, double value, long line) {
    return new Observation(key, value, "", List.of(), Origin.REPORTED, "de.csv", line);
  }

  @Test
  void theCountryStepChecksTheSeriesAgainstThePreviousRelease(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cube.csv"), String.join("\n",
        "geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,unit,obs_value,obs_flag,footnotes,origin,source",
        "DE,2021,PER_VICT,TOTAL,T,TOTAL,TOTAL,LAB_SERV,NR,147,,,REPORTED,x.csv:1",
        "DE,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,SEX,NR,470,,,REPORTED,x.csv:2",
        "DE,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,SEX,P_MHAB,5.6,,,COMPUTED,x.csv:2", ""));
    PreviousRelease previous = PreviousRelease.read(dir, TestData.ref().model());
    List<Observation> cells = List.of(
        cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019, 2),
        cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "SEX"), 476, 3));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple out = p.apply(Create.of(ReadSubmissionsTest.batches(cells)).withCoder(SerializableCoder.of(eu.thbstat.model.CellBatch.class)))
        .apply(HarmoniseCountries.using(TestData.ref()).withPrevious(previous));
    PAssert.that(out.get(Stage.FINDINGS)).satisfies(findings -> {
      assertThat(list(findings).stream().map(f -> f.ruleId() + " " + f.key() + " " + f.line()).toList(), containsInAnyOrder(
          // 147 in 2021 (previous release) against 1019 in 2022: no footnote on these cells
          "YOY_CHANGE DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR 2",
          // 470 in the previous release, 476 now
          "VALUE_REVISED DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.NR 3"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
