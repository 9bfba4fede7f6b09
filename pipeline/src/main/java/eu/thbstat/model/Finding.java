package eu.thbstat.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One problem found in a submission: which rule, how serious, and where, with a message and a
 * hint that tell the national office what to fix.
 *
 * @param line line in the file (0 when the finding is about the whole file)
 * @param column header of the column concerned ({@code ""} when none)
 * @param key dotted cell key concerned ({@code ""} when none)
 * @param values the named details of the case (the total, the sum, the test statistic...), as text
 */
public record Finding(
    String ruleId,
    int level,
    Severity severity,
    String country,
    String file,
    long line,
    String column,
    String key,
    String value,
    String message,
    String hint,
    Map<String, String> values)
    implements Serializable {

  public Finding {
    values = values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** A finding without named details. */
  public Finding(String ruleId, int level, Severity severity, String country, String file, long line, String column,
      String key, String value, String message, String hint) {
    this(ruleId, level, severity, country, file, line, column, key, value, message, hint, Map.of());
  }

  /** Report order: by file, line, rule. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::country)
          .thenComparing(Finding::file)
          .thenComparingLong(Finding::line)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::key)
          .thenComparing(Finding::column)
          .thenComparing(Finding::message);

  /** "file:line: column" as an editor or a national office would look it up. */
  public String where() {
    StringBuilder w = new StringBuilder(file.isEmpty() ? country : file);
    if (line > 0) {
      w.append(':').append(line);
    }
    if (!column.isEmpty()) {
      w.append(": column \"").append(column).append('"');
    }
    return w.toString();
  }
}
