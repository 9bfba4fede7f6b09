package eu.thbstat.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reference data of seeds/: geo codes with their ISO 3166 equivalents, the EU composition by
 * reference year, and the population on 1 January.
 *
 * @param isoByGeo Eurostat geo code to ISO 3166 alpha-2 (EL to GR, UK to GB)
 * @param population keyed by {@link #key(String, int)}
 * @param populationSource the source column of seeds/population.csv, same keys
 * @param isoCountries ISO 3166-1 alpha-2 code to English name (seeds/iso3166.csv), the codes a
 *     citizenship in case-level records may take
 */
public record Seeds(
    Map<String, String> isoByGeo,
    Map<String, String> geoLabels,
    List<EuAggregate> aggregates,
    Map<String, Set<String>> members,
    Map<String, Long> population,
    Map<String, String> populationSource,
    Map<String, String> populationFlags,
    Map<String, String> isoCountries)
    implements Serializable {

  /** An EU aggregate and the reference years for which it is the EU of the release. */
  public record EuAggregate(String code, int firstYear, int lastYear, String label)
      implements Serializable {}

  public Seeds {
    isoByGeo = Map.copyOf(isoByGeo);
    geoLabels = Map.copyOf(geoLabels);
    aggregates = List.copyOf(aggregates);
    members = Map.copyOf(members);
    population = Map.copyOf(population);
    populationSource = Map.copyOf(populationSource);
    populationFlags = Map.copyOf(populationFlags);
    isoCountries = isoCountries == null ? Map.of() : Map.copyOf(isoCountries);
  }

  /** Seeds without the ISO 3166 list (seeds/iso3166.csv). */
  public Seeds(
      Map<String, String> isoByGeo,
      Map<String, String> geoLabels,
      List<EuAggregate> aggregates,
      Map<String, Set<String>> members,
      Map<String, Long> population,
      Map<String, String> populationSource,
      Map<String, String> populationFlags) {
    this(isoByGeo, geoLabels, aggregates, members, population, populationSource, populationFlags, Map.of());
  }

  /** Whether a code is an ISO 3166-1 alpha-2 country code of seeds/iso3166.csv (upper case). */
  public boolean isIsoCountry(String code) {
    return isoCountries.containsKey(code);
  }

  public static String key(String geo, int year) {
    return geo + ":" + year;
  }

  public boolean isGeo(String code) {
    return geoLabels.containsKey(code);
  }

  /** The Eurostat geo code for a Eurostat or an ISO 3166 alpha-2 code, any case (GR gives EL), or null. */
  public String geoOf(String raw) {
    String code = raw.trim().toUpperCase(java.util.Locale.ROOT);
    if (isGeo(code)) {
      return code;
    }
    for (Map.Entry<String, String> e : isoByGeo.entrySet()) {
      if (e.getValue().equals(code)) {
        return e.getKey();
      }
    }
    return null;
  }

  public OptionalLong population(String geo, int year) {
    Long p = population.get(key(geo, year));
    return p == null ? OptionalLong.empty() : OptionalLong.of(p);
  }

  /** The EU aggregate of a reference year: EU28 up to 2019, EU27_2020 from 2020. */
  public EuAggregate euOf(int year) {
    for (EuAggregate a : aggregates) {
      if (year >= a.firstYear() && year <= a.lastYear()) {
        return a;
      }
    }
    throw new IllegalArgumentException("no EU aggregate in seeds/eu-aggregates.csv for " + year);
  }

  public boolean isEuMember(String geo, int year) {
    return members.getOrDefault(euOf(year).code(), Set.of()).contains(geo);
  }
}
