package eu.thbstat.pipeline;

import eu.thbstat.harmonise.CountryHarmoniser;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
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
 * checks, rates. Groups by country only, so the DirectRunner pays its per-key cost a few dozen
 * times, not once per cell.
 *
 * <p>Output: {@link Stage#OBSERVATIONS} (kept, derived and computed cells), {@link
 * Stage#FINDINGS}, {@link Stage#QUARANTINE} (cells given twice).
 */
public final class HarmoniseCountries extends PTransform<PCollection<Observation>, PCollectionTuple> {
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
  public PCollectionTuple expand(PCollection<Observation> cells) {
    int geo = ref.model().index(Dimension.GEO);
    return Stage.withCoders(
        cells
            .apply("KeyByCountry", WithKeys.of((Observation o) -> o.key().get(geo)).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Observation.class)))
            .apply("GroupByCountry", GroupByKey.create())
            .apply("CheckAndDerive",
                ParDo.of(new HarmoniseCountryFn(ref, previous))
                    .withOutputTags(Stage.OBSERVATIONS, TupleTagList.of(Stage.FINDINGS).and(Stage.QUARANTINE))));
  }

  static final class HarmoniseCountryFn extends DoFn<KV<String, Iterable<Observation>>, Observation> {
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
    public void process(@Element KV<String, Iterable<Observation>> country, MultiOutputReceiver out) {
      List<Observation> cells = new ArrayList<>();
      country.getValue().forEach(cells::add);
      CountryHarmoniser.Result r = harmoniser.harmonise(country.getKey(), cells);
      r.observations().forEach(out.get(Stage.OBSERVATIONS)::output);
      r.findings().forEach(out.get(Stage.FINDINGS)::output);
      r.quarantine().forEach(out.get(Stage.QUARANTINE)::output);
    }
  }
}
