package eu.thbstat.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.model.Observation;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataException;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping features real national files need: non-exact band mappings, codes and definitions
 * valid for some years (with breaks in series), rates per 100 000 converted to counts, encodings,
 * delimiters, decimal comma. Expected values are worked out by hand in the comments.
 */
class MappingFeaturesTest {
  @TempDir static Path dir;
  private static ReferenceData ref;

  /** Windows-1252, semicolons, Croatian-like labels, bands, dated codes and a dated definition. */
  private static final String BANDS = """
      id: XX-bands
      country: HR
      files: ["HR_bands*.csv"]
      format: csv
      csv: {delimiter: ";", encoding: windows-1252}
      layout: long
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, sex: T, exploitation: TOTAL, unit: NR}
      dimensions:
        time: {column: godina}
        age:
          column: dob
          codes: {ukupno: TOTAL, "0-18": "Y_LT18~", "19+": "Y_GE18~", "0-17": Y_LT18}
        citizen:
          column: državljanstvo
          codes:
            ukupno: TOTAL
            hrvatsko: NAT
            EU:
              - {code: EU28_FOR, to: 2019}
              - {code: EU27_2020_FOR, from: 2020, break: true}
            ostalo:
              - {code: NEU28_FOR, to: 2019}
              - {code: NEU27_2020_FOR, from: 2020}
      value: {column: broj}
      definitions: {counting_unit: PERSONS}
      definition_periods:
        - {concept: counting_unit, value: CASES, to: 2019}
      """;

  /** Rates per 100 000 with a decimal comma, tab-separated, as the Croatian SDG file gives them. */
  private static final String RATES = """
      id: XX-rates
      country: HR
      files: ["HR_rates*.csv"]
      format: csv
      csv: {delimiter: "\\t", decimal: ","}
      layout: long
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, age: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
      dimensions:
        time: {column: Year}
        sex: {column: Sex, codes: {"": T, men: M, women: F}}
      value: {column: Value, rate_per: 100000}
      """;

  /** ISO-8859-2 (Polish letters that Windows-1252 lacks), pipe-separated. */
  private static final String LATIN2 = """
      id: XX-latin2
      country: PL
      files: ["PL_latin2*.csv"]
      format: csv
      csv: {delimiter: "|", encoding: ISO-8859-2, decimal: ","}
      layout: long
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, age: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
      dimensions:
        time: {column: rok}
        sex: {column: płeć, codes: {ogółem: T, kobiety: F, mężczyźni: M}}
      value: {column: liczba}
      """;

  @BeforeAll
  static void load() {
    ref = ReferenceDataLoader.load(TestData.homeWith(dir, Map.of("XX-bands.yaml", BANDS, "XX-rates.yaml", RATES, "XX-latin2.yaml", LATIN2)));
  }

  private static FileResult read(String name, byte[] content) {
    return new SubmissionProcessor(ref).process(name, content);
  }

  private static String cell(Observation o) {
    return o.key().get(1) + " " + o.key().get(4) + " " + o.key().get(5) + " " + o.key().get(6) + " = "
        + (o.value() == null ? ":" : String.valueOf(o.value().longValue())) + (o.flags().isEmpty() ? "" : " " + o.flags())
        + (o.footnotes().isEmpty() ? "" : " " + o.footnotes());
  }

  private static final String BANDS_FILE = """
      godina;dob;državljanstvo;broj
      2019;ukupno;ukupno;27
      2019;0-18;ukupno;17
      2019;19+;ukupno;10
      2019;ukupno;EU;3
      2020;ukupno;ukupno;15
      2020;0-17;ukupno;5
      2020;ukupno;EU;2
      2020;ukupno;ostalo;4
      2021;ukupno;ukupno;19
      2021;ukupno;EU;1
      """;

  @Test
  void bandsDatedCodesAndDatedDefinitionsGiveFlagsAndFootnotes() {
    FileResult r = read("HR_bands_2019-2021.csv", BANDS_FILE.getBytes(Charset.forName("windows-1252")));
    assertThat(r.findings(), empty());
    assertThat(r.observations().stream().map(MappingFeaturesTest::cell).toList(), contains(
        // 2019: counted as cases (definition of 2019), flag d with the CASES footnote
        "2019 T TOTAL TOTAL = 27 d [XX-bands#counting_unit=CASES]",
        // "0-18" straddles 18: Y_LT18 with flag d and its own footnote; "19+" also non-exact
        "2019 T Y_LT18 TOTAL = 17 d [XX-bands#counting_unit=CASES, XX-bands#~age:0-18]",
        "2019 T Y_GE18 TOTAL = 10 d [XX-bands#counting_unit=CASES, XX-bands#~age:19+]",
        // "EU" is the EU28 group up to 2019 ...
        "2019 T TOTAL EU28_FOR = 3 d [XX-bands#counting_unit=CASES]",
        // ... 2020: persons again, a break in series (b), and "0-17" is exact
        "2020 T TOTAL TOTAL = 15 b [XX-bands#break:counting_unit]",
        "2020 T Y_LT18 TOTAL = 5 b [XX-bands#break:counting_unit]",
        // the EU27_2020 group from 2020, whose entry declares a break of the national classification
        "2020 T TOTAL EU27_2020_FOR = 2 b [XX-bands#break:citizen, XX-bands#break:counting_unit]",
        "2020 T TOTAL NEU27_2020_FOR = 4 b [XX-bands#break:counting_unit]",
        "2021 T TOTAL TOTAL = 19",
        "2021 T TOTAL EU27_2020_FOR = 1"));
    Map<String, ReferenceData.Footnote> notes = ref.footnotes();
    assertThat(notes.get("XX-bands#~age:0-18").text(),
        is("The national category \"0-18\" (age class) is counted as \"Less than 18 years\", which it does not match exactly."));
    assertThat(notes.get("XX-bands#counting_unit=CASES").text(), is("Cases are counted, not persons; a case may involve several persons."));
    assertThat(notes.get("XX-bands#break:counting_unit").text(),
        is("Break in series: the national definition \"What one unit of the count is\" changes in this reference year."));
  }

  @Test
  void aDatedCodeOutsideItsPeriodIsAnErrorNamingThePeriods() {
    FileResult r = read("HR_bands_x.csv", "godina;dob;državljanstvo;broj\n2021;ukupno;EU;1\n".getBytes(Charset.forName("windows-1252")));
    assertThat(r.findings(), empty());
    String noPeriod = BANDS.replace("- {code: EU27_2020_FOR, from: 2020, break: true}", "- {code: EU27_2020_FOR, from: 2020, to: 2020}");
    ReferenceData narrow = ReferenceDataLoader.load(TestData.homeWith(dir.resolve("narrow"), Map.of("XX-bands.yaml", noPeriod)));
    FileResult late = new SubmissionProcessor(narrow).process("HR_bands_x.csv", "godina;dob;državljanstvo;broj\n2021;ukupno;EU;1\n".getBytes(Charset.forName("windows-1252")));
    assertThat(late.findings().get(0).ruleId(), is("CODE_NOT_VALID_IN_YEAR"));
    assertThat(late.findings().get(0).message(), is("\"EU\" in column \"državljanstvo\" has no citizen code in mapping XX-bands for 2021"));
    assertThat(late.findings().get(0).hint(), containsString("EU28_FOR -2019, EU27_2020_FOR 2020-2020"));
    assertThat(late.quarantine().size(), is(1));
  }

  @Test
  void overlappingPeriodsAndUnknownTargetsStopTheMappingFromLoading() {
    String overlapping = BANDS.replace("- {code: NEU27_2020_FOR, from: 2020}", "- {code: NEU27_2020_FOR, from: 2019}")
        .replace("value: CASES, to: 2019}", "value: CASES, to: 2019}\n  - {concept: counting_unit, value: PERSONS_PER_RECORDING, from: 2015, to: 2016}")
        .replace("\"19+\": \"Y_GE18~\"", "\"19+\": \"Y_GE19~\"");
    ReferenceDataException e = org.junit.jupiter.api.Assertions.assertThrows(ReferenceDataException.class,
        () -> ReferenceDataLoader.load(TestData.homeWith(dir.resolve("bad"), Map.of("XX-bands.yaml", overlapping))));
    assertThat(e.getMessage(), containsString("/dimensions/citizen/codes/ostalo/1: national code \"ostalo\" is mapped twice for the years 2019-2019"));
    assertThat(e.getMessage(), containsString("/definition_periods/1: the period of counting_unit overlaps that of /definition_periods/0"));
    assertThat(e.getMessage(), containsString("/dimensions/age/codes/19+: \"Y_GE19\" is not a code of the age code list"));
  }

  @Test
  void ratesPer100000BecomeCountsRoundedHalfUpWithFlagE() {
    // Croatia, SDG 16.2.2 (domain reference 4.5(d)): 2019 total 0,67, men 0,20, women 0,47 per 100 000;
    // population on 1 January 2019: 3 968 676 (seeds/population.csv).
    // 0.67 x 39.68676 = 26.590 -> 27; 0.20 x 39.68676 = 7.937 -> 8; 0.47 x 39.68676 = 18.653 -> 19 (8 + 19 = 27)
    // 2020 (3 933 511): 0.37 -> 14.554 -> 15
    String file = "Year\tSex\tValue\n2019\t\t0,67\n2019\tmen\t0,20\n2019\twomen\t0,47\n2020\t\t0,37\n2030\t\t0,5\n";
    FileResult r = read("HR_rates_16-2-2.csv", file.getBytes(StandardCharsets.UTF_8));
    assertThat(r.observations().stream().map(MappingFeaturesTest::cell).toList(), contains(
        "2019 T TOTAL TOTAL = 27 e [XX-rates#rate]",
        "2019 M TOTAL TOTAL = 8 e [XX-rates#rate]",
        "2019 F TOTAL TOTAL = 19 e [XX-rates#rate]",
        "2020 T TOTAL TOTAL = 15 e [XX-rates#rate]"));
    // no population for 2030: the rate cannot be converted, and says why
    assertThat(r.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList(), contains("RATE_NO_POPULATION@6"));
    assertThat(r.findings().get(0).message(), containsString("no population on 1 January 2030 for HR"));
    assertThat(ref.footnotes().get("XX-rates#rate").text(), containsString("rate per 100 000 inhabitants"));
  }

  @Test
  void iso88592AndWindows1252AreReadAsDeclared() {
    String text = "rok|płeć|liczba\n2022|ogółem|348\n2022|kobiety|208\n2022|mężczyźni|132\n";
    FileResult r = read("PL_latin2.csv", text.getBytes(Charset.forName("ISO-8859-2")));
    assertThat(r.findings(), empty());
    assertThat(r.observations().stream().map(MappingFeaturesTest::cell).toList(), contains(
        "2022 T TOTAL TOTAL = 348", "2022 F TOTAL TOTAL = 208", "2022 M TOTAL TOTAL = 132"));
    // The same bytes read as UTF-8: byte 6 (r, o, k, |, p, then 0xB3 = ł in ISO-8859-2) is not UTF-8.
    String utf8Mapping = LATIN2.replace("ISO-8859-2", "UTF-8");
    ReferenceData asUtf8 = ReferenceDataLoader.load(TestData.homeWith(dir.resolve("utf8"), Map.of("XX-latin2.yaml", utf8Mapping)));
    FileResult wrong = new SubmissionProcessor(asUtf8).process("PL_latin2.csv", text.getBytes(Charset.forName("ISO-8859-2")));
    assertThat(wrong.findings().get(0).ruleId(), is("FILE_UNREADABLE"));
    assertThat(wrong.findings().get(0).line(), is(1L));
    assertThat(wrong.findings().get(0).message(), containsString("byte 6 is not valid UTF-8 text"));
  }

  @Test
  void aWrongDelimiterIsNamedAsSuch() {
    FileResult r = read("PL_latin2_commas.csv", "rok,płeć,liczba\n2022,ogółem,348\n".getBytes(Charset.forName("ISO-8859-2")));
    assertThat(r.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList(), contains("FILE_DELIMITER@1"));
    assertThat(r.findings().get(0).message(), is("The header is one single column, \"rok,płeć,liczba\": the file is not separated by \"|\" as mapping XX-latin2 says"));
    assertThat(r.findings().get(0).hint(), containsString("The header looks separated by \",\""));
    assertThat(r.report().status(), is("REJECTED"));
  }

  @Test
  void aDecimalCommaStillReadsCounts() {
    FileResult r = read("PL_latin2_dec.csv", "rok|płeć|liczba\n2022|ogółem|348,0\n2022|kobiety|20,5\n".getBytes(Charset.forName("ISO-8859-2")));
    assertThat(r.observations().get(0).value(), is(348.0));
    assertThat(r.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList(), contains("VALUE_NOT_INTEGER@3"));
  }

  @Test
  void ratesNeedTheCountUnit() {
    String bad = RATES.replace("unit: NR}", "unit: P_HTHAB}");
    ReferenceDataException e = org.junit.jupiter.api.Assertions.assertThrows(ReferenceDataException.class,
        () -> ReferenceDataLoader.load(TestData.homeWith(dir.resolve("rates"), Map.of("XX-rates.yaml", bad))));
    assertThat(e.getMessage(), containsString("/value/rate_per: rates are converted to counts"));
  }

  @Test
  void theSchemaKeepsEachFormatToItsOwnSections() {
    String xlsx = "id: XX-q\ncountry: MT\nfiles: [\"MT_*.xlsx\"]\nformat: xlsx\ndimensions: {sex: {column: sex}}\n";
    ReferenceDataException e = org.junit.jupiter.api.Assertions.assertThrows(ReferenceDataException.class,
        () -> ReferenceDataLoader.load(TestData.homeWith(dir.resolve("xlsx"), Map.of("XX-q.yaml", xlsx))));
    assertThat(e.getMessage(), containsString("mappings/XX-q.yaml:5: /dimensions:"));
    String sdmx = "id: XX-s\ncountry: AT\nfiles: [\"AT_*.csv\"]\nformat: sdmx-csv\nlayout: wide\n";
    e = org.junit.jupiter.api.Assertions.assertThrows(ReferenceDataException.class,
        () -> ReferenceDataLoader.load(TestData.homeWith(dir.resolve("sdmx"), Map.of("XX-s.yaml", sdmx))));
    assertThat(e.getMessage(), containsString("mappings/XX-s.yaml:5: /layout:"));
    String csv = "id: XX-c\ncountry: AT\nfiles: [\"AT_*.csv\"]\nformat: csv\n";
    e = org.junit.jupiter.api.Assertions.assertThrows(ReferenceDataException.class,
        () -> ReferenceDataLoader.load(TestData.homeWith(dir.resolve("csv"), Map.of("XX-c.yaml", csv))));
    assertThat(e.getMessage(), containsString("required property 'layout' not found"));
  }
}
