package eu.thbstat.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A rule of the catalogue checked by a statistical test in Java (no VTL operator expresses it), with
 * its parameters as data.
 *
 * @param type the test, e.g. {@code poisson_ratio} (see {@code docs/validation.md})
 * @param parameters numbers, strings or lists of strings, by name
 */
public record StatisticalRule(String id, String type, Map<String, Object> parameters, String file) implements Serializable {

  public StatisticalRule {
    parameters = Map.copyOf(parameters);
  }

  public double number(String name) {
    Object v = parameters.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("rule " + id + ": parameter " + name + " is not a number");
    }
    return n.doubleValue();
  }

  public String text(String name) {
    Object v = parameters.get(name);
    return v == null ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    Object v = parameters.get(name);
    return v instanceof List<?> l ? (List<String>) l : List.of();
  }
}
