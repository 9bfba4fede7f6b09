package eu.thbstat.validation;

import static eu.thbstat.testing.TestData.key;
import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import eu.thbstat.aggregate.Rates;
import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the catalogue with a failing example (the rule is found) and a passing one (it is
 * not): small inputs through the class that checks the rule, from reading a file to the checks
 * over a whole release.
 */
class RuleExamplesTest {
  private static final ReferenceData REF = TestData.ref();
  private static final String NL_HEADER = "jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering";
  private static final String NL_ROW = "2022;slachtoffer;totaal;totaal;totaal;totaal;10;";

  @TempDir static Path tmp;
  private static int line;

  /** The rules of the findings of an NL file (mapping NL-mensenhandel-synthetic) read and checked. */
  static List<String> nl(String... lines) {
    return nlBytes(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  static List<String> nlBytes(byte[] content) {
    return ids(new LocalHarmoniser(REF).harmonise(List.of(new LocalHarmoniser.Input("NL_mensenhandel_test.csv", content, null))).findings());
  }

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }

  static Observation cell(CellKey key, Double value, String flags, String... footnotes) {
    return new Observation(key, value, flags, List.of(footnotes), Origin.REPORTED, "x.csv", ++line);
  }

  static Observation cell(CellKey key, double value) {
    return cell(key, value, "");
  }

  static CellKey rate(String geo, int year) {
    return key(geo, Integer.toString(year), "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", "P_MHAB");
  }

  /** A home with the repository's schemas/ and seeds/ and one mapping whose sex column has no code list. */
  static ReferenceData rawSexHome() {
    try {
      Path home = tmp.resolve("home");
      if (!Files.exists(home)) {
        for (String folder : List.of("schemas", "seeds")) {
          Path from = TestData.home().resolve(folder);
          try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
              Path to = home.resolve(folder).resolve(from.relativize(f).toString());
              if (Files.isDirectory(f)) {
                Files.createDirectories(to);
              } else {
                Files.copy(f, to);
              }
            }
          }
        }
        Files.createDirectories(home.resolve("mappings"));
        Files.writeString(home.resolve("mappings/XX-raw.yaml"), """
            id: XX-raw
            country: DE
            files: ["raw*.csv"]
            format: csv
            layout: long
            constants: {leg_stat: PER_VICT, victim_status: TOTAL, age: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
            dimensions:
              time: {column: year}
              sex: {column: sex}
            value: {column: n}
            """);
      }
      return ReferenceDataLoader.load(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> raw(String content) {
    ReferenceData ref = rawSexHome();
    return ids(new SubmissionProcessor(ref).process("raw.csv", content.getBytes(StandardCharsets.UTF_8)).findings());
  }

  static List<String> hierarchies(Observation... cells) {
    Hierarchies h = new Hierarchies(REF);
    List<Observation> all = new ArrayList<>(List.of(cells));
    all.addAll(h.derive(all));
    return ids(h.check("XX", all));
  }

  static List<String> engine(Observation... cells) {
    RuleEngine e = new RuleEngine(REF);
    List<String> out = new ArrayList<>(e.datapoint("XX", List.of(cells)).stream().map(f -> f.finding().ruleId()).toList());
    out.addAll(ids(e.hierarchical("XX", List.of(cells))));
    return out;
  }

  static List<String> series(List<Observation> cells, List<Observation> previous) {
    return ids(new SeriesChecks(REF).check("DE", cells, previous));
  }

  static List<String> series(Observation... cells) {
    return series(List.of(cells), List.of());
  }

  /** Seven EU countries' rates per million in 2022, the last one {@code last}. */
  static List<String> rates(double last) {
    List<Observation> cells = new ArrayList<>();
    String[] geos = {"DE", "NL", "EL", "PL", "FR", "IT", "AT"};
    double[] values = {10, 12, 11, 9, 10.5, 11, last};
    for (int i = 0; i < geos.length; i++) {
      cells.add(cell(rate(geos[i], 2022), values[i]));
    }
    return ids(new CrossCountryChecks(REF).check(cells));
  }

  /** Victims by {@code dimension} of six EU countries alike and of AT given. */
  static List<String> distribution(String dimension, long[] others, long[] at) {
    List<String> codes = dimension.equals("sex") ? List.of("F", "M") : List.of("SEX", "LAB_SERV", "ORG_OTH");
    List<Observation> cells = new ArrayList<>();
    String[] geos = {"DE", "NL", "EL", "PL", "FR", "IT", "AT"};
    for (String g : geos) {
      long[] counts = g.equals("AT") ? at : others;
      for (int i = 0; i < codes.size(); i++) {
        String sex = dimension.equals("sex") ? codes.get(i) : "T";
        String form = dimension.equals("sex") ? "TOTAL" : codes.get(i);
        cells.add(cell(victims(g, 2022, sex, "TOTAL", "TOTAL", form), counts[i]));
      }
    }
    return ids(new CrossCountryChecks(REF).check(cells));
  }

  record Example(Supplier<List<String>> failing, Supplier<List<String>> passing) {}

  static Map<String, Example> examples() {
    Map<String, Example> x = new LinkedHashMap<>();
    // level 0: file structure
    x.put("FILE_UNREADABLE", new Example(
        () -> nlBytes((NL_HEADER + "\n2022;slachtoffer;totaal;totaal;totaal;totaal;10;\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)),
        () -> nl(NL_HEADER, NL_ROW)));
    x.put("FILE_NO_MAPPING", new Example(
        () -> ids(new SubmissionProcessor(REF).process("unknown.csv", NL_HEADER.getBytes(StandardCharsets.UTF_8)).findings()),
        () -> ids(new SubmissionProcessor(REF).process("NL_mensenhandel_x.csv", (NL_HEADER + "\n" + NL_ROW).getBytes(StandardCharsets.UTF_8)).findings())));
    x.put("FILE_MISSING_COLUMN", new Example(
        () -> nl(NL_HEADER.replace(";aantal", ";getal"), NL_ROW),
        () -> nl(NL_HEADER, NL_ROW)));
    x.put("FILE_EMPTY", new Example(() -> nl(NL_HEADER), () -> nl(NL_HEADER, NL_ROW)));
    x.put("RECORD_RAGGED", new Example(() -> nl(NL_HEADER, "2022;slachtoffer;totaal;10"), () -> nl(NL_HEADER, NL_ROW)));
    // level 1: one record
    x.put("CODE_UNMAPPED", new Example(() -> nl(NL_HEADER, NL_ROW.replace(";totaal;totaal;totaal;totaal", ";anders;totaal;totaal;totaal")),
        () -> nl(NL_HEADER, NL_ROW.replace(";totaal;totaal;totaal;totaal", ";vrouw;totaal;totaal;totaal"))));
    x.put("CODE_NOT_IN_LIST", new Example(() -> raw("year,sex,n\n2022,W,5\n"), () -> raw("year,sex,n\n2022,F,5\n")));
    x.put("TIME_INVALID", new Example(() -> nl(NL_HEADER, NL_ROW.replace("2022;", "20x2;")), () -> nl(NL_HEADER, NL_ROW)));
    x.put("VALUE_NOT_NUMERIC", new Example(() -> nl(NL_HEADER, NL_ROW.replace(";10;", ";veel;")), () -> nl(NL_HEADER, NL_ROW.replace(";10;", ";x;"))));
    x.put("VALUE_NEGATIVE", new Example(() -> nl(NL_HEADER, NL_ROW.replace(";10;", ";-3;")), () -> nl(NL_HEADER, NL_ROW.replace(";10;", ";0;"))));
    x.put("VALUE_NOT_INTEGER", new Example(() -> nl(NL_HEADER, NL_ROW.replace(";10;", ";1,5;")), () -> nl(NL_HEADER, NL_ROW.replace(";10;", ";15;"))));
    x.put("FLAG_UNKNOWN", new Example(() -> nl(NL_HEADER, NL_ROW + "q"), () -> nl(NL_HEADER, NL_ROW + "v")));
    x.put("KEY_DUPLICATE", new Example(() -> nl(NL_HEADER, NL_ROW, NL_ROW), () -> nl(NL_HEADER, NL_ROW, NL_ROW.replace("2022;", "2021;"))));
    x.put("STATUS_NOT_APPLICABLE", new Example(
        () -> engine(cell(key("NL", "2022", "PER_SUSP", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", "NR"), 5)),
        () -> engine(cell(key("NL", "2022", "PER_SUSP", "_Z", "T", "TOTAL", "TOTAL", "TOTAL", "NR"), 5))));
    x.put("STATUS_MISSING", new Example(
        () -> engine(cell(key("NL", "2022", "PER_VICT", "_Z", "T", "TOTAL", "TOTAL", "TOTAL", "NR"), 5)),
        () -> engine(cell(key("NL", "2022", "PER_VICT", "IDENT", "T", "TOTAL", "TOTAL", "TOTAL", "NR"), 5))));
    // level 2: consistency
    x.put("HIERARCHY_SUM", new Example(
        () -> hierarchies(cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 100), cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60),
            cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30), cell(victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5)),
        () -> hierarchies(cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 95), cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60),
            cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30), cell(victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5))));
    x.put("HIERARCHY_EXCEEDS", new Example(
        () -> hierarchies(cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 80), cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60),
            cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30)),
        () -> hierarchies(cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 95), cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60),
            cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30))));
    x.put("MULTI_FORM", new Example(
        () -> hierarchies(cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 12), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 7),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 6)),
        () -> hierarchies(cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 13), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 7),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 6))));
    x.put("HIERARCHY_SHORT", new Example(
        () -> hierarchies(cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 12), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 5),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 4), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "ORG_OTH"), 1),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "UNK"), 1)),
        () -> hierarchies(cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 11), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 5),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 4), cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "ORG_OTH"), 1),
            cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "UNK"), 1))));
    x.put("TOTALS_DIFFER", new Example(
        () -> hierarchies(cell(victims("EL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60), cell(victims("EL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 35),
            cell(victims("EL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5), cell(victims("EL", 2022, "T", "Y_LT18", "TOTAL", "TOTAL"), 20),
            cell(victims("EL", 2022, "T", "Y_GE18", "TOTAL", "TOTAL"), 75), cell(victims("EL", 2022, "T", "UNK", "TOTAL", "TOTAL"), 3)),
        () -> hierarchies(cell(victims("EL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60), cell(victims("EL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 35),
            cell(victims("EL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5), cell(victims("EL", 2022, "T", "Y_LT18", "TOTAL", "TOTAL"), 20),
            cell(victims("EL", 2022, "T", "Y_GE18", "TOTAL", "TOTAL"), 75), cell(victims("EL", 2022, "T", "UNK", "TOTAL", "TOTAL"), 5))));
    x.put("FORM_EXCEEDS_TOTAL", new Example(
        () -> engine(cell(victims("MT", 2020, "F", "TOTAL", "TOTAL", "TOTAL"), 4), cell(victims("MT", 2020, "F", "TOTAL", "TOTAL", "SEX"), 6)),
        () -> engine(cell(victims("MT", 2020, "F", "TOTAL", "TOTAL", "TOTAL"), 6), cell(victims("MT", 2020, "F", "TOTAL", "TOTAL", "SEX"), 6))));
    x.put("POPULATION_MISSING", new Example(
        () -> ids(new Rates(REF).compute(List.of(cell(victims("UK", 2021, "T", "TOTAL", "TOTAL", "TOTAL"), 11387))).findings()),
        () -> ids(new Rates(REF).compute(List.of(cell(victims("UK", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 9720))).findings())));
    // level 3: over time
    x.put("YOY_CHANGE", new Example(
        () -> series(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147), cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019)),
        () -> series(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147), cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 250))));
    x.put("YOY_CHANGE_EXPLAINED", new Example(
        () -> series(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147),
            cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019.0, "", "DE-destatis-sdg#2")),
        () -> series(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147),
            cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019.0, "", "DE-destatis-sdg#1"))));
    x.put("VALUE_REVISED", new Example(
        () -> series(List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "TOTAL"), 570)), List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "TOTAL"), 564))),
        () -> series(List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "TOTAL"), 564)), List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "TOTAL"), 564)))));
    // level 4: across countries
    x.put("RATE_OUTLIER_EU", new Example(() -> rates(300), () -> rates(12)));
    x.put("FORM_DISTRIBUTION_DIFFERS", new Example(
        () -> distribution("exploitation", new long[] {500, 300, 100}, new long[] {50, 800, 50}),
        () -> distribution("exploitation", new long[] {500, 300, 100}, new long[] {480, 310, 95})));
    x.put("SEX_DISTRIBUTION_DIFFERS", new Example(
        () -> distribution("sex", new long[] {700, 300}, new long[] {200, 800}),
        () -> distribution("sex", new long[] {700, 300}, new long[] {690, 310})));
    return x;
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFailsOnItsFailingExampleAndNotOnItsPassingOne() {
    return examples().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      assertThat("failing example of " + e.getKey(), e.getValue().failing().get(), hasItem(e.getKey()));
      assertThat("passing example of " + e.getKey(), e.getValue().passing().get(), not(hasItem(e.getKey())));
    }));
  }

  @Test
  void everyRuleOfTheCatalogueHasItsExamples() {
    // the rules of schemas/rules.yaml and schemas/rules/*.yaml when this test was written; a rule
    // added since must get its examples here
    List<String> written = List.of("FILE_UNREADABLE", "FILE_NO_MAPPING", "FILE_MISSING_COLUMN", "FILE_EMPTY", "RECORD_RAGGED",
        "CODE_UNMAPPED", "CODE_NOT_IN_LIST", "TIME_INVALID", "VALUE_NOT_NUMERIC", "VALUE_NEGATIVE", "VALUE_NOT_INTEGER",
        "FLAG_UNKNOWN", "KEY_DUPLICATE", "HIERARCHY_SUM", "HIERARCHY_EXCEEDS", "MULTI_FORM", "HIERARCHY_SHORT",
        "POPULATION_MISSING", "STATUS_NOT_APPLICABLE", "STATUS_MISSING", "TOTALS_DIFFER", "FORM_EXCEEDS_TOTAL",
        "YOY_CHANGE", "YOY_CHANGE_EXPLAINED", "VALUE_REVISED", "RATE_OUTLIER_EU", "FORM_DISTRIBUTION_DIFFERS",
        "SEX_DISTRIBUTION_DIFFERS");
    for (String id : written) {
      assertThat(REF.rules().rules().keySet(), hasItem(id));
      assertThat(examples().keySet(), hasItem(id));
    }
  }
}
