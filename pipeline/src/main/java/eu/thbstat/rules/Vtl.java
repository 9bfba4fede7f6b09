package eu.thbstat.rules;

import java.util.Set;
import java.util.regex.Pattern;

/** Lexical helpers for writing VTL 2.1 text: identifiers, strings, operators, comments. */
public final class Vtl {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** VTL keywords that thbstat's dimension ids or codes could collide with (VTL keywords are lower case). */
  private static final Set<String> KEYWORDS = Set.of(
      "time", "unit", "rule", "total", "partial", "all", "sum", "count", "min", "max", "avg", "in", "not_in",
      "and", "or", "xor", "not", "if", "then", "else", "when", "is", "as", "to", "with", "null", "true", "false",
      "dataset", "condition", "measures", "components", "variable", "valuedomain", "errorcode", "errorlevel",
      "invalid", "computed", "length", "mod", "round", "abs", "exp", "ln", "power", "log", "sqrt", "date",
      "string", "integer", "number", "boolean", "order", "by", "group", "filter", "calc", "keep", "drop",
      "rename", "pivot", "unpivot", "sub", "aggr", "having", "first", "last", "identifier", "measure", "attribute",
      "year", "month", "day", "hierarchy", "check", "define", "end", "ruleset", "datapoint", "hierarchical");

  private Vtl() {}

  /** An identifier as VTL writes it: quoted ('Y14-17', '_Z', 'time') unless plain and not a keyword. */
  public static String id(String name) {
    if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
      return name;
    }
    return "'" + name.replace("'", "") + "'";
  }

  /** A string literal. */
  public static String string(String text) {
    return "\"" + text.replace("\"", "'") + "\"";
  }

  /** A rule or ruleset name: letters, digits and underscores, starting with a letter. */
  public static String name(String text) {
    String n = text.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isLetter(n.charAt(0)) ? n : "R_" + n;
  }

  /** The VTL comparison operator of a typed one (ge, eq...) or of a relation sign (>=, =...). */
  public static String operator(String op) {
    return switch (op) {
      case "ge", ">=" -> ">=";
      case "gt", ">" -> ">";
      case "le", "<=" -> "<=";
      case "lt", "<" -> "<";
      case "eq", "=" -> "=";
      case "ne", "<>" -> "<>";
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  /** A block comment, safe whatever the text holds. */
  public static String comment(String text) {
    return "/* " + text.replace("*/", "* /") + " */";
  }
}
