package eu.thbstat.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Severity;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Harmonisation runs started from the portal, one at a time, in a background thread: each run
 * takes the {@link Selection} of the moment, harmonises it with {@link PortalHarmoniser} and writes
 * the release ({@link ReleaseWriter}) and {@code selection.json} to {@code DIR/runs/<id>/}, with
 * {@code status.json} saying how far it got.
 */
public final class RunManager implements AutoCloseable {
  public static final String FOLDER = "runs";
  public static final String STATUS = "status.json";
  public static final String SELECTION = "selection.json";
  public static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z(-[0-9]{1,4})?");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ReferenceData ref;
  private final UploadStore uploads;
  private final AuditLog audit;
  private final Clock clock;
  private final Path root;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "thbstat-harmonisation");
    t.setDaemon(true);
    return t;
  });
  private Future<?> current;
  private Run running;

  /**
   * A run as status.json records it.
   *
   * @param status RUNNING, DONE, FAILED or INTERRUPTED (the server stopped during the run)
   */
  public record Run(String id, String status, String startedAt, String finishedAt, String startedBy, String message,
      long uploads, long cells, long errors, long warnings, List<String> outputs) {
    public Run {
      outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    Run finished(String newStatus, String at, String text, long nUploads, long nCells, long nErrors, long nWarnings, List<String> files) {
      return new Run(id, newStatus, startedAt, at, startedBy, text, nUploads, nCells, nErrors, nWarnings, files);
    }
  }

  public RunManager(ReferenceData ref, UploadStore uploads, AuditLog audit, Path dataDir, Clock clock) throws IOException {
    this.ref = ref;
    this.uploads = uploads;
    this.audit = audit;
    this.clock = clock;
    this.root = dataDir.resolve(FOLDER);
    Files.createDirectories(root);
    for (Run r : list()) {
      if (r.status().equals("RUNNING")) {
        write(r.finished("INTERRUPTED", "", "the server stopped during the run", r.uploads(), 0, 0, 0, List.of()));
      }
    }
  }

  /** Starts a run unless one is running; returns the run started or the one running. */
  public synchronized Run start(User by) throws IOException {
    if (running != null) {
      return running;
    }
    String base = STAMP.format(clock.instant());
    String id = base;
    for (int n = 2; Files.exists(root.resolve(id)); n++) {
      id = base + "-" + n;
    }
    Files.createDirectories(root.resolve(id));
    Run run = new Run(id, "RUNNING", clock.instant().toString(), "", by.name(), "", 0, 0, 0, 0, List.of());
    write(run);
    running = run;
    audit.record(AuditLog.Event.of(by.name(), "RUN_START", "runs/" + id, "started").by(by));
    current = worker.submit(() -> execute(run, by));
    return run;
  }

  private void execute(Run run, User by) {
    Run end;
    try {
      Selection selection = Selection.of(uploads.all());
      Release release = new PortalHarmoniser(ref).harmonise(selection, u -> Files.readAllBytes(uploads.file(u)));
      Map<String, byte[]> files = new LinkedHashMap<>(ReleaseWriter.render(release, ref,
          new RunInfo(RunInfo.thbstatVersion(), "portal", "uploads: the latest accepted upload per country and reference year (selection.json)")));
      files.put(SELECTION, JSON.writeValueAsBytes(Map.of("selection", selection.describe())));
      Path folder = root.resolve(run.id());
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.createDirectories(folder.resolve(f.getKey()).getParent()); // public/ files of the release
        Files.write(folder.resolve(f.getKey()), f.getValue());
      }
      String text = selection.isEmpty() ? "no accepted upload yet: the release is empty" : "";
      end = run.finished("DONE", clock.instant().toString(), text, selection.uploads().size(), release.observations().size(),
          release.count(Severity.ERROR), release.count(Severity.WARNING), new ArrayList<>(files.keySet()));
      audit.record(AuditLog.Event.of(by.name(), "RUN_DONE", "runs/" + run.id(), "done")
          .by(by).file(eu.thbstat.reference.ReferenceDataLoader.sha256(files.get(ReleaseWriter.MANIFEST)), files.get(ReleaseWriter.MANIFEST).length));
    } catch (Exception | Error e) {
      end = run.finished("FAILED", clock.instant().toString(), String.valueOf(e), 0, 0, 0, 0, List.of());
      audit.record(AuditLog.Event.of(by.name(), "RUN_FAILED", "runs/" + run.id(), String.valueOf(e)).by(by));
    }
    try {
      write(end);
    } catch (IOException e) {
      System.err.println("thbstat serve: cannot write the status of run " + run.id() + ": " + e);
    }
    synchronized (this) {
      running = null;
    }
  }

  private void write(Run run) throws IOException {
    Path folder = root.resolve(run.id());
    Path tmp = Files.createTempFile(folder, ".status", ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(run));
    Files.move(tmp, folder.resolve(STATUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every run, newest first. */
  public List<Run> list() {
    List<Run> runs = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path d : dirs) {
        find(d.getFileName().toString()).ifPresent(runs::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runs.sort(Comparator.comparing(Run::id).reversed());
    return runs;
  }

  public Optional<Run> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Path status = root.resolve(id).resolve(STATUS);
    if (!Files.isRegularFile(status)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(status.toFile(), Run.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** An output file of a finished run, if it is one. */
  public Optional<Path> output(String id, String name) {
    return find(id).filter(r -> r.outputs().contains(name)).map(r -> root.resolve(id).resolve(name));
  }

  public synchronized boolean busy() {
    return running != null;
  }

  /** Waits for the run in progress, if any (tests and shutdown). */
  public void await(Duration limit) throws Exception {
    Future<?> f;
    synchronized (this) {
      f = current;
    }
    if (f != null) {
      f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
