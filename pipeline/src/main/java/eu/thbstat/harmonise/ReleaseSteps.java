package eu.thbstat.harmonise;

import eu.thbstat.reference.ReferenceData;

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
    release = eu.thbstat.validation.ValidationSteps.apply(ref, release);
    return release;
  }
}
