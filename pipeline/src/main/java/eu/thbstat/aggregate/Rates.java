package eu.thbstat.aggregate;

import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Rates per million (P_MHAB, Eurostat's unit for THB) and per hundred thousand inhabitants
 * (P_HTHAB, the SDG 16.2.2 unit) from counts and the population on 1 January of the reference
 * year in seeds/population.csv. Computed only where every dimension that splits the population
 * (sex, age, citizenship) is at its total, since the denominator is the whole population. The
 * value is kept unrounded; outputs round it to the unit's decimals.
 */
public final class Rates {
  public static final String PER_MILLION = "P_MHAB";
  public static final String PER_HUNDRED_THOUSAND = "P_HTHAB";

  private final ReferenceData ref;

  public Rates(ReferenceData ref) {
    this.ref = ref;
  }

  /** The result: the rate cells, and a note for each country-year without a population. */
  public record Result(List<Observation> rates, List<Finding> findings) {}

  public Result compute(List<Observation> cells) {
    int geo = ref.model().index(Dimension.GEO);
    int time = ref.model().index(Dimension.TIME);
    return compute(cells, o -> ref.seeds().population(o.key().get(geo), Integer.parseInt(o.key().get(time))));
  }

  /**
   * Rates with the population given per cell: an EU aggregate's denominator is the population of
   * the countries that report the cell, not the whole EU's.
   */
  public Result compute(List<Observation> cells, Function<Observation, OptionalLong> populationOf) {
    int geo = ref.model().index(Dimension.GEO);
    int time = ref.model().index(Dimension.TIME);
    int unit = ref.model().index(Dimension.UNIT);
    List<Observation> rates = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (Observation o : cells) {
      if (!o.available() || !o.key().get(unit).equals("NR") || !atPopulationTotals(o)) {
        continue;
      }
      OptionalLong population = populationOf.apply(o);
      if (population.isEmpty()) {
        missing.add(o.key().get(geo) + ":" + o.key().get(time));
        continue;
      }
      rates.add(rate(o, unit, PER_MILLION, per(o.value(), population.getAsLong(), 1e6)));
      rates.add(rate(o, unit, PER_HUNDRED_THOUSAND, per(o.value(), population.getAsLong(), 1e5)));
    }
    List<Finding> findings = new ArrayList<>();
    for (String m : missing) {
      String[] gy = m.split(":");
      findings.add(ref.rules().finding("POPULATION_MISSING", Place.file(gy[0], ""), Map.of("geo", gy[0], "time", gy[1])));
    }
    return new Result(rates, findings);
  }

  /** count per {@code per} inhabitants. */
  public static double per(double count, long population, double per) {
    return count / population * per;
  }

  private boolean atPopulationTotals(Observation o) {
    for (Dimension d : ref.model().dimensions()) {
      if (d.splitsPopulation() && !o.key().get(d.index()).equals(d.total())) {
        return false;
      }
    }
    return true;
  }

  private static Observation rate(Observation count, int unit, String rateUnit, double value) {
    return new Observation(count.key().with(unit, rateUnit), value, count.flags(), count.footnotes(), Origin.COMPUTED, count.file(), count.line());
  }
}
