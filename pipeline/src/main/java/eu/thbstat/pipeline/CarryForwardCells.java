package eu.thbstat.pipeline;

import eu.thbstat.model.CellBatch;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.SubmissionAction;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.release.CarryForward;
import eu.thbstat.release.PreviousRelease;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The reported cells of a run with those of the previous release that carry forward ({@link
 * CarryForward}): the previous release is read by one DoFn, which keeps the cells of the countries
 * and years no new submission replaces (the new cells, by the batch, and the submissions' actions are
 * side inputs). Without a previous release, the new cells alone.
 */
final class CarryForwardCells {
  private CarryForwardCells() {}

  static PCollection<CellBatch> of(PCollectionTuple read, String previous, ReferenceData ref) {
    PCollection<CellBatch> reported = read.get(Stage.OBSERVATIONS);
    if (previous == null) {
      return reported;
    }
    Pipeline p = read.getPipeline();
    PCollectionView<List<CellBatch>> keys = reported.apply("NewCellsAsList", View.asList());
    PCollection<SubmissionAction> actions = read.has(Stage.ACTIONS) ? read.get(Stage.ACTIONS)
        : p.apply("NoActions", Create.empty(SerializableCoder.of(SubmissionAction.class)));
    PCollectionView<List<SubmissionAction>> actionList = actions.apply("ActionsAsList", View.asList());
    PCollection<CellBatch> carried = p
        .apply("PreviousRelease", Create.of(previous))
        .apply("CarriedCells", ParDo.of(new CarryFn(ref, keys, actionList)).withSideInputs(keys, actionList))
        .setCoder(SerializableCoder.of(CellBatch.class));
    return PCollectionList.of(reported).and(carried).apply("WithCarriedCells", Flatten.pCollections());
  }

  static final class CarryFn extends DoFn<String, CellBatch> {
    private static List<CellKey> newKeys(List<CellBatch> batches) {
      return batches.stream().flatMap(b -> b.cells().stream()).map(Observation::key).toList();
    }

    private final ReferenceData ref;
    private final PCollectionView<List<CellBatch>> keys;
    private final PCollectionView<List<SubmissionAction>> actions;

    CarryFn(ReferenceData ref, PCollectionView<List<CellBatch>> keys, PCollectionView<List<SubmissionAction>> actions) {
      this.ref = ref;
      this.keys = keys;
      this.actions = actions;
    }

    @ProcessElement
    public void process(@Element String folder, ProcessContext c) {
      PreviousRelease previous = PreviousRelease.read(folder, ref.model());
      List<Observation> carried = new CarryForward(ref.model())
          .carried(previous.id(), previous.cells(), newKeys(c.sideInput(keys)), c.sideInput(actions), previous.sourceFlags());
      CellBatch.byCountry(carried, ref.model().index(eu.thbstat.reference.Dimension.GEO)).forEach(c::output);
    }
  }
}
