package eu.thbstat.model;

import java.io.Serializable;
import java.util.List;

/**
 * Where a reported cell comes from, for its lineage: the file, line and value column it was read
 * from, the mapping that read it, the mapping entries applied (one per dimension, plus the value,
 * flags and national definitions) and the record as read. Aggregate records only: a reader of
 * case-level records gives its counting rule, never a case.
 *
 * @param rules the mapping entries applied, e.g. {@code sex: column "geslacht" "vrouw" -> F}
 * @param record the source record as read (one CSV line), "" when it must not be kept
 */
public record CellSource(
    CellKey key, String file, long line, String column, String mapping, List<String> rules, String record)
    implements Serializable {

  public CellSource {
    rules = List.copyOf(rules);
  }
}
