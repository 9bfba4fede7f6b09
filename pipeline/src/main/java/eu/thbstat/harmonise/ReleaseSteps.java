package eu.thbstat.harmonise;

import eu.thbstat.aggregate.ReleaseAggregation;
import eu.thbstat.model.Finding;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps over a whole release, once every country is harmonised: whatever needs all countries
 * at once (EU aggregates, comparisons across countries, disclosure protection). Plain Java over the
 * cells (a cube of cells, never case records), called by the pipeline's WriteRelease and by the
 * single-thread {@link LocalHarmoniser}, so both give the same release.
 */
public final class ReleaseSteps {
  private ReleaseSteps() {}

  /** The release after every whole-release step, in order. */
  public static Release apply(ReferenceData ref, Release release) {
    release = aggregate(ref, release);
    return release;
  }

  /** EU aggregates, their rates, and shares on known categories (eu.thbstat.aggregate). */
  static Release aggregate(ReferenceData ref, Release release) {
    ReleaseAggregation.Result r = ReleaseAggregation.apply(ref, release.observations());
    List<Finding> findings = new ArrayList<>(release.findings());
    r.findings().stream().filter(f -> !release.findings().contains(f)).forEach(findings::add);
    return new Release(r.cells(), findings, release.quarantine(), release.files());
  }
}
