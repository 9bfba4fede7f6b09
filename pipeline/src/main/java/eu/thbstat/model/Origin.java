package eu.thbstat.model;

/** Where a cell of the harmonised cube comes from. */
public enum Origin {
  /** Given by a national submission, one source record per cell. */
  REPORTED,
  /** A total derived as the sum of a complete breakdown the submission gave. */
  DERIVED,
  /** Computed by thbstat from reported cells and reference data (rates, shares). */
  COMPUTED,
  /**
   * An EU aggregate: the sum of the Member States that report the cell (source: its row of
   * coverage.csv, which names them).
   */
  AGGREGATED,
  /** Counted by thbstat from the case-level records of one file (format microdata). */
  COUNTED
}
