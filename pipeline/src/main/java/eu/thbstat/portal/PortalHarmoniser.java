package eu.thbstat.portal;

import eu.thbstat.harmonise.CountryHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A harmonisation run over the portal's selection: each chosen upload is read with the mapping
 * chosen when it arrived, by the same per-file ({@link SubmissionProcessor}), per-country
 * ({@link CountryHarmoniser}) and whole-release ({@link ReleaseSteps}) classes that
 * {@code LocalHarmoniser} and the Beam pipeline call. The cells of years an upload is not chosen
 * for are counted as excluded, with the upload that supersedes them as the reason, so that the
 * manifest still reconciles every record read. Files are named by their stored path
 * ({@code uploads/XX/<id>.<ext>}), so the manifest names each upload taken.
 */
public final class PortalHarmoniser {
  private final ReferenceData ref;
  private final SubmissionProcessor processor;
  private final CountryHarmoniser countries;

  public PortalHarmoniser(ReferenceData ref) {
    this.ref = ref;
    this.processor = new SubmissionProcessor(ref);
    this.countries = new CountryHarmoniser(ref);
  }

  /** Reads the bytes of an upload. */
  public interface Contents {
    byte[] read(Upload u) throws IOException;
  }

  public Release harmonise(Selection selection, Contents contents) throws IOException {
    int geo = ref.model().index(Dimension.GEO);
    int time = ref.model().index(Dimension.TIME);
    List<FileReport> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<QuarantinedRecord> quarantine = new ArrayList<>();
    Map<String, List<Observation>> byCountry = new TreeMap<>();
    for (Map.Entry<Upload, TreeSet<String>> e : selection.uploads().entrySet()) {
      Upload u = e.getKey();
      Set<String> years = e.getValue();
      byte[] content = contents.read(u);
      Optional<Mapping> mapping = ref.mappings().stream().filter(m -> m.id().equals(u.mapping())).findFirst();
      FileResult r = mapping.isPresent() ? processor.process(u.storedFile(), content, mapping.get()) : processor.process(u.storedFile(), content);
      Map<String, Long> superseded = new TreeMap<>();
      for (Observation o : r.observations()) {
        String year = o.key().get(time);
        if (years.contains(year)) {
          byCountry.computeIfAbsent(o.key().get(geo), g -> new ArrayList<>()).add(o);
        } else {
          Upload later = selection.chosen(u.country(), year);
          String reason = "reference year " + year + " is taken from upload " + (later == null ? "(none accepted)" : later.id());
          superseded.merge(reason, 1L, Long::sum);
        }
      }
      for (Finding f : r.findings()) {
        String year = yearOf(f.key(), time);
        if (year == null || years.contains(year)) {
          findings.add(f);
        }
      }
      quarantine.addAll(r.quarantine());
      FileReport fr = r.report();
      Map<String, Long> excluded = new TreeMap<>(fr.excludedByReason());
      superseded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
      long dropped = superseded.values().stream().mapToLong(Long::longValue).sum();
      files.add(new FileReport(fr.file(), fr.country(), fr.mappingId(), fr.sha256(), fr.bytes(), fr.status(), fr.recordsRead(), fr.recordsExcluded() + dropped, excluded));
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

  private static String yearOf(String dottedKey, int time) {
    if (dottedKey == null || dottedKey.isEmpty()) {
      return null;
    }
    String[] codes = dottedKey.split("\\.");
    return codes.length > time ? codes[time] : null;
  }
}
