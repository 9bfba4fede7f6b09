package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Level-2 additivity inside every hierarchy of the code lists, on the counts (unit NR) of one
 * country: derives totals the submission did not give from complete breakdowns of additive
 * dimensions, then checks every total against its components.
 */
public final class Hierarchies {
  private static final String COUNT = "NR";

  private final ReferenceData ref;
  private final int unit;

  public Hierarchies(ReferenceData ref) {
    this.ref = ref;
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /**
   * Totals missing from the cells but given by a complete breakdown of an additive dimension, e.g.
   * children Y_LT18 = Y_LT15 + Y15-17, repeated until nothing more can be derived.
   */
  public List<Observation> derive(List<Observation> cells) {
    Map<CellKey, Observation> all = new LinkedHashMap<>();
    cells.forEach(c -> all.put(c.key(), c));
    List<Observation> derived = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      // one grouping per dimension and pass; a total derived in this pass is seen by the next pass
      Map<Integer, Map<CellKey, Map<String, Observation>>> byDimension = new java.util.HashMap<>();
      for (HierarchyRule rule : ref.model().hierarchies()) {
        if (!rule.additive()) {
          continue;
        }
        Map<CellKey, Map<String, Observation>> groups =
            byDimension.computeIfAbsent(rule.dimension(), d -> groups(all.values(), d));
        for (Map.Entry<CellKey, Map<String, Observation>> group : groups.entrySet()) {
          Map<String, Observation> byCode = group.getValue();
          if (byCode.containsKey(rule.total())) {
            continue;
          }
          List<Observation> parts = new ArrayList<>();
          for (String c : rule.components()) {
            Observation o = byCode.get(c);
            if (o == null || !o.available()) {
              break;
            }
            parts.add(o);
          }
          CellKey totalKey = parts.size() == rule.components().size() ? group.getKey().with(rule.dimension(), rule.total()) : null;
          if (totalKey != null && !all.containsKey(totalKey)) { // not derived by another breakdown in this pass
            Observation total = sum(totalKey, parts);
            all.put(total.key(), total);
            derived.add(total);
            changed = true;
          }
        }
      }
    }
    return derived;
  }

  private static Observation sum(CellKey key, List<Observation> parts) {
    double value = 0;
    TreeSet<String> notes = new TreeSet<>();
    List<String> flags = new ArrayList<>();
    for (Observation p : parts) {
      value += p.value();
      notes.addAll(p.footnotes());
      flags.add(p.flags());
    }
    // A derived cell names the file of its first component (line 0: no one line gave it).
    return new Observation(key, value, Flags.union(flags), List.copyOf(notes), Origin.DERIVED, parts.get(0).file(), 0);
  }

  /** Every hierarchy rule checked on every group of cells that has the rule's total. */
  public List<Finding> check(String country, List<Observation> cells) {
    List<Finding> findings = new ArrayList<>();
    Map<CellKey, Observation> byKey = new java.util.HashMap<>();
    cells.forEach(c -> byKey.put(c.key(), c));
    Map<Integer, Map<CellKey, Map<String, Observation>>> byDimension = new java.util.HashMap<>();
    for (HierarchyRule rule : ref.model().hierarchies()) {
      Map<CellKey, Map<String, Observation>> groups = byDimension.computeIfAbsent(rule.dimension(), d -> groups(cells, d));
      for (Map.Entry<CellKey, Map<String, Observation>> group : groups.entrySet()) {
        Observation total = group.getValue().get(rule.total());
        if (total == null || !total.available()) {
          continue;
        }
        List<Observation> given = new ArrayList<>();
        for (String c : rule.components()) {
          Observation o = group.getValue().get(c);
          if (o != null && o.available()) {
            given.add(o);
          }
        }
        if (given.isEmpty()) {
          continue;
        }
        double sum = given.stream().mapToDouble(Observation::value).sum();
        boolean complete = given.size() == rule.components().size();
        String ruleId = null;
        if (rule.additive() && complete && sum != total.value()) {
          ruleId = "HIERARCHY_SUM";
        } else if (rule.additive() && !complete && sum > total.value()) {
          ruleId = "HIERARCHY_EXCEEDS";
        } else if (!rule.additive() && sum > total.value()
            && given.stream().noneMatch(o -> o.value() > total.value())) {
          // one form above all forms is not several forms per victim: FORM_EXCEEDS_TOTAL (schemas/rules/level2-tables.yaml)
          ruleId = "MULTI_FORM";
        } else if (!rule.additive() && complete && sum < total.value()) {
          ruleId = "HIERARCHY_SHORT";
        }
        if (ruleId != null && rule.additive() && total.origin() == Origin.DERIVED) {
          // the submission gives no total: the one derived from another breakdown disagrees with this one
          Finding differ = totalsDiffer(country, rule, total, given, sum, byKey);
          if (differ != null) {
            findings.add(differ);
            continue;
          }
        }
        if (ruleId != null) {
          findings.add(finding(ruleId, country, rule, total, given, sum));
        }
      }
    }
    return findings;
  }

  private Finding finding(String ruleId, String country, HierarchyRule rule, Observation total, List<Observation> given, double sum) {
    // Report at the total's source line, or at the first reported component when the total is derived.
    Observation at = total;
    if (total.origin() != Origin.REPORTED) {
      at = given.stream().filter(o -> o.origin() == Origin.REPORTED).findFirst().orElse(total);
    }
    List<String> cells = new ArrayList<>();
    cells.add(describe(rule, total));
    given.forEach(o -> cells.add(describe(rule, o)));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dimension", rule.dimensionId());
    details.put("total", rule.total());
    details.put("total_value", format(total.value()));
    details.put("components", String.join(" + ", given.stream().map(o -> o.key().get(rule.dimension())).toList()));
    details.put("sum", format(sum));
    details.put("cells", String.join(", ", cells));
    details.put("value", format(total.value()));
    Place place = new Place(country, at.file(), at.line(), "", total.key().toString());
    return ref.rules().finding(ruleId, place, details);
  }

  /**
   * TOTALS_DIFFER: a derived total (the submission gives none) disagrees with the breakdown {@code
   * rule}; names the breakdown it was derived from. Null if that breakdown cannot be found.
   */
  private Finding totalsDiffer(String country, HierarchyRule rule, Observation total, List<Observation> given, double sum,
      Map<CellKey, Observation> byKey) {
    for (HierarchyRule source : ref.model().hierarchies()) {
      if (!source.additive() || source == rule || !total.key().get(source.dimension()).equals(source.total())) {
        continue;
      }
      List<Observation> parts = new ArrayList<>();
      for (String c : source.components()) {
        Observation o = byKey.get(total.key().with(source.dimension(), c));
        if (o == null || !o.available()) {
          break;
        }
        parts.add(o);
      }
      if (parts.size() != source.components().size() || parts.stream().mapToDouble(Observation::value).sum() != total.value()) {
        continue;
      }
      Observation at = given.stream().filter(o -> o.origin() == Origin.REPORTED).findFirst()
          .orElse(parts.stream().filter(o -> o.origin() == Origin.REPORTED).findFirst().orElse(total));
      List<String> cells = new ArrayList<>();
      parts.forEach(o -> cells.add(source.dimensionId() + " " + describe(source, o)));
      given.forEach(o -> cells.add(rule.dimensionId() + " " + describe(rule, o)));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("dimension", rule.dimensionId());
      details.put("total", rule.total());
      details.put("total_value", format(total.value()));
      details.put("components", String.join(" + ", given.stream().map(o -> o.key().get(rule.dimension())).toList()));
      details.put("sum", format(sum));
      details.put("source_dimension", source.dimensionId());
      details.put("source_components", String.join(" + ", source.components()));
      details.put("cells", String.join(", ", cells));
      details.put("value", format(sum));
      return ref.rules().finding("TOTALS_DIFFER", new Place(country, at.file(), at.line(), "", total.key().toString()), details);
    }
    return null;
  }

  private static String describe(HierarchyRule rule, Observation o) {
    return o.key().get(rule.dimension()) + " = " + format(o.value()) + " (" + o.location() + ")";
  }

  static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * Count cells grouped by their key without dimension d, then by their code of d. A hash map: the
   * order of the groups changes neither what is derived nor the findings (a release sorts both).
   */
  private Map<CellKey, Map<String, Observation>> groups(Iterable<Observation> cells, int d) {
    Map<CellKey, Map<String, Observation>> groups = new java.util.HashMap<>();
    for (Observation o : cells) {
      if (!o.key().get(unit).equals(COUNT)) {
        continue;
      }
      groups.computeIfAbsent(o.key().with(d, "*"), k -> new LinkedHashMap<>()).put(o.key().get(d), o);
    }
    return groups;
  }
}
