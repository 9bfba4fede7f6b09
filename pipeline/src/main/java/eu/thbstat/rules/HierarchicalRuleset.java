package eu.thbstat.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A VTL hierarchical ruleset as typed data: relations between the codes of one dimension, checked
 * on every group of cells that differ only in that dimension, with a VTL mode for missing members.
 *
 * @param dimension the dimension the ruleset is defined on (VTL "variable rule")
 * @param mode how missing or not available code items take part
 * @param input VTL input mode: {@code dataset} (only cells given) or {@code dataset_priority} (a
 *     total the submission does not give may be one thbstat derived from a complete breakdown)
 */
public record HierarchicalRuleset(
    String id, String label, String dimension, Mode mode, String input, List<Rule> rules, String file)
    implements Serializable {

  public HierarchicalRuleset {
    rules = List.copyOf(rules);
  }

  /** One term of the right side: a code with its sign. */
  public record Term(boolean minus, String code) implements Serializable {}

  /** One rule, e.g. {@code TOTAL >= SEX}, and the catalogue rule of its findings. */
  public record Rule(String name, String left, String op, List<Term> right, String errorcode)
      implements Serializable {
    public Rule {
      right = List.copyOf(right);
    }

    /** The relation in VTL, codes quoted where VTL needs it. */
    public String toVtl() {
      StringBuilder s = new StringBuilder(Vtl.id(left)).append(' ').append(Vtl.operator(op)).append(' ');
      for (int i = 0; i < right.size(); i++) {
        Term t = right.get(i);
        if (i > 0 || t.minus()) {
          s.append(i > 0 ? " " : "").append(t.minus() ? "- " : "+ ");
        }
        s.append(Vtl.id(t.code()));
      }
      return s.toString();
    }

    /** The relation as written in the data files, e.g. {@code TOTAL >= SEX + LAB_SERV}. */
    public String text() {
      StringBuilder s = new StringBuilder(left).append(' ').append(op).append(' ');
      for (int i = 0; i < right.size(); i++) {
        Term t = right.get(i);
        if (i > 0 || t.minus()) {
          s.append(i > 0 ? " " : "").append(t.minus() ? "- " : "+ ");
        }
        s.append(t.code());
      }
      return s.toString();
    }

    /** Parses "LEFT op [+|-] CODE [+|-] CODE ..."; throws IllegalArgumentException naming the problem. */
    public static Rule parse(String name, String relation, String errorcode) {
      String[] tokens = relation.trim().split("\\s+");
      if (tokens.length < 3 || !List.of("=", ">=", "<=", ">", "<").contains(tokens[1])) {
        throw new IllegalArgumentException("\"" + relation + "\" is not CODE (=|>=|<=|>|<) CODE [+|- CODE]...");
      }
      List<Term> right = new ArrayList<>();
      boolean minus = false;
      boolean signed = false;
      for (int i = 2; i < tokens.length; i++) {
        String t = tokens[i];
        boolean sign = t.equals("+") || t.equals("-");
        if (sign) {
          if (signed) {
            throw new IllegalArgumentException("\"" + relation + "\": two signs in a row");
          }
          minus = t.equals("-");
          signed = true;
          continue;
        }
        if (!right.isEmpty() && !signed) {
          throw new IllegalArgumentException("\"" + relation + "\": codes must be joined by + or -");
        }
        right.add(new Term(minus, t));
        minus = false;
        signed = false;
      }
      if (signed) {
        throw new IllegalArgumentException("\"" + relation + "\" ends with a sign");
      }
      if (right.isEmpty()) {
        throw new IllegalArgumentException("\"" + relation + "\" has no code on its right side");
      }
      return new Rule(name, tokens[0], tokens[1], right, errorcode);
    }
  }
}
