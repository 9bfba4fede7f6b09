package eu.thbstat.harmonise;

import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The harmonisation in one thread, without Beam: what {@code thbstat validate} runs on a national
 * office's files for feedback in seconds. The Beam pipeline calls the same classes per file and
 * per country, so both give the same findings.
 */
public final class LocalHarmoniser {
  private final ReferenceData ref;
  private final SubmissionProcessor processor;
  private final CountryHarmoniser countries;

  public LocalHarmoniser(ReferenceData ref) {
    this(ref, eu.thbstat.validation.PreviousRelease.NONE);
  }

  /** With the cells of a previous release, for the checks over time. */
  public LocalHarmoniser(ReferenceData ref, eu.thbstat.validation.PreviousRelease previous) {
    this.ref = ref;
    this.processor = new SubmissionProcessor(ref);
    this.countries = new CountryHarmoniser(ref, previous);
  }

  /** A file to harmonise: its name as reported, its bytes, and the mapping to read it with (or null to choose by name). */
  public record Input(String name, byte[] content, Mapping mapping) {}

  public Release harmonise(List<Input> inputs) {
    List<FileReport> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<QuarantinedRecord> quarantine = new ArrayList<>();
    Map<String, List<Observation>> byCountry = new TreeMap<>();
    int geo = ref.model().index(Dimension.GEO);
    for (Input in : inputs) {
      FileResult r = in.mapping() == null
          ? processor.process(in.name(), in.content())
          : processor.process(in.name(), in.content(), in.mapping());
      files.add(r.report());
      findings.addAll(r.findings());
      quarantine.addAll(r.quarantine());
      for (Observation o : r.observations()) {
        byCountry.computeIfAbsent(o.key().get(geo), g -> new ArrayList<>()).add(o);
      }
    }
    List<Observation> cells = new ArrayList<>();
    byCountry.forEach((country, reported) -> {
      CountryHarmoniser.Result r = countries.harmonise(country, reported);
      cells.addAll(r.observations());
      findings.addAll(r.findings());
      quarantine.addAll(r.quarantine());
    });
    return ReleaseSteps.apply(ref, new Release(cells, findings, quarantine, files));
  }
}
