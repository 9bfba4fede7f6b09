package eu.thbstat.release;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a release's lineage.csv: where one cell of the cube comes from.
 *
 * @param origin REPORTED, DERIVED or COMPUTED
 * @param release the release whose run read the source (this release, or an earlier one for a cell
 *     carried forward)
 * @param file the submission file (REPORTED) ; "" otherwise
 * @param flags the cell's flags as read or derived, before the revision flag r is added
 * @param rules the mapping entries applied (REPORTED), the hierarchy rule (DERIVED) or the formula
 *     and the population (COMPUTED)
 * @param record the source record as read (aggregate records only)
 * @param components the keys of the cells this one is made from (DERIVED, COMPUTED)
 */
public record LineageRow(
    String key, String origin, String release, String file, long line, String column, String mapping,
    String flags, List<String> rules, String record, List<String> components) implements Serializable {

  public LineageRow {
    rules = List.copyOf(rules);
    components = List.copyOf(components);
  }

  public static final List<String> COLUMNS = List.of(
      "key", "origin", "release", "file", "line", "column", "mapping", "flags", "rules", "record", "components");

  /** Rules are joined with this in the CSV. */
  public static final String RULE_SEPARATOR = " | ";
}
