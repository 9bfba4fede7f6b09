package eu.thbstat.aggregate;

import eu.thbstat.model.Flags;
import eu.thbstat.reference.AggregationSettings;
import eu.thbstat.reference.AggregationSettings.FlagMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flag of an aggregate from the flags and values of its components, by the three methods of
 * Eurostat's flagr package (github.com/eurostat/flagr: flag_hierarchy, flag_frequency,
 * flag_weighted). A component's flag set counts letter by letter ("pe" counts for p and for e), as
 * in flagr; components without flags take no part in the hierarchy and frequency methods, and
 * weigh in the denominator of the weighted one.
 */
public final class FlagAggregation {
  private final FlagMethod method;
  private final String hierarchy;
  private final double threshold;
  private final String ignored;

  public FlagAggregation(FlagMethod method, String hierarchy, double threshold, String ignored) {
    this.method = method;
    this.hierarchy = hierarchy;
    this.threshold = threshold;
    this.ignored = ignored;
  }

  public static FlagAggregation of(AggregationSettings settings) {
    return new FlagAggregation(settings.flagMethod(), settings.flagHierarchy(), settings.flagThreshold(), settings.flagsIgnored());
  }

  /** One component: its flags and its value (the weight of the weighted method). */
  public record Component(String flags, double value) {}

  /** The aggregate's flags (a normalised set, "" for none). */
  public String flags(List<Component> components) {
    List<Component> kept = new ArrayList<>();
    for (Component c : components) {
      StringBuilder f = new StringBuilder();
      for (char ch : c.flags().toCharArray()) {
        if (ignored.indexOf(ch) < 0) {
          f.append(ch);
        }
      }
      kept.add(new Component(f.toString(), c.value()));
    }
    return switch (method) {
      case HIERARCHY -> hierarchy(kept, hierarchy);
      case FREQUENCY -> frequency(kept);
      case WEIGHTED -> weighted(kept, threshold);
    };
  }

  /** flag_hierarchy: of all flags present, the one listed first in {@code order}; flags not listed are dropped. */
  static String hierarchy(List<Component> components, String order) {
    StringBuilder all = new StringBuilder();
    components.forEach(c -> all.append(c.flags()));
    for (char f : order.toCharArray()) {
      if (all.indexOf(String.valueOf(f)) >= 0) {
        return String.valueOf(f);
      }
    }
    return "";
  }

  /** flag_frequency: the flag(s) carried by the most components. */
  static String frequency(List<Component> components) {
    Map<Character, Integer> counts = new TreeMap<>();
    for (Component c : components) {
      for (char f : Flags.normalise(c.flags()).toCharArray()) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    return winners(counts.entrySet().stream().collect(TreeMap::new, (m, e) -> m.put(e.getKey(), (double) e.getValue()), Map::putAll));
  }

  /**
   * flag_weighted with propagate_flag's threshold: weights are the components' values as shares of
   * their sum (unflagged components included); the flag(s) with the largest summed share win if
   * that share reaches the threshold.
   */
  static String weighted(List<Component> components, double threshold) {
    double total = components.stream().mapToDouble(Component::value).sum();
    if (total <= 0) {
      return "";
    }
    Map<Character, Double> weights = new TreeMap<>();
    for (Component c : components) {
      for (char f : Flags.normalise(c.flags()).toCharArray()) {
        weights.merge(f, c.value() / total, Double::sum);
      }
    }
    if (weights.isEmpty()) {
      return "";
    }
    double max = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return max + 1e-12 >= threshold ? winners(weights) : "";
  }

  private static String winners(Map<Character, Double> scores) {
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    StringBuilder out = new StringBuilder();
    scores.forEach((f, s) -> {
      if (Math.abs(s - max) < 1e-12) {
        out.append(f);
      }
    });
    return Flags.normalise(out.toString());
  }
}
