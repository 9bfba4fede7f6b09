package eu.thbstat.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The typed rules of schemas/rules/*.yaml beside the catalogue's messages: VTL datapoint and
 * hierarchical rulesets, statistical rules with their parameters, and the comparability rules.
 */
public record RuleSets(
    List<DatapointRuleset> datapoint,
    List<HierarchicalRuleset> hierarchical,
    Map<String, StatisticalRule> statistical,
    ComparabilityRules comparability)
    implements Serializable {

  public static final RuleSets EMPTY = new RuleSets(List.of(), List.of(), Map.of(), ComparabilityRules.NONE);

  public RuleSets {
    datapoint = List.copyOf(datapoint);
    hierarchical = List.copyOf(hierarchical);
    statistical = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statistical));
  }
}
