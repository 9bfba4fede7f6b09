package eu.thbstat.ingest;

import eu.thbstat.model.CellSource;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import java.io.Serializable;
import java.util.List;

/**
 * What reading one submission file gave: its cells, its findings, its rejected records, and where
 * each cell comes from (its lineage; empty for readers that do not give it).
 */
public record FileResult(
    FileReport report,
    List<Observation> observations,
    List<Finding> findings,
    List<QuarantinedRecord> quarantine,
    List<CellSource> sources)
    implements Serializable {

  public FileResult {
    observations = List.copyOf(observations);
    findings = List.copyOf(findings);
    quarantine = List.copyOf(quarantine);
    sources = List.copyOf(sources);
  }

  /** A result without lineage. */
  public FileResult(FileReport report, List<Observation> observations, List<Finding> findings, List<QuarantinedRecord> quarantine) {
    this(report, observations, findings, quarantine, List.of());
  }
}
