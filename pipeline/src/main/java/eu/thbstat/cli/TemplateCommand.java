package eu.thbstat.cli;

import eu.thbstat.questionnaire.QuestionnaireLayout;
import eu.thbstat.questionnaire.QuestionnaireWriter;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat template}: the empty questionnaire workbook a national office fills in. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the empty questionnaire workbook (XLSX) of the EU data collection on trafficking in",
      "human beings: one sheet per table of schemas/tables.yaml, a sheet of national definitions and",
      "footnotes, and instructions (blank: not available, 0: none). Read back by a mapping of format xlsx."
    })
final class TemplateCommand implements Callable<Integer> {
  private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
  private static final int MAX_YEARS = 30;

  @Option(names = {"-c", "--country"}, description = "Eurostat code of the country the workbook is for (default: left to fill in).")
  String country;

  @Option(names = {"-y", "--years"}, description = "Reference years, FIRST-LAST or one year (default: the last complete calendar year).")
  String years;

  @Option(names = {"-o", "--out"}, required = true, description = "The workbook to write (.xlsx).")
  Path file;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReferenceData ref = ReferenceDataLoader.load(Home.resolve(home));
    if (country != null && !ref.seeds().isGeo(country)) {
      err.println("thbstat template: " + country + " is not a geo code of seeds/geo.csv (Eurostat codes: EL for Greece, UK for the United Kingdom)");
      return Thbstat.CANNOT_RUN;
    }
    String range = years == null ? Integer.toString(Year.now().getValue() - 1) : years.trim();
    Matcher m = YEARS.matcher(range);
    if (!m.matches()) {
      err.println("thbstat template: --years \"" + range + "\" is not a year or a range FIRST-LAST such as 2021-2022");
      return Thbstat.CANNOT_RUN;
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    if (first > last || first < ref.model().firstYear() || last > ref.model().lastYear() || last - first >= MAX_YEARS) {
      err.println("thbstat template: --years must run forwards within " + ref.model().firstYear() + "-" + ref.model().lastYear()
          + ", at most " + MAX_YEARS + " years");
      return Thbstat.CANNOT_RUN;
    }
    List<Integer> list = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      list.add(y);
    }
    byte[] workbook = QuestionnaireWriter.write(ref, country, list, QuestionnaireWriter.Contents.empty());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, workbook);
    out.printf("Questionnaire for %s, %s, written to %s: sheets %s%n", country == null ? "a country to fill in" : country,
        first == last ? Integer.toString(first) : first + "-" + last, file.toAbsolutePath().normalize(),
        String.join(", ", QuestionnaireLayout.sheetNames(ref)));
    out.flush();
    return Thbstat.OK;
  }
}
