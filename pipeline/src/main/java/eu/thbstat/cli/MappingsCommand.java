package eu.thbstat.cli;

import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.MappingSampleCheck;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataException;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat mappings}: work on the mapping files of mappings/. */
@Command(
    name = "mappings",
    mixinStandardHelpOptions = true,
    description = "Checks the mapping files of mappings/.",
    subcommands = {MappingsCommand.Check.class})
final class MappingsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code thbstat mappings check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every mapping of mappings/ against schemas/mapping.schema.json and the code lists, and",
        "for keys given twice (a national code claimed by two rules, also when they differ only in",
        "case or spaces); with --sample, that every column the mapping names is in the sample file.",
        "Each problem names file, line and field. Exit code 0: no problem; 1: problems; 2: could not run."
      })
  static final class Check implements Callable<Integer> {
    @Option(names = "--sample", description = "A sample file of a source: the columns its mapping names must be in it.")
    Path sample;

    @Option(names = {"-m", "--mapping"}, description = "Id of the mapping that reads the sample (default: chosen by the sample's file name).")
    String mappingId;

    @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
    Path home;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path thbstatHome = Home.resolve(home);
      if (!Files.isDirectory(thbstatHome.resolve("mappings"))) {
        err.println("thbstat mappings check: " + thbstatHome + " has no mappings/ folder; is it a thbstat home?");
        return Thbstat.CANNOT_RUN;
      }
      if (sample != null && !Files.isRegularFile(sample)) {
        err.println("thbstat mappings check: the sample " + sample + " is not a file");
        return Thbstat.CANNOT_RUN;
      }
      List<String> problems = new ArrayList<>(ReferenceDataLoader.checkMappings(thbstatHome));
      int mappings;
      try (var files = Files.list(thbstatHome.resolve("mappings"))) {
        mappings = (int) files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).count();
      }
      if (sample != null) {
        if (!problems.isEmpty()) {
          problems.add("the sample " + sample.getFileName() + " is not checked until the reference data loads");
        } else {
          ReferenceData ref;
          try {
            ref = ReferenceDataLoader.load(thbstatHome);
          } catch (ReferenceDataException e) {
            err.println("thbstat mappings check: " + e.getMessage());
            return Thbstat.CANNOT_RUN;
          }
          Optional<Mapping> m = mappingId != null
              ? ref.mappings().stream().filter(x -> x.id().equals(mappingId)).findFirst()
              : ref.mappingFor(sample.getFileName().toString());
          if (m.isEmpty()) {
            err.println("thbstat mappings check: " + (mappingId != null ? "no mapping has id " + mappingId
                : "no mapping's files patterns match " + sample.getFileName() + "; name the mapping with --mapping"));
            return Thbstat.CANNOT_RUN;
          }
          problems.addAll(MappingSampleCheck.check(thbstatHome, m.get(), sample));
          out.println("sample " + sample.getFileName() + " read with mapping " + m.get().id());
        }
      }
      for (String p : problems) {
        out.println("ERROR   " + p);
      }
      out.printf("%d mapping file(s) checked: %d problem(s)%n", mappings, problems.size());
      out.flush();
      return problems.isEmpty() ? Thbstat.OK : Thbstat.DATA_ERRORS;
    }
  }
}
