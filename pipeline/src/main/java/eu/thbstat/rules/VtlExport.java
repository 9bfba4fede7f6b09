package eu.thbstat.rules;

import eu.thbstat.model.Severity;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule sets of thbstat as VTL 2.1 text, for exchange with VTL tools: the hierarchies of the code
 * lists and the data rulesets of schemas/rules/ as {@code define hierarchical ruleset} and {@code
 * define datapoint ruleset}, then one {@code check_hierarchy} / {@code check_datapoint} statement
 * per ruleset on the cube {@value #CUBE} (identifiers: the dimensions; measure obs_value), with the
 * VTL mode and input thbstat checks it with. Statistical rules, which no VTL operator expresses, are
 * written as comments with their parameters. errorlevel: 3 ERROR, 2 WARNING, 1 INFO.
 */
public final class VtlExport {
  /** The name of the harmonised cube in the exported statements. */
  public static final String CUBE = "thb";

  private VtlExport() {}

  public static int errorlevel(Severity s) {
    return switch (s) {
      case ERROR -> 3;
      case WARNING -> 2;
      case INFO -> 1;
    };
  }

  private static String errors(ReferenceData ref, String ruleId) {
    RuleDef def = ref.rules().rules().get(ruleId);
    int level = def == null ? 3 : errorlevel(def.severity());
    return " errorcode " + Vtl.string(ruleId) + " errorlevel " + level;
  }

  /** A ruleset exported: its definition and the statement that checks the cube with it. */
  private record Exported(String name, String definition, String check) {}

  /** The whole export. */
  public static String export(ReferenceData ref) {
    StringBuilder out = new StringBuilder();
    out.append(Vtl.comment("thbstat rule sets as VTL 2.1, generated from schemas/ by `thbstat rules --vtl`. "
        + "Cube " + CUBE + ": identifiers " + String.join(", ", ref.model().dimensionIds()) + "; measure obs_value. "
        + "errorcode: the rule of the thbstat catalogue; errorlevel: 3 ERROR, 2 WARNING, 1 INFO.")).append("\n\n");
    List<Exported> sets = new ArrayList<>();
    sets.addAll(codeListHierarchies(ref));
    for (HierarchicalRuleset rs : ref.rules().sets().hierarchical()) {
      sets.add(hierarchical(ref, rs));
    }
    for (DatapointRuleset rs : ref.rules().sets().datapoint()) {
      sets.add(datapoint(ref, rs));
    }
    for (Exported e : sets) {
      out.append(e.definition()).append("\n\n");
    }
    out.append(Vtl.comment("The checks, with the mode for missing members and the input thbstat uses.")).append("\n");
    for (Exported e : sets) {
      out.append(e.check()).append("\n");
    }
    out.append("\n");
    for (StatisticalRule s : ref.rules().sets().statistical().values()) {
      RuleDef def = ref.rules().rules().get(s.id());
      out.append(Vtl.comment(s.id() + " (level " + (def == null ? "?" : def.level()) + ", " + (def == null ? "?" : def.severity())
          + "): statistical test " + s.type() + " " + new TreeMap<>(s.parameters())
          + ", evaluated by thbstat in Java: no VTL 2.1 operator expresses it (" + s.file() + ")")).append("\n");
    }
    return out.toString();
  }

  /**
   * The hierarchies the code lists imply, two rulesets per dimension: additive dimensions "total =
   * components" (non_null: HIERARCHY_SUM) and "total >= components" (partial_null:
   * HIERARCHY_EXCEEDS); exploitation "total <= forms" (non_null: HIERARCHY_SHORT) and "total >=
   * forms" (partial_null: MULTI_FORM, a warning).
   */
  static List<Exported> codeListHierarchies(ReferenceData ref) {
    Map<String, List<HierarchyRule>> byDimension = new LinkedHashMap<>();
    ref.model().hierarchies().forEach(r -> byDimension.computeIfAbsent(r.dimensionId(), d -> new ArrayList<>()).add(r));
    List<Exported> out = new ArrayList<>();
    byDimension.forEach((dim, rules) -> {
      boolean additive = rules.get(0).additive();
      out.add(codeList(ref, dim, rules, additive ? "sum" : "short", additive ? "=" : "<=", additive ? "HIERARCHY_SUM" : "HIERARCHY_SHORT", "non_null"));
      out.add(codeList(ref, dim, rules, additive ? "bound" : "multi_form", ">=", additive ? "HIERARCHY_EXCEEDS" : "MULTI_FORM", "partial_null"));
    });
    return out;
  }

  private static Exported codeList(ReferenceData ref, String dim, List<HierarchyRule> rules, String suffix, String op, String errorcode, String mode) {
    String name = Vtl.name("hr_" + dim + "_" + suffix);
    List<String> items = new ArrayList<>();
    for (HierarchyRule r : rules) {
      String ruleName = Vtl.name(dim + "_" + r.total() + (r.breakdown().isEmpty() ? "" : "_" + r.breakdown()));
      items.add("  " + ruleName + " : " + Vtl.id(r.total()) + " " + op + " "
          + String.join(" + ", r.components().stream().map(Vtl::id).toList()) + errors(ref, errorcode));
    }
    String definition = Vtl.comment("Hierarchy of the code list of " + dim + " (schemas/codelists).") + "\n"
        + "define hierarchical ruleset " + name + " (variable rule " + Vtl.id(dim) + ") is\n"
        + String.join(";\n", items) + "\nend hierarchical ruleset;";
    String check = name + "_check := check_hierarchy(" + CUBE + ", " + name + " rule " + Vtl.id(dim) + " " + mode + " dataset_priority invalid);";
    return new Exported(name, definition, check);
  }

  static Exported hierarchical(ReferenceData ref, HierarchicalRuleset rs) {
    String name = Vtl.name(rs.id());
    List<String> items = new ArrayList<>();
    for (HierarchicalRuleset.Rule r : rs.rules()) {
      items.add("  " + Vtl.name(r.name()) + " : " + r.toVtl() + errors(ref, r.errorcode()));
    }
    String definition = Vtl.comment((rs.label() == null ? rs.id() : rs.label()) + " (" + rs.file() + ").") + "\n"
        + "define hierarchical ruleset " + name + " (variable rule " + Vtl.id(rs.dimension()) + ") is\n"
        + String.join(";\n", items) + "\nend hierarchical ruleset;";
    String check = name + "_check := check_hierarchy(" + CUBE + ", " + name + " rule " + Vtl.id(rs.dimension()) + " "
        + rs.mode().vtl() + " " + rs.input() + " invalid);";
    return new Exported(name, definition, check);
  }

  static Exported datapoint(ReferenceData ref, DatapointRuleset rs) {
    String name = Vtl.name(rs.id());
    List<String> items = new ArrayList<>();
    for (DatapointRuleset.Rule r : rs.rules()) {
      items.add("  " + Vtl.name(r.name()) + " : " + r.toVtl() + errors(ref, r.errorcode()));
    }
    String definition = Vtl.comment((rs.label() == null ? rs.id() : rs.label()) + " (" + rs.file() + ")"
        + (rs.atIngest() ? "; thbstat checks these rules while it reads a file." : ".")) + "\n"
        + "define datapoint ruleset " + name + " (variable " + String.join(", ", rs.variables().stream().map(Vtl::id).toList()) + ") is\n"
        + String.join(";\n", items) + "\nend datapoint ruleset;";
    String check = name + "_check := check_datapoint(" + CUBE + ", " + name + " invalid);";
    return new Exported(name, definition, check);
  }
}
