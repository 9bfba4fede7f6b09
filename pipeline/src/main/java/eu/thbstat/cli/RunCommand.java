package eu.thbstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.pipeline.HarmonisePipeline;
import eu.thbstat.pipeline.Runners;
import eu.thbstat.pipeline.ThbstatOptions;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
      "Harmonises every submission under the input folder and writes the release: the harmonised",
      "cube (cube.csv, cube.parquet), findings (findings.csv, findings.json), the quarantine of",
      "rejected records (quarantine.csv), footnotes.csv and manifest.json.",
      "Options it does not know are passed to Apache Beam (e.g. --targetParallelism=2,",
      "--flinkMaster=host:8081 --parallelism=4, --sparkMaster=spark://host:7077)."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = {"-i", "--input"}, required = true, description = "Folder of national submissions (searched recursively).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, description = "Folder the release is written to (created if needed).")
  Path output;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @Option(names = "--runner", defaultValue = "DirectRunner", description = "Beam runner: DirectRunner (default), FlinkRunner or SparkRunner.")
  String runner;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary line (no per-file table, no progress).")
  boolean quiet;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(input)) {
      err.println("thbstat run: the input folder " + input + " does not exist");
      return Thbstat.CANNOT_RUN;
    }
    if (!Runners.ALL.contains(runner)) {
      err.println("thbstat run: unknown runner " + runner + "; one of " + String.join(", ", Runners.ALL));
      return Thbstat.CANNOT_RUN;
    }
    Path thbstatHome = Home.resolve(home);
    ReferenceData ref = ReferenceDataLoader.load(thbstatHome);
    if (!quiet) {
      out.printf("thbstat %s: harmonising %s with %s (reference data: %s, %d mappings)%n",
          RunInfo.thbstatVersion(), input, runner, thbstatHome, ref.mappings().size());
      out.flush();
    }
    List<String> args = Runners.args(runner, beamArgs);
    Runners.configureJvm(args);
    ThbstatOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ThbstatOptions.class);
    String in = input.toAbsolutePath().normalize().toString();
    String outDir = output.toAbsolutePath().normalize().toString();
    options.setInput(in);
    options.setOutput(outDir);
    options.setHome(thbstatHome.toString());
    options.setJobName("thbstat-run");
    Files.createDirectories(output);
    Pipeline p = Pipeline.create(options);
    HarmonisePipeline.build(p, ref, in, outDir, new RunInfo(RunInfo.thbstatVersion(), runner, input.toString()));
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

    JsonNode manifest = new ObjectMapper().readTree(output.resolve(ReleaseWriter.MANIFEST).toFile());
    Summary.print(out, manifest, output, seconds, quiet);
    out.flush();
    return manifest.path("findings").path("ERROR").asLong() > 0 ? Thbstat.DATA_ERRORS : Thbstat.OK;
  }
}
