package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import eu.thbstat.rules.StatisticalRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Level 3, plausibility over time within one country: surprising year-on-year changes of a count
 * (rules of type {@code poisson_ratio}) and values revised since the previous release (type {@code
 * revision}); see schemas/rules/level3-time.yaml.
 */
public final class SeriesChecks {
  private static final String COUNT = "NR";

  private final ReferenceData ref;
  private final int time;
  private final int unit;
  /** Footnotes of the mappings that name a year (where: {time: ...}): the explanations of a change, by id. */
  private final Map<String, String> yearNotes = new TreeMap<>();

  public SeriesChecks(ReferenceData ref) {
    this.ref = ref;
    this.time = ref.model().index(Dimension.TIME);
    this.unit = ref.model().index(Dimension.UNIT);
    for (Mapping m : ref.mappings()) {
      for (int i = 0; i < m.footnotes().size(); i++) {
        if (m.footnotes().get(i).where().containsKey(Dimension.TIME)) {
          yearNotes.put(ReferenceData.mappingFootnoteId(m, i), m.footnotes().get(i).text());
        }
      }
    }
  }

  /** The level-3 findings on a country's cells (reported and derived), with its cells of a previous release. */
  public List<Finding> check(String country, List<Observation> cells, List<Observation> previous) {
    Map<CellKey, TreeMap<Integer, Observation>> series = new TreeMap<>();
    Map<CellKey, TreeMap<Integer, Observation>> before = new TreeMap<>();
    group(cells, series);
    group(previous, before);
    List<Finding> findings = new ArrayList<>();
    for (StatisticalRule rule : ref.rules().sets().statistical().values()) {
      if (rule.type().equals("poisson_ratio")) {
        series.forEach((s, years) -> years.forEach((year, o) -> {
          Observation earlier = years.get(year - 1);
          if (earlier == null && before.containsKey(s)) {
            earlier = before.get(s).get(year - 1);
          }
          Finding f = yearOnYear(rule, country, o, earlier);
          if (f != null) {
            findings.add(f);
          }
        }));
      } else if (rule.type().equals("revision")) {
        series.forEach((s, years) -> years.forEach((year, o) -> {
          Observation old = before.containsKey(s) ? before.get(s).get(year) : null;
          if (old != null && old.available() && o.available() && !old.value().equals(o.value())) {
            findings.add(ref.rules().finding(rule.id(), new Place(country, o.file(), o.line(), "", o.key().toString()),
                details(o, old, null)));
          }
        }));
      }
    }
    return findings;
  }

  private void group(List<Observation> cells, Map<CellKey, TreeMap<Integer, Observation>> out) {
    for (Observation o : cells) {
      if (!o.key().get(unit).equals(COUNT) || !o.available()) {
        continue;
      }
      out.computeIfAbsent(Cells.withoutTime(ref.model(), o.key()), k -> new TreeMap<>())
          .put(Integer.parseInt(o.key().get(time)), o);
    }
  }

  private Map<String, Object> details(Observation o, Observation earlier, StatisticalRule rule) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("series", Cells.series(ref.model(), o.key()));
    d.put("time", o.key().get(time));
    d.put("value", Hierarchies.format(o.value()));
    d.put("previous", Hierarchies.format(earlier.value()));
    d.put("previous_time", earlier.key().get(time));
    return d;
  }

  /** The p-value of the exact test, or 1 when the change is within the factor allowed. */
  public static double pValue(long x1, long x2, double maxRatio) {
    long n = x1 + x2;
    if (n == 0 || n > Integer.MAX_VALUE) {
      return 1;
    }
    double up = maxRatio / (1 + maxRatio);
    double down = 1 / (1 + maxRatio);
    if (x2 > n * up) {
      BinomialDistribution b = new BinomialDistribution(null, (int) n, up);
      return 1 - b.cumulativeProbability((int) x2 - 1);
    }
    if (x2 < n * down) {
      BinomialDistribution b = new BinomialDistribution(null, (int) n, down);
      return b.cumulativeProbability((int) x2);
    }
    return 1;
  }

  private Finding yearOnYear(StatisticalRule rule, String country, Observation o, Observation earlier) {
    if (earlier == null) {
      return null;
    }
    long x1 = Math.round(earlier.value());
    long x2 = Math.round(o.value());
    double maxRatio = rule.number("max_ratio");
    double p = pValue(x1, x2, maxRatio);
    if (p >= rule.number("alpha")) {
      return null;
    }
    Map<String, Object> d = details(o, earlier, rule);
    d.put("change", change(x1, x2));
    d.put("max_ratio", Hierarchies.format(maxRatio));
    d.put("p", formatP(p));
    d.put("p_is", p < 1e-15 ? "<" : "=");
    String ruleId = rule.id();
    String explanation = explanation(o, earlier);
    if (explanation != null && rule.text("explained_rule") != null) {
      ruleId = rule.text("explained_rule");
      d.put("explanation", explanation);
    }
    return ref.rules().finding(ruleId, new Place(country, o.file(), o.line(), "", o.key().toString()), d);
  }

  /** The footnote (or break flag) that explains a change between two years, or null. */
  private String explanation(Observation o, Observation earlier) {
    List<String> parts = new ArrayList<>();
    for (Observation cell : List.of(o, earlier)) {
      for (String id : cell.footnotes()) {
        String text = yearNotes.get(id);
        if (text != null && !parts.contains("footnote " + id + ": \"" + text + "\"")) {
          parts.add("footnote " + id + ": \"" + text + "\"");
        }
      }
    }
    if (o.flags().contains("b")) {
      parts.add("flag b (break in series) on " + o.key().get(time));
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  static String change(long x1, long x2) {
    if (x1 == 0) {
      return "from none";
    }
    long pct = Math.round((x2 - x1) * 100.0 / x1);
    return (pct > 0 ? "+" : "") + pct + "%";
  }

  static String formatP(double p) {
    if (p < 1e-15) {
      return "1e-15";
    }
    if (p < 1e-4) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return String.format(Locale.ROOT, "%.4f", p);
  }
}
