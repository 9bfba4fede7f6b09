package eu.thbstat.cli;

import eu.thbstat.generate.CaseGenerator;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat generate}: synthetic case-level records for tests, demos and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes SYNTHETIC case-level records (not official statistics) of victims and of suspected,",
      "prosecuted and convicted persons for the 27 Member States, with fields after the IOM Human",
      "Trafficking Case Data Standard v2, spread by population and shaped like the published EU",
      "figures; one file per country and format, read by mappings/EU-htcds-cases-synthetic.yaml.",
      "The same options give byte-identical files. See docs/generate.md."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(names = {"-n", "--records"}, required = true, description = "Number of records in all (over all countries and years).")
  long records;

  @Option(names = {"-s", "--seed"}, defaultValue = "1", description = "Seed of the random numbers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-o", "--out"}, required = true, description = "Folder to write to (created if needed).")
  Path out;

  @Option(names = {"-f", "--format"}, defaultValue = "all",
      description = "ndjson, json, csv or all (default: ${DEFAULT-VALUE}; with all, one folder per format).")
  String format;

  @Option(names = "--years", defaultValue = "2019-2023", description = "Reference years, FROM-TO (default: ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--countries", split = ",", description = "Eurostat codes of the countries (default: the 27 Member States).")
  List<String> countries;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<CaseGenerator.Format> formats;
    if (format.equalsIgnoreCase("all")) {
      formats = EnumSet.allOf(CaseGenerator.Format.class);
    } else {
      try {
        formats = EnumSet.of(CaseGenerator.Format.valueOf(format.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        err.println("thbstat generate: --format is ndjson, json, csv or all, not \"" + format + "\"");
        return Thbstat.CANNOT_RUN;
      }
    }
    if (records < 0) {
      err.println("thbstat generate: --records cannot be negative");
      return Thbstat.CANNOT_RUN;
    }
    ReferenceData ref = ReferenceDataLoader.load(Home.resolve(home));
    String[] span = years.split("-");
    int from;
    int to;
    try {
      from = Integer.parseInt(span[0].trim());
      to = span.length == 1 ? from : Integer.parseInt(span[1].trim());
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      err.println("thbstat generate: --years is FROM-TO, e.g. 2019-2023, not \"" + years + "\"");
      return Thbstat.CANNOT_RUN;
    }
    if (span.length > 2 || from > to || from < ref.model().firstYear() || to > ref.model().lastYear()) {
      err.println("thbstat generate: --years must be FROM-TO within " + ref.model().firstYear() + "-" + ref.model().lastYear() + ", not \"" + years + "\"");
      return Thbstat.CANNOT_RUN;
    }
    CaseGenerator generator = new CaseGenerator(ref);
    List<String> chosen = countries == null ? generator.memberStates() : new ArrayList<>(countries);
    for (String c : chosen) {
      if (!ref.seeds().isGeo(c) || ref.seeds().members().containsKey(c)) {
        err.println("thbstat generate: " + c + " is not a country code of seeds/geo.csv");
        return Thbstat.CANNOT_RUN;
      }
    }
    CaseGenerator.Result result = generator.generate(new CaseGenerator.Options(records, seed, from, to, formats, chosen), out);
    console.printf("Wrote %d SYNTHETIC case records (%d countries, %d-%d, %s) to %s: %d files and README.md%n",
        records, chosen.size(), from, to, String.join(", ", formats.stream().map(f -> f.extension).toList()),
        out.toAbsolutePath().normalize(), result.files().size());
    console.flush();
    return Thbstat.OK;
  }
}
