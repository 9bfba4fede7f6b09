package eu.thbstat.pipeline;

import eu.thbstat.model.CellBatch;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.SubmissionAction;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The outputs every stage of the pipeline returns in its {@link PCollectionTuple}: what it passes
 * on, and what it found and rejected. Elements are batches of cells, findings and files, never case records.
 * Their coders are Java serialisation: they are values only, never grouping keys (keys are
 * country codes, strings).
 */
public final class Stage {
  /** Cells, by the batch: one per file and country as read, one per country once harmonised. */
  public static final TupleTag<CellBatch> OBSERVATIONS = new TupleTag<>() {};
  public static final TupleTag<Finding> FINDINGS = new TupleTag<>() {};
  public static final TupleTag<QuarantinedRecord> QUARANTINE = new TupleTag<>() {};
  public static final TupleTag<FileReport> FILES = new TupleTag<>() {};
  /**
   * The batches as read, for where each reported cell comes from (their {@link CellBatch#sources()},
   * the lineage the readers give).
   */
  public static final TupleTag<CellBatch> SOURCES = new TupleTag<>() {};
  /** SDMX-style actions (merge, replace, delete) of submissions on the published cells. */
  public static final TupleTag<SubmissionAction> ACTIONS = new TupleTag<>() {};

  private Stage() {}

  /** Sets the coders of a stage's outputs (those present in the tuple). */
  static PCollectionTuple withCoders(PCollectionTuple tuple) {
    if (tuple.has(OBSERVATIONS)) {
      tuple.get(OBSERVATIONS).setCoder(SerializableCoder.of(CellBatch.class));
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
      tuple.get(SOURCES).setCoder(SerializableCoder.of(CellBatch.class));
    }
    if (tuple.has(ACTIONS)) {
      tuple.get(ACTIONS).setCoder(SerializableCoder.of(SubmissionAction.class));
    }
    return tuple;
  }
}
