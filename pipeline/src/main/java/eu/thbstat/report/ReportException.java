package eu.thbstat.report;

/** The report cannot be made: a release or an option is unusable; the message names file and line. */
public class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }
}
