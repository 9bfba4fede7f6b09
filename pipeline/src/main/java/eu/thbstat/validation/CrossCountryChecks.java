package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import eu.thbstat.reference.Seeds;
import eu.thbstat.rules.StatisticalRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Level 4, plausibility across countries, over a whole release: a rate far outside the EU
 * distribution (rules of type {@code robust_rate}) and a distribution by form or by sex unlike the
 * EU one (type {@code chi_square}); see schemas/rules/level4-countries.yaml. Questions for the
 * analyst, never errors.
 */
public final class CrossCountryChecks {
  private static final double MAD_TO_SD = 1.4826;

  private final ReferenceData ref;
  private final int geo;
  private final int time;
  private final int legStat;
  private final int unit;
  private final Set<String> aggregates;

  public CrossCountryChecks(ReferenceData ref) {
    this.ref = ref;
    this.geo = ref.model().index(Dimension.GEO);
    this.time = ref.model().index(Dimension.TIME);
    this.legStat = ref.model().index("leg_stat");
    this.unit = ref.model().index(Dimension.UNIT);
    this.aggregates = ref.seeds().aggregates().stream().map(Seeds.EuAggregate::code).collect(Collectors.toSet());
  }

  /** The level-4 findings on the cells of every country of a release. */
  public List<Finding> check(List<Observation> cells) {
    List<Finding> findings = new ArrayList<>();
    for (StatisticalRule rule : ref.rules().sets().statistical().values()) {
      if (rule.type().equals("robust_rate")) {
        findings.addAll(rates(rule, cells));
      } else if (rule.type().equals("chi_square")) {
        findings.addAll(distributions(rule, cells));
      }
    }
    return findings;
  }

  /** Whether every dimension other than geo, time, leg_stat, unit and {@code except} is at its total. */
  private boolean atTotals(CellKey key, String except) {
    for (Dimension d : ref.model().dimensions()) {
      if (d.id().equals(Dimension.GEO) || d.id().equals(Dimension.TIME) || d.id().equals("leg_stat")
          || d.id().equals(Dimension.UNIT) || d.id().equals(except) || d.total() == null) {
        continue;
      }
      String code = key.get(d.index());
      if (!code.equals(d.total()) && !code.equals("_Z")) {
        return false;
      }
    }
    return true;
  }

  private boolean isCountry(String g) {
    return !aggregates.contains(g);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private List<Finding> rates(StatisticalRule rule, List<Observation> cells) {
    String rateUnit = rule.text("unit");
    // (time, leg_stat) -> country -> rate cell
    Map<String, Map<String, Observation>> groups = new TreeMap<>();
    for (Observation o : cells) {
      CellKey k = o.key();
      if (k.get(unit).equals(rateUnit) && o.available() && o.value() > 0 && isCountry(k.get(geo)) && atTotals(k, null)) {
        groups.computeIfAbsent(k.get(time) + " " + k.get(legStat), g -> new TreeMap<>()).put(k.get(geo), o);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Map<String, Observation> group : groups.values()) {
      Observation any = group.values().iterator().next();
      int year = Integer.parseInt(any.key().get(time));
      double[] eu = group.entrySet().stream().filter(e -> ref.seeds().isEuMember(e.getKey(), year))
          .mapToDouble(e -> Math.log(e.getValue().value())).toArray();
      if (eu.length < rule.number("min_countries")) {
        continue;
      }
      double median = median(eu);
      double mad = median(Arrays.stream(eu).map(x -> Math.abs(x - median)).toArray());
      double scale = Math.max(MAD_TO_SD * mad, rule.number("min_scale"));
      for (Observation o : group.values()) {
        double z = (Math.log(o.value()) - median) / scale;
        if (Math.abs(z) <= rule.number("z_max")) {
          continue;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("leg_stat", o.key().get(legStat));
        d.put("time", o.key().get(time));
        d.put("rate", String.format(Locale.ROOT, "%.1f", o.value()));
        d.put("direction", z > 0 ? "far above" : "far below");
        d.put("median", String.format(Locale.ROOT, "%.1f", Math.exp(median)));
        d.put("countries", eu.length);
        d.put("z", String.format(Locale.ROOT, "%.2f", z));
        d.put("value", String.format(Locale.ROOT, "%.1f", o.value()));
        findings.add(ref.rules().finding(rule.id(), new Place(o.key().get(geo), o.file(), o.line(), "", o.key().toString()), d));
      }
    }
    return findings;
  }

  private List<Finding> distributions(StatisticalRule rule, List<Observation> cells) {
    String dimension = rule.text("dimension");
    int d = ref.model().index(dimension);
    List<String> codes = rule.list("codes");
    // time -> country -> code -> count of registered victims
    Map<String, Map<String, Map<String, Observation>>> byYear = new TreeMap<>();
    for (Observation o : cells) {
      CellKey k = o.key();
      if (!k.get(unit).equals("NR") || !k.get(legStat).equals("PER_VICT") || !o.available() || !isCountry(k.get(geo))
          || !codes.contains(k.get(d)) || !atTotals(k, dimension)) {
        continue;
      }
      byYear.computeIfAbsent(k.get(time), t -> new TreeMap<>()).computeIfAbsent(k.get(geo), g -> new HashMap<>()).put(k.get(d), o);
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<String, Observation>>> year : byYear.entrySet()) {
      int y = Integer.parseInt(year.getKey());
      Map<String, long[]> complete = new TreeMap<>();
      year.getValue().forEach((g, byCode) -> {
        if (byCode.keySet().containsAll(codes)) {
          complete.put(g, codes.stream().mapToLong(c -> Math.round(byCode.get(c).value())).toArray());
        }
      });
      for (Map.Entry<String, long[]> country : complete.entrySet()) {
        long[] rest = new long[codes.size()];
        int others = 0;
        for (Map.Entry<String, long[]> other : complete.entrySet()) {
          if (!other.getKey().equals(country.getKey()) && ref.seeds().isEuMember(other.getKey(), y)) {
            others++;
            for (int i = 0; i < rest.length; i++) {
              rest[i] += other.getValue()[i];
            }
          }
        }
        if (others < rule.number("min_countries")) {
          continue;
        }
        Finding f = chiSquare(rule, country.getKey(), year.getValue().get(country.getKey()).get(codes.get(0)), codes, country.getValue(), rest, others, year.getKey());
        if (f != null) {
          findings.add(f);
        }
      }
    }
    return findings;
  }

  private Finding chiSquare(StatisticalRule rule, String country, Observation at, List<String> codes, long[] own, long[] rest,
      int others, String year) {
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (own[i] + rest[i] > 0) {
        used.add(i);
      }
    }
    long ownTotal = Arrays.stream(own).sum();
    long restTotal = Arrays.stream(rest).sum();
    if (used.size() < 2 || ownTotal == 0 || restTotal == 0) {
      return null;
    }
    long[][] table = new long[2][used.size()];
    for (int j = 0; j < used.size(); j++) {
      table[0][j] = own[used.get(j)];
      table[1][j] = rest[used.get(j)];
    }
    ChiSquareTest test = new ChiSquareTest();
    double chi2 = test.chiSquare(table);
    double p = test.chiSquareTest(table);
    double v = Math.sqrt(chi2 / (ownTotal + restTotal));
    if (p >= rule.number("alpha") || v < rule.number("min_cramers_v")) {
      return null;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("time", year);
    d.put("shares", shares(codes, own));
    d.put("eu_shares", shares(codes, rest));
    d.put("countries", others);
    d.put("chi2", String.format(Locale.ROOT, "%.1f", chi2));
    d.put("p", SeriesChecks.formatP(p));
    d.put("v", String.format(Locale.ROOT, "%.2f", v));
    d.put("value", String.format(Locale.ROOT, "%.2f", v));
    CellKey total = at.key().with(ref.model().index(rule.text("dimension")), ref.model().dimension(rule.text("dimension")).total());
    return ref.rules().finding(rule.id(), new Place(country, at.file(), 0, "", total.toString()), d);
  }

  static String shares(List<String> codes, long[] counts) {
    long total = Arrays.stream(counts).sum();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      parts.add(codes.get(i) + " " + Math.round(counts[i] * 100.0 / total) + "%");
    }
    return String.join(", ", parts);
  }
}
