package eu.thbstat.cli;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Severity;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code thbstat validate}: checks a national office's files before they are sent, in one
 * process without Beam, with the same checks as {@code thbstat run}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the files of one country as thbstat run would, and lists every problem with file,",
      "line, column, rule and a hint. Exit code 0: no error; 1: errors found; 2: could not run."
    })
final class ValidateCommand implements Callable<Integer> {
  @Option(names = {"-c", "--country"}, required = true, description = "Eurostat code of the reporting country (EL for Greece, UK for the United Kingdom).")
  String country;

  @Option(names = {"-m", "--mapping"}, description = "Id of the mapping to read the files with (default: chosen by file name, else the country's only mapping).")
  String mappingId;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @Option(names = {"-r", "--report"}, description = "Folder to write the full report to (findings.json, findings.csv, quarantine.csv, cube.csv, ...).")
  Path report;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The submission files.")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReferenceData ref = ReferenceDataLoader.load(Home.resolve(home));
    if (ref.mappingsOf(country).isEmpty()) {
      err.println("thbstat validate: no mapping in mappings/ is for country " + country
          + "; countries with a mapping: " + String.join(", ", ref.mappings().stream().map(Mapping::country).distinct().sorted().toList()));
      return Thbstat.CANNOT_RUN;
    }
    List<LocalHarmoniser.Input> inputs = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        err.println("thbstat validate: " + file + " is not a file");
        return Thbstat.CANNOT_RUN;
      }
      Optional<Mapping> mapping = choose(ref, file, err);
      if (mapping.isEmpty()) {
        return Thbstat.CANNOT_RUN;
      }
      inputs.add(new LocalHarmoniser.Input(file.getFileName().toString(), Files.readAllBytes(file), mapping.get()));
    }
    Release release = new LocalHarmoniser(ref).harmonise(inputs);
    for (Finding f : release.findings()) {
      out.printf("%-7s %s: %s [%s, level %d]%n", f.severity(), f.where(), f.message(), f.ruleId(), f.level());
      if (f.severity() != Severity.INFO) {
        out.printf("        hint: %s%n", f.hint());
      }
    }
    long read = release.files().stream().mapToLong(FileReport::recordsRead).sum();
    out.printf("%s: %d file(s), %d records read, %d quarantined; %d errors, %d warnings, %d notes%n",
        country, release.files().size(), read, release.quarantine().size(),
        release.count(Severity.ERROR), release.count(Severity.WARNING), release.count(Severity.INFO));
    if (report != null) {
      Files.createDirectories(report);
      for (Map.Entry<String, byte[]> file : ReleaseWriter.render(release, ref, new RunInfo(RunInfo.thbstatVersion(), "validate", country)).entrySet()) {
        Files.createDirectories(report.resolve(file.getKey()).getParent()); // public/ files
        Files.write(report.resolve(file.getKey()), file.getValue());
      }
      out.println("Report written to " + report.toAbsolutePath().normalize());
    }
    out.flush();
    return release.exitCode();
  }

  private Optional<Mapping> choose(ReferenceData ref, Path file, PrintWriter err) {
    if (mappingId != null) {
      Optional<Mapping> m = ref.mappings().stream().filter(x -> x.id().equals(mappingId)).findFirst();
      if (m.isEmpty()) {
        err.println("thbstat validate: no mapping has id " + mappingId);
      } else if (!m.get().country().equals(country)) {
        err.println("thbstat validate: mapping " + mappingId + " is for " + m.get().country() + ", not " + country);
        return Optional.empty();
      }
      return m;
    }
    Optional<Mapping> byName = ref.mappingFor(file.getFileName().toString()).filter(m -> m.country().equals(country));
    if (byName.isPresent()) {
      return byName;
    }
    List<Mapping> ofCountry = ref.mappingsOf(country);
    if (ofCountry.size() == 1) {
      return Optional.of(ofCountry.get(0));
    }
    err.println("thbstat validate: cannot tell which mapping reads " + file.getFileName() + "; choose one with --mapping: "
        + String.join(", ", ofCountry.stream().map(Mapping::id).toList()));
    return Optional.empty();
  }
}
