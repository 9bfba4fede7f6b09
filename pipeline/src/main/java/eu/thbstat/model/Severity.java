package eu.thbstat.model;

/** Severity of a finding, as in the ESS validation report: ERROR stops the record or file. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
