package eu.thbstat.rules;

import java.io.Serializable;
import java.util.List;

/**
 * One typed condition of a datapoint rule, on a dimension of the cell key or on the value
 * ({@code obs_value}).
 *
 * @param component a dimension id or {@value #VALUE}
 * @param op one of {@code eq, ne, in, not_in} (codes) or {@code ge, gt, le, lt} (value against a
 *     number), or {@code integer} (the value is a whole number)
 * @param values the codes or the number the component is compared with
 */
public record Condition(String component, String op, List<String> values) implements Serializable {
  public static final String VALUE = "obs_value";
  public static final List<String> OPS = List.of("eq", "ne", "in", "not_in", "ge", "gt", "le", "lt", "integer");

  public Condition {
    values = List.copyOf(values);
  }

  /** Whether the condition compares the value with a number (or tests it) rather than codes. */
  public boolean onValue() {
    return component.equals(VALUE);
  }

  /**
   * The condition on a cell: its code of {@code component} (or null for the value) and its value.
   * Returns null when it cannot be told (a condition on a value that is not available), as VTL does.
   */
  public Boolean test(String code, Double value) {
    if (onValue()) {
      if (value == null) {
        return null;
      }
      if (op.equals("integer")) {
        return value == Math.rint(value);
      }
      double n = Double.parseDouble(values.get(0));
      return switch (op) {
        case "ge" -> value >= n;
        case "gt" -> value > n;
        case "le" -> value <= n;
        case "lt" -> value < n;
        case "eq" -> value == n;
        case "ne" -> value != n;
        default -> throw new IllegalStateException("operator " + op + " on a value");
      };
    }
    return switch (op) {
      case "eq", "in" -> values.contains(code);
      case "ne", "not_in" -> !values.contains(code);
      default -> throw new IllegalStateException("operator " + op + " on codes");
    };
  }

  /** The condition as a VTL 2.1 boolean expression. */
  public String toVtl() {
    String c = Vtl.id(component);
    if (onValue()) {
      if (op.equals("integer")) {
        return "mod(" + c + ", 1) = 0";
      }
      return c + " " + Vtl.operator(op) + " " + values.get(0);
    }
    List<String> quoted = values.stream().map(Vtl::string).toList();
    return switch (op) {
      case "eq" -> c + " = " + quoted.get(0);
      case "ne" -> c + " <> " + quoted.get(0);
      case "in" -> c + " in {" + String.join(", ", quoted) + "}";
      case "not_in" -> c + " not_in {" + String.join(", ", quoted) + "}";
      default -> throw new IllegalStateException("operator " + op + " on codes");
    };
  }
}
