package eu.thbstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.ingest.InputLimits;
import eu.thbstat.output.ReleasePublisher;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.pipeline.HarmonisePipeline;
import eu.thbstat.pipeline.Runners;
import eu.thbstat.pipeline.ThbstatOptions;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.release.PreviousRelease;
import eu.thbstat.release.Publication;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat run}: the harmonisation of every submission under a folder, as a Beam pipeline. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Harmonises every submission under the input folder and publishes a release OUTPUT/<id>/: the",
      "harmonised cube (cube.csv, cube.parquet, cube.sdmx.csv), findings (findings.csv, findings.json),",
      "the quarantine of rejected records (quarantine.csv), footnotes.csv, revisions.csv (against the",
      "previous release), lineage.csv, EU aggregates, public/ outputs and manifest.json. OUTPUT/latest",
      "names the newest release; see docs/releases.md.",
      "Options it does not know are passed to Apache Beam (e.g. --targetParallelism=2,",
      "--flinkMaster=host:8081 --parallelism=4, --sparkMaster=spark://host:7077)."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = {"-i", "--input"}, required = true, description = "Folder of national submissions (searched recursively).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, description = "Folder of the releases (created if needed): the release goes to OUTPUT/<id>/, OUTPUT/latest names it.")
  Path output;

  @Option(names = {"-p", "--previous"}, description = "The release to revise (a release folder): its cells are carried forward, changes flagged r, and its earlier years used by the checks over time; default: the one OUTPUT/latest names, if any.")
  Path previous;

  @Option(names = "--no-previous", description = "Start afresh: compare with no earlier release and carry no cells forward.")
  boolean noPrevious;

  @Option(names = "--release-id", description = "Id of the new release (default: derived from the inputs, the reference data, the code version and the previous release).")
  String releaseId;

  @Option(names = "--max-file-bytes", description = "Files larger than this are not read (default: ${DEFAULT-VALUE}).", defaultValue = "268435456")
  long maxFileBytes;

  @Option(names = "--max-line-bytes", description = "Lines longer than this are left out with a finding (default: ${DEFAULT-VALUE}).", defaultValue = "1048576")
  int maxLineBytes;

  @Option(names = "--split-bytes", defaultValue = "67108864",
      description = "Files of case records (CSV, NDJSON) larger than this are read in byte-range splits of this size, in parallel; 0 reads every file whole (default: ${DEFAULT-VALUE}, 64 MiB).")
  long splitBytes;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @Option(names = "--runner", defaultValue = Runners.AUTO,
      description = "Beam runner: auto (default: SparkRunner local[*] when the input folder holds more than 64 MiB, else DirectRunner; see bench/RESULTS.md), DirectRunner, FlinkRunner or SparkRunner.")
  String runner;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary line (no per-file table, no progress).")
  boolean quiet;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  /** The bytes of the regular files under a folder (for the choice of runner). */
  private static long inputBytes(Path folder) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /** A release folder as given, or the latest release of a folder of releases. */
  private static String releaseFolder(Path given) {
    if (!Files.isRegularFile(given.resolve(ReleaseWriter.MANIFEST))) {
      Optional<String> latest = ReleasePublisher.latest(given.toString());
      if (latest.isPresent()) {
        return given.resolve(latest.get()).toString();
      }
    }
    return given.toString();
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(input)) {
      err.println("thbstat run: the input folder " + input + " does not exist");
      return Thbstat.CANNOT_RUN;
    }
    if (!Runners.ALL.contains(runner) && !Runners.AUTO.equals(runner)) {
      err.println("thbstat run: unknown runner " + runner + "; one of " + Runners.AUTO + ", " + String.join(", ", Runners.ALL));
      return Thbstat.CANNOT_RUN;
    }
    if (Runners.AUTO.equals(runner)) {
      runner = Runners.choose(runner, inputBytes(input));
    }
    Path thbstatHome = Home.resolve(home);
    ReferenceData ref = ReferenceDataLoader.load(thbstatHome);
    String releases = output.toAbsolutePath().normalize().toString();
    if (releaseId != null && (!ReleasePublisher.validId(releaseId) || Files.exists(output.resolve(releaseId)))) {
      err.println("thbstat run: --release-id " + releaseId + (ReleasePublisher.validId(releaseId)
          ? " names a release that exists already; a published release is never modified"
          : " is not usable: letters, digits, '.', '_' and '-' only, not \"latest\""));
      return Thbstat.CANNOT_RUN;
    }
    if (maxFileBytes < 1 || maxLineBytes < 1) {
      err.println("thbstat run: --max-file-bytes and --max-line-bytes must be positive");
      return Thbstat.CANNOT_RUN;
    }
    if (splitBytes < 0 || (splitBytes > 0 && splitBytes < 1 << 16)) {
      err.println("thbstat run: --split-bytes must be 0 (no splits) or at least 65536");
      return Thbstat.CANNOT_RUN;
    }
    Optional<String> latestBefore = ReleasePublisher.latest(releases);
    String previousRelease = noPrevious ? null
        : previous != null ? releaseFolder(previous.toAbsolutePath().normalize())
        : latestBefore.map(id -> ReleasePublisher.folder(releases, id)).orElse(null);
    if (previousRelease != null) {
      try {
        PreviousRelease.read(previousRelease, ref.model());
      } catch (RuntimeException e) {
        err.println("thbstat run: the previous release cannot be used: " + e.getMessage());
        return Thbstat.CANNOT_RUN;
      }
    }
    if (!quiet) {
      out.printf("thbstat %s: harmonising %s with %s (reference data: %s, %d mappings)%n",
          RunInfo.thbstatVersion(), input, runner, thbstatHome, ref.mappings().size());
      out.flush();
    }
    List<String> args = Runners.args(runner, beamArgs);
    Runners.configureJvm(args);
    ThbstatOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ThbstatOptions.class);
    String in = input.toAbsolutePath().normalize().toString();
    String outDir = releases;
    options.setInput(in);
    options.setOutput(outDir);
    options.setHome(thbstatHome.toString());
    options.setJobName("thbstat-run");
    Files.createDirectories(output);
    Pipeline p = Pipeline.create(options);
    HarmonisePipeline.build(p, ref, in, new InputLimits(maxFileBytes, maxLineBytes), splitBytes, Publication.release(outDir, previousRelease, releaseId),
        new RunInfo(RunInfo.thbstatVersion(), runner, input.toString()));
    long start = System.nanoTime();
    // progress on stderr: rewritten in place every 2 s on a terminal, a line every 10 s elsewhere
    boolean terminal = System.console() != null;
    try (Progress progress = quiet ? null : Progress.start(err, runner, Duration.ofSeconds(terminal ? 2 : 10), terminal)) {
      PipelineResult result = p.run();
      if (progress != null) {
        progress.attach(result);
      }
      result.waitUntilFinish();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    String id = ReleasePublisher.latest(releases).orElseThrow(() -> new IllegalStateException("no release was published under " + releases));
    Path folder = output.resolve(id);
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve(ReleaseWriter.MANIFEST).toFile());
    if (releaseId == null && latestBefore.isPresent() && latestBefore.get().equals(id) && previousRelease != null) {
      out.println("The inputs, reference data and code are those of release " + id + ": it stays the latest, no new release.");
    }
    Summary.print(out, manifest, folder, seconds, quiet);
    JsonNode revisions = manifest.path("release").path("revisions");
    if (!quiet && !manifest.path("release").path("previous").isNull()) {
      out.printf("Revisions against release %s: %d cells added, %d changed (flag r), %d removed, %d with other flags (revisions.csv)%n",
          manifest.path("release").path("previous").asText(), revisions.path("ADDED").asLong(), revisions.path("CHANGED").asLong(),
          revisions.path("REMOVED").asLong(), revisions.path("FLAGS").asLong());
    }
    out.flush();
    return manifest.path("findings").path("ERROR").asLong() > 0 ? Thbstat.DATA_ERRORS : Thbstat.OK;
  }
}
