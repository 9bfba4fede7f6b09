package eu.thbstat.cli;

import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.report.Period;
import eu.thbstat.report.ReleaseData;
import eu.thbstat.report.ReleaseReader;
import eu.thbstat.report.ReportContext;
import eu.thbstat.report.ReportDefinitionLoader;
import eu.thbstat.report.ReportDefinitions;
import eu.thbstat.report.ReportException;
import eu.thbstat.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat report}: the progress-report tables, charts and key figures from a release. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Makes the progress report from a harmonised release: report.html (self-contained: tables,",
      "charts as SVG, key-figure sentences), and tables/<id>.csv and tables/<id>.xlsx for every",
      "table of reports/tables, and key-figures.csv. The tables, charts and sentences are defined",
      "in reports/ (see reports/README.md)."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(names = {"-r", "--release"}, required = true,
      description = "Release folder (holding cube.csv), or a folder of releases with a 'latest' pointer.")
  Path release;

  @Option(names = {"-y", "--years"}, required = true,
      description = "Reference period: a range (2021-2022), a year (2022) or a list (2019,2021).")
  String years;

  @Option(names = {"-o", "--out"}, required = true, description = "Folder the report is written to (created if needed).")
  Path out;

  @Option(names = "--restricted",
      description = "Read the restricted cube (exact small counts) instead of the public one, for internal drafts.")
  boolean restricted;

  @Option(names = "--home", description = "Folder with schemas/, seeds/, mappings/ and reports/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Period period;
    try {
      period = Period.parse(years);
    } catch (IllegalArgumentException e) {
      err.println("thbstat report: --years " + e.getMessage());
      return Thbstat.CANNOT_RUN;
    }
    Path thbstatHome = Home.resolve(home);
    ReferenceData ref = ReferenceDataLoader.load(thbstatHome);
    if (period.first() < ref.model().firstYear() || period.last() > ref.model().lastYear()) {
      err.println("thbstat report: --years " + period.label() + " is outside the reference years of schemas/dimensions.yaml ("
          + ref.model().firstYear() + "-" + ref.model().lastYear() + ")");
      return Thbstat.CANNOT_RUN;
    }
    ReportDefinitions defs = ReportDefinitionLoader.load(thbstatHome, ref);
    Map<String, byte[]> files;
    ReleaseData data;
    try {
      data = new ReleaseReader(ref.model()).read(release, restricted);
      ReportContext ctx = new ReportContext(ref, defs, data, period);
      files = ReportWriter.render(ctx, thbstatHome.resolve("reports/templates"), RunInfo.thbstatVersion());
    } catch (ReportException e) {
      err.println("thbstat report: " + e.getMessage());
      return Thbstat.CANNOT_RUN;
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = out.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
    long tables = files.keySet().stream().filter(n -> n.endsWith(".csv") && n.startsWith(ReportWriter.TABLES)).count();
    stdout.printf("thbstat report: %s, %s (%s): %d tables, %d files written to %s%n",
        period.label(), data.folder(), data.cubeFile(), tables, files.size(), out.resolve(ReportWriter.HTML));
    stdout.flush();
    return Thbstat.OK;
  }
}
