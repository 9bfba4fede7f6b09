package eu.thbstat.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mappings of case-level records, and the checks of mapping files' text, each problem at its file and line. */
class MicrodataMappingTest {

  /** A home with the repository's schemas/ and seeds/ and the given mappings. */
  static Path home(Path dir, String... nameAndText) throws IOException {
    for (String folder : List.of("schemas", "seeds")) {
      Path from = TestData.home().resolve(folder);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path to = dir.resolve(folder).resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else if (!Files.exists(to)) {
            Files.copy(f, to);
          }
        }
      }
    }
    Files.createDirectories(dir.resolve("mappings"));
    for (int i = 0; i < nameAndText.length; i += 2) {
      Files.writeString(dir.resolve("mappings").resolve(nameAndText[i]), nameAndText[i + 1]);
    }
    return dir;
  }

  static final String CASES = """
      id: XX-cases
      country: LU
      files: ["cases*.ndjson"]
      format: microdata
      layout: cases
      constants: {leg_stat: PER_VICT, unit: NR}
      dimensions:
        victim_status:
          column: status
          codes: {identified: IDENT, presumed: PRESUMED}
        sex:
          column: sex
          codes: {f: F, m: M, "": UNK}
      microdata:
        reference_date: {field: registered}
        age: {birth_date: born, bands: [B14]}
        citizenship: {field: citizenship, codes: {UK: GB}}
        forms:
          field: forms
          codes: {sexual: SEX, labour: LAB}
      """;

  private static List<String> problems(Path dir, String mapping) throws IOException {
    return ReferenceDataLoader.checkMappings(home(dir, "XX-cases.yaml", mapping));
  }

  @Test
  void aWellFormedMappingOfCaseRecordsLoads(@TempDir Path dir) throws IOException {
    assertThat(problems(dir, CASES), empty());
    ReferenceData ref = ReferenceDataLoader.load(dir);
    Mapping m = ref.mapping("XX-cases");
    assertThat(m.isMicrodata(), is(true));
    assertThat(m.microdata().records(), is("auto"));
    assertThat(m.microdata().referenceDate().format(), is("yyyy-MM-dd"));
    assertThat(m.microdata().citizenship().codes().get("uk"), is("GB"));
    assertThat(m.microdata().citizenship().unknown(), is(List.of("")));
  }

  @Test
  void theRepositoryMappingsOfCaseRecordsLoad() {
    assertThat(TestData.ref().mapping("EU-htcds-cases-synthetic").microdata().forms().codes().get("ForcedBegging"), is("BEG"));
    assertThat(TestData.ref().mapping("PT-otsh-cases-synthetic").microdata().referenceDate().format(), is("dd/MM/yyyy"));
  }

  @Test
  void everyMistakeIsNamedWithFileLineAndField(@TempDir Path dir) throws IOException {
    String bad = CASES
        .replace("bands: [B14]", "bands: [B99]")
        .replace("{UK: GB}", "{UK: UK}")
        .replace("labour: LAB", "labour: TOTAL")
        .replace("{field: registered}", "{field: registered, format: yyyy-dd}")
        .replace("presumed: PRESUMED", "presumed: _Z");
    List<String> p = problems(dir, bad);
    assertThat(p, hasItem("mappings/XX-cases.yaml:16: /microdata/age/bands/0: B99 is not a breakdown of the age code list (B14, B21, B15, B10Y, B12, B30)"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:17: /microdata/citizenship/codes/UK: \"UK\" is not an ISO 3166-1 alpha-2 code of seeds/iso3166.csv"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:20: /microdata/forms/codes/labour: a form of exploitation is a code below TOTAL, not TOTAL itself"));
    assertThat(p, hasItem(containsString("mappings/XX-cases.yaml:15: /microdata/reference_date/format: \"yyyy-dd\" is not a date pattern")));
    assertThat(p, hasItem(containsString("mappings/XX-cases.yaml:10: /dimensions/victim_status/codes/presumed: a victim is identified or presumed")));
  }

  @Test
  void formatAndLayoutGoTogetherAndCountsNeedNoValueColumn(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, CASES.replace("layout: cases", "layout: long").replace("unit: NR", "unit: P_MHAB"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:5: /layout: format microdata goes with layout cases, and layout cases with format microdata"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:6: /constants: case-level records are counted: give unit as the constant NR"));
  }

  @Test
  void onlyCodedFieldsGoUnderDimensions(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, CASES.replace("microdata:\n  reference_date: {field: registered}\n",
        "  time: {column: year}\nmicrodata:\n  reference_date: {field: registered}\n"));
    assertThat(p, hasItem(containsString("/dimensions/time: in a mapping of case-level records, fields give only geo, leg_stat, sex, victim_status")));
    assertThat(p, hasItem(containsString("/microdata/reference_date: dimension time is already given by /dimensions/time")));
  }

  @Test
  void aMappingForSeveralCountriesTakesGeoFromAField(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, CASES.replace("country: LU", "country: EU27_2020"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:2: /country: EU27_2020 is an aggregate: a mapping for several countries takes geo from a column (dimensions: geo)"));
    assertThat(problems(dir, CASES.replace("country: LU", "country: EU27_2020").replace("dimensions:\n", "dimensions:\n  geo: {column: country}\n")), empty());
  }

  @Test
  void twoRulesForTheSameNationalCodeAreNamed(@TempDir Path dir) throws IOException {
    // "F" and " f" are the same national code to thbstat (trimmed, case-insensitive): one rule would be lost
    List<String> p = problems(dir, CASES.replace("codes: {f: F, m: M, \"\": UNK}", "codes: {f: F, m: M, \" F\": M, \"\": UNK}"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:13: /dimensions/sex/codes/ F: the national code \" F\" is the same as \"f\" (line 13) "
        + "once trimmed and compared ignoring case, as thbstat matches codes; two rules claim it, keep one"));
  }

  @Test
  void aKeyGivenTwiceIsNamed(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, CASES.replace("  sex:\n    column: sex\n",
        "  sex:\n    column: gender\n  sex:\n    column: sex\n"));
    assertThat(p, hasItem("mappings/XX-cases.yaml:13: /dimensions/sex: the key \"sex\" is given twice (first at line 11); "
        + "a YAML loader keeps only the last, so the first is silently lost"));
  }
}
