package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import eu.thbstat.rules.Condition;
import eu.thbstat.rules.DatapointRuleset;
import eu.thbstat.rules.HierarchicalRuleset;
import eu.thbstat.rules.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rulesets of schemas/rules/*.yaml that are data, with VTL 2.1 semantics: datapoint
 * rulesets on each cell, hierarchical rulesets on each group of count cells that differ in the
 * ruleset's dimension only. Plain Java over one country's cells.
 */
public final class RuleEngine {
  private static final String COUNT = "NR";

  private final ReferenceData ref;
  private final int unit;

  public RuleEngine(ReferenceData ref) {
    this.ref = ref;
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /** A datapoint rule that failed on a cell. */
  public record Failure(Observation cell, Finding finding) {}

  /** Every datapoint rule (not checked at ingest) that fails on a cell. */
  public List<Failure> datapoint(String country, List<Observation> cells) {
    List<Failure> failures = new ArrayList<>();
    for (DatapointRuleset rs : ref.rules().sets().datapoint()) {
      if (rs.atIngest()) {
        continue;
      }
      for (Observation o : cells) {
        for (DatapointRuleset.Rule r : rs.rules()) {
          if (!holds(r.when(), o, true)) {
            continue;
          }
          Boolean ok = all(r.then(), o);
          if (Boolean.FALSE.equals(ok)) {
            failures.add(new Failure(o, ref.rules().finding(r.errorcode(), place(country, o), details(o, rs, r))));
          }
        }
      }
    }
    return failures;
  }

  private Map<String, Object> details(Observation o, DatapointRuleset rs, DatapointRuleset.Rule r) {
    Map<String, Object> d = new LinkedHashMap<>();
    for (Dimension dim : ref.model().dimensions()) {
      d.put(dim.id(), o.key().get(dim.index()));
    }
    d.put("value", o.available() ? Hierarchies.format(o.value()) : ":");
    d.put("ruleset", rs.id());
    d.put("rule", r.name());
    return d;
  }

  /** Whether every condition holds; an unknown condition counts as {@code unknownAs}. */
  private boolean holds(List<Condition> conditions, Observation o, boolean unknownAs) {
    Boolean b = all(conditions, o);
    return b == null ? unknownAs : b;
  }

  /** VTL "and" of the conditions: false if one is false, else null if one is unknown, else true. */
  private Boolean all(List<Condition> conditions, Observation o) {
    boolean unknown = false;
    for (Condition c : conditions) {
      String code = c.onValue() ? null : o.key().get(ref.model().index(c.component()));
      Boolean b = c.test(code, o.value());
      if (b == null) {
        unknown = true;
      } else if (!b) {
        return false;
      }
    }
    return unknown ? null : true;
  }

  private static Place place(String country, Observation o) {
    return new Place(country, o.file(), o.line(), "", o.key().toString());
  }

  /** Every hierarchical ruleset on every group of count cells. */
  public List<Finding> hierarchical(String country, List<Observation> cells) {
    List<Finding> findings = new ArrayList<>();
    for (HierarchicalRuleset rs : ref.rules().sets().hierarchical()) {
      int d = ref.model().index(rs.dimension());
      Map<CellKey, Map<String, Observation>> groups = new java.util.HashMap<>();
      for (Observation o : cells) {
        if (!o.key().get(unit).equals(COUNT)) {
          continue;
        }
        if (rs.input().equals("dataset") && o.origin() != Origin.REPORTED) {
          continue;
        }
        groups.computeIfAbsent(o.key().with(d, "*"), k -> new LinkedHashMap<>()).put(o.key().get(d), o);
      }
      for (Map<String, Observation> group : groups.values()) {
        for (HierarchicalRuleset.Rule r : rs.rules()) {
          Finding f = evaluate(country, rs, r, group);
          if (f != null) {
            findings.add(f);
          }
        }
      }
    }
    return findings;
  }

  /** One rule on one group: a finding when the relation is false, none when true or not evaluated. */
  Finding evaluate(String country, HierarchicalRuleset rs, HierarchicalRuleset.Rule r, Map<String, Observation> group) {
    Mode mode = rs.mode();
    boolean missingIsZero = mode == Mode.NON_ZERO || mode == Mode.PARTIAL_ZERO || mode == Mode.ALWAYS_ZERO;
    Observation left = group.get(r.left());
    Double leftValue = left == null ? (missingIsZero ? Double.valueOf(0) : null) : left.value();
    double sum = 0;
    int given = 0;
    boolean nullRight = false;
    boolean anyNonZero = leftValue != null && leftValue != 0;
    List<Observation> parts = new ArrayList<>();
    for (HierarchicalRuleset.Term t : r.right()) {
      Observation o = group.get(t.code());
      Double v = o == null ? (missingIsZero ? Double.valueOf(0) : null) : o.value();
      if (o != null && o.value() != null) {
        parts.add(o);
      }
      if (v == null) {
        nullRight = true;
        continue;
      }
      given++;
      anyNonZero |= v != 0;
      sum += t.minus() ? -v : v;
    }
    if (left != null && left.value() == null) {
      return null; // a total that is not available is never checked
    }
    boolean evaluate = switch (mode) {
      case NON_NULL, ALWAYS_NULL -> leftValue != null && !nullRight;
      case NON_ZERO -> leftValue != null && !nullRight && anyNonZero;
      case PARTIAL_NULL -> leftValue != null && given > 0;
      case PARTIAL_ZERO -> leftValue != null && given > 0 && anyNonZero;
      case ALWAYS_ZERO -> leftValue != null && !nullRight;
    };
    if (!evaluate || parts.isEmpty() && left == null) {
      return null;
    }
    double l = leftValue;
    boolean ok = switch (r.op()) {
      case "=" -> l == sum;
      case ">=" -> l >= sum;
      case "<=" -> l <= sum;
      case ">" -> l > sum;
      case "<" -> l < sum;
      default -> true;
    };
    if (ok) {
      return null;
    }
    Observation at = left != null && left.origin() == Origin.REPORTED ? left
        : parts.stream().filter(o -> o.origin() == Origin.REPORTED).findFirst().orElse(left != null ? left : parts.get(0));
    CellKey key = left != null ? left.key() : parts.get(0).key().with(ref.model().index(rs.dimension()), r.left());
    List<String> cells = new ArrayList<>();
    if (left != null) {
      cells.add(r.left() + " = " + Hierarchies.format(l) + " (" + left.location() + ")");
    }
    parts.forEach(o -> cells.add(o.key().get(ref.model().index(rs.dimension())) + " = " + Hierarchies.format(o.value()) + " (" + o.location() + ")"));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("dimension", rs.dimension());
    d.put("total", r.left());
    d.put("total_value", Hierarchies.format(l));
    d.put("component", String.join(" + ", r.right().stream().map(HierarchicalRuleset.Term::code).toList()));
    d.put("component_value", Hierarchies.format(sum));
    d.put("relation", r.text());
    d.put("ruleset", rs.id());
    d.put("rule", r.name());
    d.put("cells", String.join(", ", cells));
    d.put("value", Hierarchies.format(sum));
    return ref.rules().finding(r.errorcode(), new Place(country, at.file(), at.line(), "", key.toString()), d);
  }
}
