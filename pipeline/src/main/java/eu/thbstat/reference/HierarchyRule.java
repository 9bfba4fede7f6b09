package eu.thbstat.reference;

import java.io.Serializable;
import java.util.List;

/**
 * "total = sum of components" along one dimension, the other dimensions held fixed; derived from
 * the parent/breakdown structure of a code list. In VTL terms, one rule of a hierarchical ruleset
 * on that dimension. For a non-additive dimension (exploitation) the components may exceed the
 * total (persons in several forms), never fall short of it when all are given.
 */
public record HierarchyRule(
    String dimensionId,
    int dimension,
    boolean additive,
    String total,
    List<String> components,
    String breakdown)
    implements Serializable {

  public HierarchyRule {
    components = List.copyOf(components);
  }

  /** VTL text of the rule, e.g. {@code T = F + M + UNK}. */
  public String toVtl() {
    return total + (additive ? " = " : " <= ") + String.join(" + ", components);
  }
}
