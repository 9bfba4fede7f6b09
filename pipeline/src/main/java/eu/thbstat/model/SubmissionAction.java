package eu.thbstat.model;

import java.io.Serializable;
import java.util.Comparator;

/**
 * What a submission asks to be done with the cells already published, as the ACTION column of
 * SDMX-CSV 2.0 says it: {@link #MERGE} (M: the cells given replace the same cells, the others are
 * kept), {@link #REPLACE} (R: every cell within the scope is replaced by the cells given, cells not
 * given are removed) or {@link #DELETE} (D: the cells within the scope are removed).
 *
 * <p>Without an action, a submission replaces the whole country and reference year it gives cells
 * for (a national table is complete for the years it covers).
 *
 * @param scope a cell key whose codes may be {@link #ANY} (e.g. {@code NL.2022.*.*.*.*.*.*.*}: all of
 *     NL 2022); a full key names one cell
 * @param file the submission file and line that asked for it
 */
public record SubmissionAction(String action, CellKey scope, String file, long line) implements Serializable {
  public static final String MERGE = "M";
  public static final String REPLACE = "R";
  public static final String DELETE = "D";
  public static final String ANY = "*";

  public static final Comparator<SubmissionAction> ORDER = Comparator.comparing(SubmissionAction::file)
      .thenComparingLong(SubmissionAction::line).thenComparing(SubmissionAction::action).thenComparing(SubmissionAction::scope);

  public SubmissionAction {
    if (!action.equals(MERGE) && !action.equals(REPLACE) && !action.equals(DELETE)) {
      throw new IllegalArgumentException("action must be M, R or D, not " + action);
    }
  }

  /** Whether a cell lies within the scope. */
  public boolean covers(CellKey key) {
    for (int i = 0; i < scope.codes().size(); i++) {
      String code = scope.get(i);
      if (!code.equals(ANY) && !code.equals(key.get(i))) {
        return false;
      }
    }
    return true;
  }
}
