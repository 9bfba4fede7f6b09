package eu.thbstat.rules;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A VTL datapoint ruleset as typed data (schemas/rules/*.yaml): rules checked on each cell alone.
 *
 * @param atIngest the rules are checked while a file is read (level 0-1 checks of the raw text, in
 *     Java); the ruleset is declared here so that it can be exported, not evaluated again
 */
public record DatapointRuleset(String id, String label, boolean atIngest, List<Rule> rules, String file)
    implements Serializable {

  public DatapointRuleset {
    rules = List.copyOf(rules);
  }

  /**
   * One datapoint rule: when every condition of {@code when} holds, every condition of {@code then}
   * must hold, else a finding of catalogue rule {@code errorcode}.
   */
  public record Rule(String name, List<Condition> when, List<Condition> then, String errorcode)
      implements Serializable {
    public Rule {
      when = List.copyOf(when);
      then = List.copyOf(then);
    }

    public String toVtl() {
      String consequent = String.join(" and ", then.stream().map(Condition::toVtl).toList());
      if (when.isEmpty()) {
        return consequent;
      }
      return "when " + String.join(" and ", when.stream().map(Condition::toVtl).toList()) + " then " + consequent;
    }
  }

  /** The components (dimensions, obs_value) the rules name, in order of first use: the VTL signature. */
  public List<String> variables() {
    Set<String> vars = new LinkedHashSet<>();
    for (Rule r : rules) {
      r.when().forEach(c -> vars.add(c.component()));
      r.then().forEach(c -> vars.add(c.component()));
    }
    return List.copyOf(vars);
  }
}
