package eu.thbstat.reference;

import eu.thbstat.model.Finding;
import eu.thbstat.rules.RuleSets;
import java.io.Serializable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of schemas/rules.yaml, and the one place findings are made: a finding takes level,
 * severity, message and hint from its rule, filled in with the details of the case.
 */
public record RuleCatalogue(Map<String, RuleDef> rules, RuleSets sets) implements Serializable {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  public RuleCatalogue {
    rules = Map.copyOf(rules);
    sets = sets == null ? RuleSets.EMPTY : sets;
  }

  /** A catalogue of messages only, without typed rule sets. */
  public RuleCatalogue(Map<String, RuleDef> rules) {
    this(rules, RuleSets.EMPTY);
  }

  public boolean has(String id) {
    return rules.containsKey(id);
  }

  public RuleDef rule(String id) {
    RuleDef rule = rules.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("rule " + id + " is not in schemas/rules.yaml");
    }
    return rule;
  }

  /** Where a finding is: country, file, line, column and cell key (any may be empty). */
  public record Place(String country, String file, long line, String column, String key)
      implements Serializable {
    public static Place file(String country, String file) {
      return new Place(country, file, 0, "", "");
    }

    public Place at(long atLine, String atColumn) {
      return new Place(country, file, atLine, atColumn, key);
    }

    public Place withKey(String cellKey) {
      return new Place(country, file, line, column, cellKey);
    }
  }

  /**
   * A finding of rule {@code id} at {@code place}; {@code details} fill the rule's message and hint
   * templates, and its "value" entry is the finding's value.
   */
  public Finding finding(String id, Place place, Map<String, ?> details) {
    RuleDef rule = rule(id);
    Object value = details.get("value");
    return new Finding(
        rule.id(),
        rule.level(),
        rule.severity(),
        place.country(),
        place.file(),
        place.line(),
        place.column(),
        place.key(),
        value == null ? "" : value.toString(),
        fill(rule.message(), details),
        fill(rule.hint(), details),
        values(details));
  }

  /** The details of a finding as text, by name (sorted, so that reports are the same run after run). */
  static Map<String, String> values(Map<String, ?> details) {
    Map<String, String> out = new java.util.TreeMap<>();
    details.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
    return out;
  }

  static String fill(String template, Map<String, ?> details) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = details.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
