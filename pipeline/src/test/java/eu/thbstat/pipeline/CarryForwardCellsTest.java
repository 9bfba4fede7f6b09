package eu.thbstat.pipeline;

import static eu.thbstat.testing.TestData.victims;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.output.ReleasePublisher;
import eu.thbstat.output.RunInfo;
import eu.thbstat.release.ReleaseAssembly;
import eu.thbstat.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carry-forward stage on the DirectRunner: the previous release (two NL years, published in
 * plain Java) is read by one DoFn; the year a new cell is given for is replaced, the other carries
 * forward with its source naming the release that read it.
 */
class CarryForwardCellsTest {
  @TempDir Path dir;

  @Test
  void theCellsOfYearsNotSentAgainCarryForward() throws Exception {
    String header = "jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering\n";
    byte[] earlier = (header + "2021;verdachte;vrouw;totaal;totaal;totaal;58;\n2022;verdachte;vrouw;totaal;totaal;totaal;52;\n"
        + "2022;verdachte;man;totaal;totaal;totaal;240;\n").getBytes(StandardCharsets.UTF_8);
    Release release = new LocalHarmoniser(TestData.ref()).harmonise(List.of(new LocalHarmoniser.Input("NL/NL_mensenhandel_a.csv", earlier, null)));
    ReleaseAssembly.Result first = ReleaseAssembly.assemble(release, TestData.ref(), new RunInfo("test", "test", "in"), List.of(), null, null, null);
    new ReleasePublisher().publish(dir.toString(), first.id(), first.files());

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    CellKey nl22f = victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL").with(2, "PER_SUSP").with(3, "_Z");
    PCollection<eu.thbstat.model.CellBatch> fresh = p.apply(Create.of(new eu.thbstat.model.CellBatch("NL",
            List.of(new Observation(nl22f, 55.0, "", List.of(), Origin.REPORTED, "NL/NL_mensenhandel_b.csv", 2))))
        .withCoder(SerializableCoder.of(eu.thbstat.model.CellBatch.class)));
    PCollection<String> cells = CarryForwardCells.of(PCollectionTuple.of(Stage.OBSERVATIONS, fresh), dir.resolve(first.id()).toString(), TestData.ref())
        .apply(org.apache.beam.sdk.transforms.FlatMapElements.into(TypeDescriptors.strings()).via((eu.thbstat.model.CellBatch b) ->
            b.cells().stream().map(o -> o.key() + "=" + o.value() + " " + o.file() + ":" + o.line()).toList()));
    PAssert.that(cells).containsInAnyOrder(
        "NL.2022.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.NR=55.0 NL/NL_mensenhandel_b.csv:2",
        "NL.2021.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.NR=58.0 [" + first.id() + "]NL/NL_mensenhandel_a.csv:2");
    p.run().waitUntilFinish();
  }
}
