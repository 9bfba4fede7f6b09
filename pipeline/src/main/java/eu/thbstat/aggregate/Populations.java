package eu.thbstat.aggregate;

import eu.thbstat.reference.Seeds;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Populations on 1 January of groups of countries and of the EU, from seeds/population.csv. */
final class Populations {
  private Populations() {}

  /** The population of these countries, or null if one of them has none in the seeds. */
  static Long of(Seeds seeds, Collection<String> countries, int year) {
    long sum = 0;
    for (String c : countries) {
      OptionalLong p = seeds.population(c, year);
      if (p.isEmpty()) {
        return null;
      }
      sum += p.getAsLong();
    }
    return sum;
  }

  /** The population of an EU aggregate: its own row in the seeds, else the sum of its members (null if unknown). */
  static Long ofEu(Seeds seeds, String eu, int year) {
    OptionalLong p = seeds.population(eu, year);
    if (p.isPresent()) {
      return p.getAsLong();
    }
    return of(seeds, new TreeSet<>(seeds.members().getOrDefault(eu, Set.of())), year);
  }

  /** covered / total, or null when either is unknown or the total is zero. */
  static Double share(Long covered, Long total) {
    return covered == null || total == null || total == 0 ? null : (double) covered / total;
  }
}
