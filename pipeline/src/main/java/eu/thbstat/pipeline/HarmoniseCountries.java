package eu.thbstat.pipeline;

import eu.thbstat.harmonise.CountryHarmoniser;
import eu.thbstat.model.Observation;
import eu.thbstat.model.CellBatch;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.validation.PreviousRelease;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings the cells of each country together (all its files) and runs {@link CountryHarmoniser}
 * on them: duplicates across files, totals derived from complete breakdowns, level-2 hierarchy
 * checks, rates. Groups batches by country only, so the DirectRunner pays its per-key cost a few
 * dozen times, not once per cell.
 *
 * <p>Output: {@link Stage#OBSERVATIONS} (kept, derived and computed cells), {@link
 * Stage#FINDINGS}, {@link Stage#QUARANTINE} (cells given twice).
 */
public final class HarmoniseCountries extends PTransform<PCollection<CellBatch>, PCollectionTuple> {
  private final ReferenceData ref;
  private final PreviousRelease previous;

  private HarmoniseCountries(ReferenceData ref, PreviousRelease previous) {
    this.ref = ref;
    this.previous = previous;
  }

  public static HarmoniseCountries using(ReferenceData ref) {
    return new HarmoniseCountries(ref, PreviousRelease.NONE);
  }

  /** The same, with the cells of a previous release for the checks over time. */
  public HarmoniseCountries withPrevious(PreviousRelease previousRelease) {
    return new HarmoniseCountries(ref, previousRelease);
  }

  @Override
  public PCollectionTuple expand(PCollection<CellBatch> cells) {
    return Stage.withCoders(
        cells
            .apply("KeyByCountry", WithKeys.of(CellBatch::country).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(CellBatch.class)))
            .apply("GroupByCountry", GroupByKey.create())
            .apply("CheckAndDerive",
                ParDo.of(new HarmoniseCountryFn(ref, previous))
                    .withOutputTags(Stage.OBSERVATIONS, TupleTagList.of(Stage.FINDINGS).and(Stage.QUARANTINE))));
  }

  static final class HarmoniseCountryFn extends DoFn<KV<String, Iterable<CellBatch>>, CellBatch> {
    private final ReferenceData ref;
    private final PreviousRelease previous;
    private transient CountryHarmoniser harmoniser;

    HarmoniseCountryFn(ReferenceData ref, PreviousRelease previous) {
      this.ref = ref;
      this.previous = previous;
    }

    @Setup
    public void setup() {
      harmoniser = new CountryHarmoniser(ref, previous);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<CellBatch>> country, MultiOutputReceiver out) {
      List<Observation> cells = new ArrayList<>();
      country.getValue().forEach(batch -> cells.addAll(batch.cells()));
      CountryHarmoniser.Result r = harmoniser.harmonise(country.getKey(), cells);
      out.get(Stage.OBSERVATIONS).output(new CellBatch(country.getKey(), r.observations()));
      r.findings().forEach(out.get(Stage.FINDINGS)::output);
      r.quarantine().forEach(out.get(Stage.QUARANTINE)::output);
    }
  }
}
