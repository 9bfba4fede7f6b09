package eu.thbstat.pipeline;

import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
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
    return build(p, ref, input, output, run, PreviousRelease.NONE);
  }

  /** The same, with the cells of a previous release for the checks over time. */
  public static PCollection<String> build(Pipeline p, ReferenceData ref, String input, String output, RunInfo run, PreviousRelease previous) {
    PCollectionTuple read = p.apply("ReadSubmissions", ReadSubmissions.from(input, ref));
    PCollectionTuple countries = read.get(Stage.OBSERVATIONS).apply("HarmoniseCountries", HarmoniseCountries.using(ref).withPrevious(previous));
    PCollection<Finding> findings = PCollectionList.of(read.get(Stage.FINDINGS)).and(countries.get(Stage.FINDINGS))
        .apply("AllFindings", Flatten.pCollections());
    PCollection<QuarantinedRecord> quarantine = PCollectionList.of(read.get(Stage.QUARANTINE)).and(countries.get(Stage.QUARANTINE))
        .apply("AllQuarantine", Flatten.pCollections());
    PCollection<FileReport> files = read.get(Stage.FILES);
    return PCollectionTuple.of(Stage.OBSERVATIONS, countries.get(Stage.OBSERVATIONS))
        .and(Stage.FINDINGS, findings)
        .and(Stage.QUARANTINE, quarantine)
        .and(Stage.FILES, files)
        .apply("WriteRelease", WriteRelease.to(output, ref, run));
  }
}
