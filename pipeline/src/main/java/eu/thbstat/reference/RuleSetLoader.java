package eu.thbstat.reference;

import com.fasterxml.jackson.databind.JsonNode;
import eu.thbstat.model.Severity;
import eu.thbstat.rules.ComparabilityRules;
import eu.thbstat.rules.Condition;
import eu.thbstat.rules.DatapointRuleset;
import eu.thbstat.rules.HierarchicalRuleset;
import eu.thbstat.rules.Mode;
import eu.thbstat.rules.RuleSets;
import eu.thbstat.rules.StatisticalRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the typed rules of schemas/rules/*.yaml (datapoint and hierarchical rulesets, statistical
 * rules, comparability rules) and checks them against the common model and the catalogue: every
 * problem is added to the loader's list, named by file and rule.
 */
final class RuleSetLoader {
  /** Statistical tests thbstat implements (eu.thbstat.validation), by type name. */
  static final Set<String> TEST_TYPES = Set.of("poisson_ratio", "revision", "robust_rate", "chi_square");
  static final Set<String> REASON_KINDS = Set.of("definition", "finding", "flag", "cell_definition", "incomplete", "population_flag");

  private final CommonModel model;
  private final Definitions definitions;
  private final List<String> problems;
  private final List<DatapointRuleset> datapoint = new ArrayList<>();
  private final List<HierarchicalRuleset> hierarchical = new ArrayList<>();
  private final Map<String, StatisticalRule> statistical = new LinkedHashMap<>();
  private ComparabilityRules comparability;
  private String comparabilityFile;

  RuleSetLoader(CommonModel model, Definitions definitions, List<String> problems) {
    this.model = model;
    this.definitions = definitions;
    this.problems = problems;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }

  /** Adds the typed content of one rules file. */
  void add(String file, JsonNode root) {
    for (JsonNode r : root.path("rules")) {
      JsonNode test = r.get("test");
      if (test != null) {
        statistical(file, text(r, "id"), test);
      }
    }
    for (JsonNode rs : root.path("datapoint_rulesets")) {
      datapoint(file, rs);
    }
    for (JsonNode rs : root.path("hierarchical_rulesets")) {
      hierarchical(file, rs);
    }
    if (root.has("comparability")) {
      if (comparability != null) {
        problems.add(file + ": comparability rules are already given in " + comparabilityFile);
      } else {
        comparabilityFile = file;
        comparability = comparability(file, root.get("comparability"));
      }
    }
  }

  private void statistical(String file, String id, JsonNode test) {
    String type = text(test, "type");
    if (type == null || !TEST_TYPES.contains(type)) {
      problems.add(file + ": rule " + id + ": test type \"" + type + "\" is not one of " + new java.util.TreeSet<>(TEST_TYPES));
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = test.path("parameters").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode v = p.getValue();
      parameters.put(p.getKey(), v.isNumber() ? (Object) v.asDouble() : v.isArray() ? strings(v) : v.asText());
    }
    statistical.put(id, new StatisticalRule(id, type, parameters, file));
  }

  private Condition condition(String file, String where, String component, JsonNode spec) {
    if (!component.equals(Condition.VALUE) && !model.hasDimension(component)) {
      problems.add(file + ": " + where + ": " + component + " is neither a dimension nor " + Condition.VALUE);
      return null;
    }
    if (!spec.isObject() || spec.size() != 1) {
      problems.add(file + ": " + where + ": give one operator for " + component + ", e.g. {ne: PER_VICT}");
      return null;
    }
    Map.Entry<String, JsonNode> op = spec.fields().next();
    if (!Condition.OPS.contains(op.getKey())) {
      problems.add(file + ": " + where + ": operator " + op.getKey() + " is not one of " + Condition.OPS);
      return null;
    }
    List<String> values = strings(op.getValue());
    if (component.equals(Condition.VALUE)) {
      if (List.of("eq", "ne", "in", "not_in").contains(op.getKey()) || (!op.getKey().equals("integer") && values.size() != 1)) {
        problems.add(file + ": " + where + ": the value is compared with one number (ge, gt, le, lt) or tested with integer");
        return null;
      }
      if (!op.getKey().equals("integer")) {
        try {
          Double.parseDouble(values.get(0));
        } catch (NumberFormatException e) {
          problems.add(file + ": " + where + ": \"" + values.get(0) + "\" is not a number");
          return null;
        }
      }
    } else {
      if (!List.of("eq", "ne", "in", "not_in").contains(op.getKey())) {
        problems.add(file + ": " + where + ": codes of " + component + " are compared with eq, ne, in or not_in");
        return null;
      }
      for (String code : values) {
        if (!component.equals(Dimension.TIME) && !model.dimension(component).contains(code)) {
          problems.add(file + ": " + where + ": " + code + " is not a code of " + component);
        }
      }
    }
    return new Condition(component, op.getKey(), values);
  }

  private List<Condition> conditions(String file, String where, JsonNode node) {
    List<Condition> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    node.fields().forEachRemaining(e -> {
      Condition c = condition(file, where, e.getKey(), e.getValue());
      if (c != null) {
        out.add(c);
      }
    });
    return out;
  }

  private void datapoint(String file, JsonNode rs) {
    String id = text(rs, "id");
    if (id == null) {
      problems.add(file + ": a datapoint ruleset without id");
      return;
    }
    List<DatapointRuleset.Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode r : rs.path("rules")) {
      String name = text(r, "name");
      String where = "datapoint ruleset " + id + ", rule " + name;
      if (name == null || !names.add(name)) {
        problems.add(file + ": datapoint ruleset " + id + ": every rule needs a name of its own (" + name + ")");
        continue;
      }
      List<Condition> then = conditions(file, where, r.get("then"));
      if (then.isEmpty()) {
        problems.add(file + ": " + where + ": \"then\" needs at least one condition");
        continue;
      }
      rules.add(new DatapointRuleset.Rule(name, conditions(file, where, r.get("when")), then, text(r, "errorcode")));
    }
    datapoint.add(new DatapointRuleset(id, text(rs, "label"), rs.path("at_ingest").asBoolean(false), rules, file));
  }

  private void hierarchical(String file, JsonNode rs) {
    String id = text(rs, "id");
    String dimension = text(rs, "rule_on");
    if (id == null || dimension == null || !model.hasDimension(dimension)) {
      problems.add(file + ": hierarchical ruleset " + id + ": \"rule_on\" must name a dimension (" + dimension + ")");
      return;
    }
    Mode mode;
    try {
      mode = Mode.of(text(rs, "mode") == null ? "non_null" : text(rs, "mode"));
    } catch (IllegalArgumentException e) {
      problems.add(file + ": hierarchical ruleset " + id + ": mode " + text(rs, "mode") + " is not a VTL mode " + List.of(Mode.values()));
      return;
    }
    String input = text(rs, "input") == null ? "dataset" : text(rs, "input");
    if (!List.of("dataset", "dataset_priority").contains(input)) {
      problems.add(file + ": hierarchical ruleset " + id + ": input must be dataset or dataset_priority");
    }
    List<HierarchicalRuleset.Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode r : rs.path("rules")) {
      String name = text(r, "name");
      if (name == null || !names.add(name)) {
        problems.add(file + ": hierarchical ruleset " + id + ": every rule needs a name of its own (" + name + ")");
        continue;
      }
      try {
        HierarchicalRuleset.Rule rule = HierarchicalRuleset.Rule.parse(name, text(r, "relation") == null ? "" : text(r, "relation"), text(r, "errorcode"));
        List<String> codes = new ArrayList<>();
        codes.add(rule.left());
        rule.right().forEach(t -> codes.add(t.code()));
        for (String c : codes) {
          if (!model.dimension(dimension).contains(c)) {
            problems.add(file + ": hierarchical ruleset " + id + ", rule " + name + ": " + c + " is not a code of " + dimension);
          }
        }
        rules.add(rule);
      } catch (IllegalArgumentException e) {
        problems.add(file + ": hierarchical ruleset " + id + ", rule " + name + ": " + e.getMessage());
      }
    }
    hierarchical.add(new HierarchicalRuleset(id, text(rs, "label"), dimension, mode, input, rules, file));
  }

  private ComparabilityRules comparability(String file, JsonNode c) {
    List<ComparabilityRules.Grade> grades = new ArrayList<>();
    for (JsonNode g : c.path("grades")) {
      grades.add(new ComparabilityRules.Grade(text(g, "grade"), text(g, "label")));
    }
    if (grades.isEmpty()) {
      problems.add(file + ": comparability: no grades");
      grades.add(new ComparabilityRules.Grade("A", "comparable"));
    }
    JsonNode np = c.path("not_provided");
    ComparabilityRules.Grade notProvided = new ComparabilityRules.Grade(
        text(np, "grade") == null ? "N" : text(np, "grade"), text(np, "label") == null ? "not provided" : text(np, "label"));
    Set<String> known = new HashSet<>();
    grades.forEach(g -> known.add(g.grade()));
    List<ComparabilityRules.Reason> reasons = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode r : c.path("reasons")) {
      String id = text(r, "id");
      String where = file + ": comparability reason " + id;
      if (id == null || !ids.add(id)) {
        problems.add(file + ": comparability: every reason needs an id of its own (" + id + ")");
        continue;
      }
      String grade = text(r, "grade");
      if (!known.contains(grade)) {
        problems.add(where + ": grade " + grade + " is not one of the grades " + known);
      }
      String kind = text(r, "kind");
      if (!REASON_KINDS.contains(kind)) {
        problems.add(where + ": kind " + kind + " is not one of " + new java.util.TreeSet<>(REASON_KINDS));
      }
      String concept = text(r, "concept");
      List<String> values = strings(r.get("values"));
      if ("definition".equals(kind)) {
        Definitions.Concept def = concept == null ? null : definitions.concepts().get(concept);
        if (def == null) {
          problems.add(where + ": concept " + concept + " is not in schemas/definitions.yaml");
        } else {
          values.stream().filter(v -> !def.values().containsKey(v))
              .forEach(v -> problems.add(where + ": " + v + " is not a value of " + concept));
        }
      }
      String breakdown = text(r, "breakdown");
      if (breakdown != null && !model.hasDimension(breakdown)) {
        problems.add(where + ": breakdown " + breakdown + " is not a dimension");
      }
      reasons.add(new ComparabilityRules.Reason(id, grade, text(r, "text"), kind, concept, values, breakdown, text(r, "leg_stat"), text(r, "footnote")));
    }
    return new ComparabilityRules(grades, notProvided, reasons);
  }

  /** The rule sets, after checking that every errorcode and test names a rule of the catalogue. */
  RuleSets build(Map<String, RuleDef> catalogue) {
    for (DatapointRuleset rs : datapoint) {
      for (DatapointRuleset.Rule r : rs.rules()) {
        if (r.errorcode() == null || !catalogue.containsKey(r.errorcode())) {
          problems.add(rs.file() + ": datapoint ruleset " + rs.id() + ", rule " + r.name() + ": errorcode " + r.errorcode() + " is not a rule of the catalogue");
        }
      }
    }
    for (HierarchicalRuleset rs : hierarchical) {
      for (HierarchicalRuleset.Rule r : rs.rules()) {
        if (r.errorcode() == null || !catalogue.containsKey(r.errorcode())) {
          problems.add(rs.file() + ": hierarchical ruleset " + rs.id() + ", rule " + r.name() + ": errorcode " + r.errorcode() + " is not a rule of the catalogue");
        }
      }
    }
    for (RuleDef r : catalogue.values()) {
      if (r.level() == 4 && r.severity() == Severity.ERROR) {
        problems.add("rule " + r.id() + ": a level-4 rule is a question for the analyst: its severity is WARNING or INFO, never ERROR");
      }
    }
    return new RuleSets(datapoint, hierarchical, statistical, comparability == null ? ComparabilityRules.NONE : comparability);
  }
}
