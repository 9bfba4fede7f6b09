package eu.thbstat.harmonise;

import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole outcome of a harmonisation: the cube, the findings, the quarantine and what happened
 * to each file, each in its canonical order so that the same inputs give the same release.
 */
public record Release(
    List<Observation> observations,
    List<Finding> findings,
    List<QuarantinedRecord> quarantine,
    List<FileReport> files) {

  public Release {
    observations = sorted(observations, Comparator.comparing(Observation::key));
    findings = sorted(findings, Finding.ORDER);
    quarantine = sorted(quarantine, QuarantinedRecord.ORDER);
    files = sorted(files, Comparator.comparing(FileReport::file));
  }

  private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(order);
    return List.copyOf(copy);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Exit status of a run or a validation: 0 no error, 1 errors found. */
  public int exitCode() {
    return count(Severity.ERROR) > 0 ? 1 : 0;
  }
}
