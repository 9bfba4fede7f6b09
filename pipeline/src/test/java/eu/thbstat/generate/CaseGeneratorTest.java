package eu.thbstat.generate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Severity;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's records, read back through mappings/EU-htcds-cases-synthetic.yaml: the cube
 * counts exactly the persons generated, in every format; the files are byte-identical for a seed.
 */
class CaseGeneratorTest {
  private static final String[] LEGAL = {"PER_VICT", "PER_SUSP", "PER_PRSC", "PER_CNV"};

  @TempDir static Path out;
  private static CaseGenerator.Result generated;
  /** The NDJSON files harmonised (read, checked per country, rates). */
  private static Release release;
  /** Each format's files read (the cells counted, before the country checks). */
  private static Map<String, List<FileResult>> byFormat = new HashMap<>();

  @BeforeAll
  static void generateAndRead() throws IOException {
    CaseGenerator generator = new CaseGenerator(TestData.ref());
    generated = generator.generate(new CaseGenerator.Options(6000, 42, 2019, 2021, EnumSet.allOf(CaseGenerator.Format.class),
        generator.memberStates()), out);
    SubmissionProcessor processor = new SubmissionProcessor(TestData.ref());
    List<LocalHarmoniser.Input> inputs = new ArrayList<>();
    for (CaseGenerator.Format f : CaseGenerator.Format.values()) {
      List<FileResult> results = new ArrayList<>();
      try (Stream<Path> files = Files.list(out.resolve(f.extension))) {
        for (Path file : files.sorted().toList()) {
          results.add(processor.process(file.getFileName().toString(), Files.readAllBytes(file)));
          if (f == CaseGenerator.Format.NDJSON) {
            inputs.add(new LocalHarmoniser.Input(file.getFileName().toString(), Files.readAllBytes(file), null));
          }
        }
      }
      byFormat.put(f.extension, results);
    }
    release = new LocalHarmoniser(TestData.ref()).harmonise(inputs);
  }

  private static double total(Release r, String geo, int year, String leg) {
    String vs = leg.equals("PER_VICT") ? "TOTAL" : "_Z";
    return TestData.value(r.observations(), TestData.key(geo, Integer.toString(year), leg, vs, "T", "TOTAL", "TOTAL", "TOTAL", "NR"));
  }

  @Test
  void theCubesTotalsAreTheGeneratedPersonsOfEveryCountryAndYear() {
    Release r = release;
    int checked = 0;
    for (String geo : generated.tallies().keySet()) {
      for (int year = 2019; year <= 2021; year++) {
        for (int legal = 0; legal < 4; legal++) {
          long persons = generated.persons(geo, year, legal);
          if (persons > 0) {
            assertThat(geo + " " + year + " " + LEGAL[legal], total(r, geo, year, LEGAL[legal]), is((double) persons));
            checked++;
          }
        }
      }
    }
    assertThat(generated.tallies().size(), is(27));
    assertThat(checked, greaterThan(27 * 3 * 3));
  }

  @Test
  void everyRecordIsCountedOrExcludedAndNoneIsRejected() {
    long records = 0;
    long notVictims = 0;
    for (Map<Integer, CaseGenerator.Tally> years : generated.tallies().values()) {
      for (CaseGenerator.Tally t : years.values()) {
        records += t.records;
        notVictims += t.notVictims;
      }
    }
    assertThat(records, is(6000L));
    // no error anywhere, also none of the country checks (totals and breakdowns agree by construction)
    assertThat(release.quarantine(), empty());
    assertThat(release.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), empty());
    for (List<FileResult> results : byFormat.values()) {
      List<FileReport> files = results.stream().map(FileResult::report).toList();
      assertThat(results.stream().mapToLong(r -> r.quarantine().size()).sum(), is(0L));
      assertThat(files.stream().mapToLong(FileReport::recordsRead).sum(), is(6000L));
      assertThat(files.stream().mapToLong(FileReport::recordsExcluded).sum(), is(notVictims));
      assertThat(files.stream().mapToLong(FileReport::recordsCounted).sum(), is(6000L - notVictims));
    }
  }

  @Test
  void multiFormVictimsAreReportedAsGenerated() {
    Map<String, Long> reported = new HashMap<>();
    for (Finding f : release.findings()) {
      if (f.ruleId().equals("CASE_MULTI_FORM")) {
        reported.put(f.country() + ":" + f.key().split("\\.")[1], Long.parseLong(f.value()));
      }
    }
    long total = 0;
    for (Map.Entry<String, Map<Integer, CaseGenerator.Tally>> geo : generated.tallies().entrySet()) {
      for (Map.Entry<Integer, CaseGenerator.Tally> y : geo.getValue().entrySet()) {
        long expected = y.getValue().multiForm;
        assertThat(geo.getKey() + " " + y.getKey(), reported.getOrDefault(geo.getKey() + ":" + y.getKey(), 0L), is(expected));
        total += expected;
      }
    }
    assertThat(total, greaterThan(0L));
  }

  @Test
  void theThreeFormatsGiveTheSameCube() {
    List<String> ndjson = cells(byFormat.get("ndjson"));
    assertThat(cells(byFormat.get("csv")), equalTo(ndjson));
    assertThat(cells(byFormat.get("json")), equalTo(ndjson));
  }

  private static List<String> cells(List<FileResult> results) {
    return results.stream().flatMap(r -> r.observations().stream()).map(o -> o.key() + "=" + o.value()).sorted().toList();
  }

  @Test
  void sharesAreShapedLikeThePublishedEuFigures() {
    List<Observation> c = release.observations();
    double victims = 0;
    double female = 0;
    double children = 0;
    double knownAge = 0;
    double eu = 0;
    double knownCitizenship = 0;
    double[] forms = new double[3];
    String[] groups = {"SEX", "LAB_SERV", "ORG_OTH"};
    for (Observation o : c) {
      List<String> k = o.key().codes();
      if (!k.get(2).equals("PER_VICT") || !k.get(3).equals("TOTAL") || !k.get(8).equals("NR")) {
        continue;
      }
      boolean sexTotal = k.get(4).equals("T");
      boolean ageTotal = k.get(5).equals("TOTAL");
      boolean citTotal = k.get(6).equals("TOTAL");
      boolean formTotal = k.get(7).equals("TOTAL");
      if (ageTotal && citTotal && formTotal) {
        victims += sexTotal ? o.value() : 0;
        female += k.get(4).equals("F") ? o.value() : 0;
      }
      if (sexTotal && citTotal && formTotal) {
        children += k.get(5).equals("Y_LT18") ? o.value() : 0;
        knownAge += k.get(5).equals("Y_LT18") || k.get(5).equals("Y_GE18") ? o.value() : 0;
      }
      if (sexTotal && ageTotal && formTotal && !citTotal && !k.get(6).equals("UNK")) {
        knownCitizenship += o.value();
        eu += k.get(6).equals("NEU28_FOR") || k.get(6).equals("NEU27_2020_FOR") ? 0 : o.value();
      }
      if (sexTotal && ageTotal && citTotal) {
        for (int i = 0; i < 3; i++) {
          forms[i] += k.get(7).equals(groups[i]) ? o.value() : 0;
        }
      }
    }
    double known = forms[0] + forms[1] + forms[2];
    assertThat("sexual", forms[0] / known, allOf(greaterThan(0.37), lessThan(0.45)));
    assertThat("labour", forms[1] / known, allOf(greaterThan(0.37), lessThan(0.45)));
    assertThat("other", forms[2] / known, allOf(greaterThan(0.15), lessThan(0.21)));
    assertThat("female", female / victims, allOf(greaterThan(0.59), lessThan(0.67)));
    assertThat("children", children / knownAge, allOf(greaterThan(0.18), lessThan(0.24)));
    assertThat("EU citizens", eu / knownCitizenship, allOf(greaterThan(0.35), lessThan(0.47)));
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers(@TempDir Path again, @TempDir Path other) throws IOException {
    CaseGenerator generator = new CaseGenerator(TestData.ref());
    CaseGenerator.Options options = new CaseGenerator.Options(6000, 42, 2019, 2021, EnumSet.allOf(CaseGenerator.Format.class), generator.memberStates());
    generator.generate(options, again);
    generator.generate(new CaseGenerator.Options(6000, 43, 2019, 2021, EnumSet.allOf(CaseGenerator.Format.class), generator.memberStates()), other);
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files.size(), is(27 * 3 + 1));
    for (Path f : files) {
      Path rel = out.relativize(f);
      assertThat(rel.toString(), Files.mismatch(f, again.resolve(rel)), is(-1L));
    }
    Path de = out.resolve("ndjson/THB_cases_DE_2019-2021.ndjson");
    assertThat(Files.mismatch(de, other.resolve("ndjson/THB_cases_DE_2019-2021.ndjson")), not(is(-1L)));
  }

  @Test
  void recordsAreSpreadByPopulation() {
    // Germany (83 million) has about 19 % of the EU27 population, Malta (0.5 million) about 0.1 %
    long de = 0;
    long mt = 0;
    for (CaseGenerator.Tally t : generated.tallies().get("DE").values()) {
      de += t.records;
    }
    for (CaseGenerator.Tally t : generated.tallies().get("MT").values()) {
      mt += t.records;
    }
    assertThat((double) de / 6000, allOf(greaterThan(0.18), lessThan(0.195)));
    assertThat(mt, allOf(greaterThan(3L), lessThan(12L)));
  }

  static CellKey key(String... codes) {
    return TestData.key(codes);
  }
}
