package eu.thbstat.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The common THB model loaded from schemas/: the dimensions of the cube in key order, their code
 * lists, and the hierarchy rules the code lists imply.
 */
public record CommonModel(
    List<Dimension> dimensions, int firstYear, int lastYear, List<HierarchyRule> hierarchies)
    implements Serializable {

  public CommonModel {
    dimensions = List.copyOf(dimensions);
    hierarchies = List.copyOf(hierarchies);
  }

  public Dimension dimension(String id) {
    for (Dimension d : dimensions) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no dimension " + id);
  }

  public boolean hasDimension(String id) {
    return dimensions.stream().anyMatch(d -> d.id().equals(id));
  }

  public int index(String id) {
    return dimension(id).index();
  }

  public List<String> dimensionIds() {
    return dimensions.stream().map(Dimension::id).toList();
  }

  /** Decimals printed for values of a unit. */
  public int decimals(String unit) {
    Code code = dimension(Dimension.UNIT).code(unit);
    return code == null || code.decimals() == null ? 2 : code.decimals();
  }

  /**
   * Hierarchy rules from the parent/breakdown structure of each code list: for each parent, one
   * rule per breakdown of its children, children without a breakdown taking part in every one.
   */
  public static List<HierarchyRule> hierarchiesOf(List<Dimension> dimensions) {
    List<HierarchyRule> rules = new ArrayList<>();
    for (Dimension d : dimensions) {
      Map<String, List<Code>> childrenByParent = new LinkedHashMap<>();
      for (Code c : d.codes()) {
        if (c.parent() != null) {
          childrenByParent.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c);
        }
      }
      childrenByParent.forEach(
          (parent, children) -> {
            List<String> common =
                children.stream().filter(c -> c.breakdown() == null).map(Code::code).toList();
            List<String> breakdowns =
                children.stream().map(Code::breakdown).filter(Objects::nonNull).distinct().toList();
            if (breakdowns.isEmpty()) {
              rules.add(new HierarchyRule(d.id(), d.index(), d.additive(), parent, common, ""));
            }
            for (String b : breakdowns) {
              List<String> components = new ArrayList<>(common);
              children.stream()
                  .filter(c -> b.equals(c.breakdown()))
                  .forEach(c -> components.add(c.code()));
              rules.add(new HierarchyRule(d.id(), d.index(), d.additive(), parent, components, b));
            }
          });
    }
    return rules;
  }
}
