package eu.thbstat.portal;

import eu.thbstat.model.Finding;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything the portal serves from, below one data folder: the users ({@link Credentials}),
 * the sessions, the audit log, the uploads, the intake that validates them, the harmonisation runs
 * and the templates. Plain Java: the HTTP layer ({@link PortalHandler}) only translates requests.
 */
public final class Portal implements AutoCloseable {
  /**
   * How the portal runs.
   *
   * @param maxUploadBytes the largest upload taken in
   * @param secureCookies whether cookies carry the Secure attribute (behind an HTTPS proxy)
   */
  public record Config(Path dataDir, long maxUploadBytes, boolean secureCookies, int parallelValidations) {
    public static final long DEFAULT_MAX_UPLOAD = 20L * 1024 * 1024;
  }

  private final Config config;
  private final ReferenceData ref;
  private final Clock clock;
  private final Credentials credentials;
  private final Sessions sessions;
  private final AuditLog audit;
  private final UploadStore uploads;
  private final SubmissionIntake intake;
  private final RunManager runs;
  private final Templates templates = new Templates();
  private final SignInThrottle throttle;

  public Portal(Config config, ReferenceData ref, Clock clock) throws IOException {
    this.config = config;
    this.ref = ref;
    this.clock = clock;
    Files.createDirectories(config.dataDir());
    Files.createDirectories(tmp());
    this.credentials = new Credentials(config.dataDir());
    this.sessions = new Sessions(clock);
    this.audit = new AuditLog(config.dataDir(), clock);
    this.uploads = new UploadStore(config.dataDir());
    this.intake = new SubmissionIntake(ref, uploads, clock, config.parallelValidations());
    this.runs = new RunManager(ref, uploads, audit, config.dataDir(), clock);
    this.throttle = new SignInThrottle(clock);
    Thread warm = new Thread(this::warmUp, "thbstat-portal-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  /** Loads the classes the first report needs (Parquet and Hadoop take seconds), so the first upload is not slow. */
  private void warmUp() {
    try {
      eu.thbstat.output.ReleaseWriter.render(new eu.thbstat.harmonise.Release(List.of(), List.of(), List.of(), List.of()), ref,
          new eu.thbstat.output.RunInfo(eu.thbstat.output.RunInfo.thbstatVersion(), "portal", "warm-up"));
      templates.render("error.ftlh", java.util.Map.of("title", "", "status", 200, "message", ""));
    } catch (RuntimeException e) {
      System.err.println("thbstat serve: warm-up failed (the first upload will be slower): " + e);
    }
  }

  public Config config() {
    return config;
  }

  public ReferenceData ref() {
    return ref;
  }

  public Clock clock() {
    return clock;
  }

  public Credentials credentials() {
    return credentials;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AuditLog audit() {
    return audit;
  }

  public UploadStore uploads() {
    return uploads;
  }

  public SubmissionIntake intake() {
    return intake;
  }

  public RunManager runs() {
    return runs;
  }

  public Templates templates() {
    return templates;
  }

  public SignInThrottle throttle() {
    return throttle;
  }

  /** Where multipart uploads are buffered while they arrive (below the data folder). */
  public Path tmp() {
    return config.dataDir().resolve("tmp");
  }

  /** The countries on the status board: every country with a mapping (and, on the board, every country with an upload). */
  public List<String> countries() {
    return List.copyOf(new TreeSet<>(ref.mappings().stream().map(Mapping::country).toList()));
  }

  /** The mappings an office may choose from in the upload form. */
  public List<Mapping> mappingsOf(String country) {
    return ref.mappingsOf(country);
  }

  public Finding tooLarge(String country, String name) {
    return intake.tooLarge(country, name, config.maxUploadBytes());
  }

  @Override
  public void close() throws IOException {
    runs.close();
    audit.close();
  }
}
