package eu.thbstat.portal;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.Severity;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * Takes an upload in: sniffs its content, chooses the mapping among the country's, validates it
 * with {@link LocalHarmoniser} exactly as {@code thbstat validate} does, and stores the file, its
 * report and its metadata for good. A file thbstat cannot read is stored too, as REJECTED, with a
 * finding that says why.
 */
public final class SubmissionIntake {
  private final ReferenceData ref;
  private final UploadStore store;
  private final Clock clock;
  /** Validations at once: the rest wait, so that many uploads at once do not starve the pages. */
  private final Semaphore working;

  public SubmissionIntake(ReferenceData ref, UploadStore store, Clock clock, int parallel) {
    this.ref = ref;
    this.store = store;
    this.clock = clock;
    this.working = new Semaphore(Math.max(1, parallel), true);
  }

  /** The name an upload is reported under: the last segment of what the browser sent, printable. */
  public static String safeName(String sent) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"<>|*?:]", "_").strip();
    if (name.length() > 120) {
      name = name.substring(name.length() - 120);
    }
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
  }

  public Upload receive(User uploader, String country, String sentName, byte[] content, String requestedMapping) throws IOException, InterruptedException {
    if (!uploader.canUpload(country)) {
      throw new SecurityException(uploader.name() + " may not upload for " + country);
    }
    working.acquire();
    try {
      return take(uploader, country, sentName, content, requestedMapping);
    } finally {
      working.release();
    }
  }

  private Upload take(User uploader, String country, String sentName, byte[] content, String requestedMapping) throws IOException {
    Instant now = clock.instant();
    String name = safeName(sentName);
    String sha = ReferenceDataLoader.sha256(content);
    ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(content);
    Release release;
    String mappingId = "";
    String reason = "";
    if (!sniffed.supported()) {
      Finding f = ref.rules().finding("UPLOAD_FORMAT_UNSUPPORTED", Place.file(country, name), Map.of("what", sniffed.what(), "name", name));
      release = rejected(country, name, sha, content.length, f);
      reason = f.message();
    } else {
      MappingChooser.Choice choice = MappingChooser.choose(ref, country, sniffed, name, requestedMapping);
      if (!choice.chosen()) {
        Finding f = ref.rules().finding("UPLOAD_NO_MAPPING", Place.file(country, name), Map.of("what", sniffed.what(), "reason", choice.problem()));
        release = rejected(country, name, sha, content.length, f);
        reason = f.message();
      } else {
        mappingId = choice.mapping().id();
        release = new LocalHarmoniser(ref).harmonise(List.of(new LocalHarmoniser.Input(name, content, choice.mapping())));
      }
    }
    FileReport file = release.files().get(0);
    Upload.Status status = status(release, file);
    if (status == Upload.Status.REJECTED && reason.isEmpty()) {
      reason = release.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).findFirst().orElse("the file could not be read");
    }
    UploadStore.Claim claim = store.claim(country, now, sha, sniffed.extension(), content);
    Upload upload = new Upload(claim.id(), country, name, claim.storedFile(), sniffed.supported() ? sniffed.format() : sniffed.what(),
        mappingId, sha, content.length, now.toString(), uploader.name(), status,
        release.count(Severity.ERROR), release.count(Severity.WARNING), release.count(Severity.INFO),
        file.recordsRead(), release.quarantine().size(), years(release), reason);
    store.writeReport(claim, FeedbackReport.files(release, ref, upload));
    return store.commit(upload);
  }

  private static Release rejected(String country, String name, String sha, long bytes, Finding f) {
    FileReport report = new FileReport(name, country, "", sha, bytes, "REJECTED", 0, 0, Map.of());
    return new Release(List.of(), List.of(f), List.of(), List.of(report));
  }

  static Upload.Status status(Release release, FileReport file) {
    boolean unread = file.recordsRead() == 0 && (file.status().equals("REJECTED") || file.status().equals("NO_MAPPING"));
    if (unread) {
      return Upload.Status.REJECTED;
    }
    if (release.count(Severity.ERROR) > 0) {
      return Upload.Status.ERRORS;
    }
    return release.count(Severity.WARNING) > 0 ? Upload.Status.WARNINGS : Upload.Status.ACCEPTED;
  }

  private List<String> years(Release release) {
    int time = ref.model().index(Dimension.TIME);
    TreeSet<String> years = new TreeSet<>();
    for (Observation o : release.observations()) {
      if (o.origin() == Origin.REPORTED) {
        years.add(o.key().get(time));
      }
    }
    return List.copyOf(years);
  }

  /** The finding shown for an upload over the size limit (it is not stored: it was not received whole). */
  public Finding tooLarge(String country, String sentName, long limitBytes) {
    return ref.rules().finding("UPLOAD_TOO_LARGE", Place.file(country, safeName(sentName)), Map.of("limit", (limitBytes / (1024 * 1024)) + " MB"));
  }
}
