package eu.thbstat.pipeline;

import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.release.Publication;
import eu.thbstat.validation.PreviousRelease;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The one wiring of the harmonisation: read submissions, harmonise per country, write the
 * release. Every stage's findings and rejected records flow to the release beside its output.
 */
public final class HarmonisePipeline {
  private HarmonisePipeline() {}

  /** Adds the harmonisation to {@code p}; returns the names of the release files written. */
  public static PCollection<String> build(Pipeline p, ReferenceData ref, String input, String output, RunInfo run) {
    return build(p, ref, input, eu.thbstat.ingest.InputLimits.DEFAULT, Publication.folder(output), run);
  }

  /**
   * The harmonisation writing as {@code publication} says (a folder, or a release directory compared
   * with the previous release, whose cells carry forward where no new submission replaces them).
   */
  public static PCollection<String> build(Pipeline p, ReferenceData ref, String input, eu.thbstat.ingest.InputLimits limits, Publication publication, RunInfo run) {
    return build(p, ref, input, limits, ReadSubmissions.DEFAULT_SPLIT_BYTES, publication, run);
  }

  /** The same, with large files of case records read in byte-range splits of {@code splitBytes} (0: whole). */
  public static PCollection<String> build(Pipeline p, ReferenceData ref, String input, eu.thbstat.ingest.InputLimits limits, long splitBytes,
      Publication publication, RunInfo run) {
    PCollectionTuple read = p.apply("ReadSubmissions", ReadSubmissions.from(input, ref).withLimits(limits).withSplitBytes(splitBytes));
    // the previous release also gives the earlier years of the checks over time (level 3)
    PreviousRelease before = publication.previous() == null ? PreviousRelease.NONE
        : PreviousRelease.read(java.nio.file.Path.of(publication.previous()), ref.model());
    PCollectionTuple countries = CarryForwardCells.of(read, publication.previous(), ref)
        .apply("HarmoniseCountries", HarmoniseCountries.using(ref).withPrevious(before));
    PCollection<Finding> findings = PCollectionList.of(read.get(Stage.FINDINGS)).and(countries.get(Stage.FINDINGS))
        .apply("AllFindings", Flatten.pCollections());
    PCollection<QuarantinedRecord> quarantine = PCollectionList.of(read.get(Stage.QUARANTINE)).and(countries.get(Stage.QUARANTINE))
        .apply("AllQuarantine", Flatten.pCollections());
    PCollection<FileReport> files = read.get(Stage.FILES);
    return PCollectionTuple.of(Stage.OBSERVATIONS, countries.get(Stage.OBSERVATIONS))
        .and(Stage.FINDINGS, findings)
        .and(Stage.QUARANTINE, quarantine)
        .and(Stage.FILES, files)
        .and(Stage.SOURCES, read.get(Stage.OBSERVATIONS))
        .apply("WriteRelease", WriteRelease.to(publication, ref, run));
  }
}
