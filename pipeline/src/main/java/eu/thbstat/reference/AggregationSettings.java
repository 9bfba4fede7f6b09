package eu.thbstat.reference;

import java.io.Serializable;
import java.util.List;

/**
 * How EU aggregates, their flags, shares and estimates are made (schemas/aggregation.yaml; the
 * file's header and docs/aggregates.md define each parameter).
 *
 * @param minPopulationShare an EU aggregate cell is published only when the countries that report
 *     it hold at least this share of the EU population (0 to 1)
 * @param minCountries ... and at least this many countries report it
 * @param flagMethod how the aggregate's flag is derived from the components' flags (Eurostat flagr)
 * @param flagHierarchy for {@link FlagMethod#HIERARCHY}: the flags in order of precedence
 * @param flagThreshold for {@link FlagMethod#WEIGHTED}: the least share of the aggregate the
 *     winning flag's components must make up
 * @param flagsIgnored flags never propagated to an aggregate
 * @param unknownCodes codes of "unknown" left out of the denominator of shares
 * @param estimation whether non-reporting Member States are estimated (flag s)
 * @param estimationMaxYearsBack how old the last observed rate may be
 */
public record AggregationSettings(
    double minPopulationShare,
    int minCountries,
    FlagMethod flagMethod,
    String flagHierarchy,
    double flagThreshold,
    String flagsIgnored,
    List<String> unknownCodes,
    boolean estimation,
    int estimationMaxYearsBack)
    implements Serializable {

  /** The three methods of Eurostat's flagr package. */
  public enum FlagMethod {
    HIERARCHY,
    FREQUENCY,
    WEIGHTED
  }

  public AggregationSettings {
    unknownCodes = List.copyOf(unknownCodes);
  }

  public AggregationSettings withCoverage(double share, int countries) {
    return new AggregationSettings(share, countries, flagMethod, flagHierarchy, flagThreshold, flagsIgnored, unknownCodes, estimation, estimationMaxYearsBack);
  }

  public AggregationSettings withFlags(FlagMethod method, String hierarchy, double threshold) {
    return new AggregationSettings(minPopulationShare, minCountries, method, hierarchy, threshold, flagsIgnored, unknownCodes, estimation, estimationMaxYearsBack);
  }

  public AggregationSettings withEstimation(boolean on, int maxYearsBack) {
    return new AggregationSettings(minPopulationShare, minCountries, flagMethod, flagHierarchy, flagThreshold, flagsIgnored, unknownCodes, on, maxYearsBack);
  }
}
