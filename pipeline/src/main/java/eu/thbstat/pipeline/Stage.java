package eu.thbstat.pipeline;

import eu.thbstat.model.CellSource;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.SubmissionAction;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The outputs every stage of the pipeline returns in its {@link PCollectionTuple}: what it passes
 * on, and what it found and rejected. Elements are cells, findings and files, never case records.
 * Their coders are Java serialisation: they are values only, never grouping keys (keys are
 * country codes, strings).
 */
public final class Stage {
  public static final TupleTag<Observation> OBSERVATIONS = new TupleTag<>() {};
  public static final TupleTag<Finding> FINDINGS = new TupleTag<>() {};
  public static final TupleTag<QuarantinedRecord> QUARANTINE = new TupleTag<>() {};
  public static final TupleTag<FileReport> FILES = new TupleTag<>() {};
  /** Where each reported cell comes from (lineage), from the readers that give it. */
  public static final TupleTag<CellSource> SOURCES = new TupleTag<>() {};
  /** SDMX-style actions (merge, replace, delete) of submissions on the published cells. */
  public static final TupleTag<SubmissionAction> ACTIONS = new TupleTag<>() {};

  private Stage() {}

  /** Sets the coders of a stage's outputs (those present in the tuple). */
  static PCollectionTuple withCoders(PCollectionTuple tuple) {
    if (tuple.has(OBSERVATIONS)) {
      tuple.get(OBSERVATIONS).setCoder(SerializableCoder.of(Observation.class));
    }
    if (tuple.has(FINDINGS)) {
      tuple.get(FINDINGS).setCoder(SerializableCoder.of(Finding.class));
    }
    if (tuple.has(QUARANTINE)) {
      tuple.get(QUARANTINE).setCoder(SerializableCoder.of(QuarantinedRecord.class));
    }
    if (tuple.has(FILES)) {
      tuple.get(FILES).setCoder(SerializableCoder.of(FileReport.class));
    }
    if (tuple.has(SOURCES)) {
      tuple.get(SOURCES).setCoder(SerializableCoder.of(CellSource.class));
    }
    if (tuple.has(ACTIONS)) {
      tuple.get(ACTIONS).setCoder(SerializableCoder.of(SubmissionAction.class));
    }
    return tuple;
  }
}
