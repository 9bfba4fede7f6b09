package eu.thbstat.ingest;

import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import java.io.Serializable;
import java.util.List;

/** What reading one submission file gave: its cells, its findings, its rejected records. */
public record FileResult(
    FileReport report,
    List<Observation> observations,
    List<Finding> findings,
    List<QuarantinedRecord> quarantine)
    implements Serializable {

  public FileResult {
    observations = List.copyOf(observations);
    findings = List.copyOf(findings);
    quarantine = List.copyOf(quarantine);
  }
}
