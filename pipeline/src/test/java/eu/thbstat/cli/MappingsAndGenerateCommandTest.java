package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thbstat mappings check} and {@code thbstat generate}: exit codes 0 / 1 / 2, problems at file, line and field. */
class MappingsAndGenerateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int thbstat(String... args) {
    return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** A home with the repository's schemas/ and seeds/ and one mapping. */
  private static Path home(Path dir, String mapping) throws IOException {
    return TestData.homeWith(dir, "XX-test.yaml", mapping);
  }

  private static final String MAPPING = """
      id: XX-test
      country: DE
      files: ["x*.csv"]
      format: csv
      layout: long
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, age: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
      dimensions:
        time: {column: year}
        sex:
          column: sex
          codes: {all: T, women: F, men: M}
      value: {column: n}
      """;

  @Test
  void theRepositoryMappingsAreClean() {
    assertThat(err.toString(), thbstat("mappings", "check", "--home", TestData.home().toString()), is(0));
    assertThat(out.toString(), containsString("9 mapping file(s) checked: 0 problem(s)"));
  }

  @Test
  void theSampleInputsHaveEveryColumnTheirMappingsName() {
    for (String sample : List.of("PT/PT_otsh_casos_2019-2020.ndjson", "NL/NL_mensenhandel_2020-2023.csv", "PL/PL_handel_ludzmi_2019-2023.csv",
        "EL/EL_thb_victims_offenders_2019-2023.csv", "DE/DE_indicator_16-2-2.csv", "UK/UK_indicator_16-2-2.csv")) {
      assertThat(sample + ": " + out, thbstat("mappings", "check", "--home", TestData.home().toString(),
          "--sample", TestData.sampleInputs().resolve(sample).toString()), is(0));
    }
  }

  @Test
  void aNationalCodeClaimedTwiceIsAnError(@TempDir Path dir) throws IOException {
    home(dir, MAPPING.replace("men: M}", "men: M, Women: F}"));
    assertThat(thbstat("mappings", "check", "--home", dir.toString()), is(1));
    assertThat(out.toString(), containsString("ERROR   mappings/XX-test.yaml:11: /dimensions/sex/codes/Women: the national code \"Women\" is the same as \"women\""));
    assertThat(out.toString(), containsString("1 mapping file(s) checked: 1 problem(s)"));
  }

  @Test
  void aKeyGivenTwiceIsAnError(@TempDir Path dir) throws IOException {
    home(dir, MAPPING + "value: {column: count}\n");
    assertThat(thbstat("mappings", "check", "--home", dir.toString()), is(1));
    assertThat(out.toString(), containsString("ERROR   mappings/XX-test.yaml:13: /value: the key \"value\" is given twice (first at line 12)"));
  }

  @Test
  void aColumnMissingFromTheSampleIsNamedWithMappingLineAndField(@TempDir Path dir) throws IOException {
    home(dir, MAPPING);
    Path sample = dir.resolve("x-2022.csv");
    Files.writeString(sample, "year,sex,count\n2022,women,5\n");
    assertThat(thbstat("mappings", "check", "--home", dir.toString(), "--sample", sample.toString()), is(1));
    assertThat(out.toString(), containsString("ERROR   mappings/XX-test.yaml:12: /value/column: column \"n\" is not in the sample x-2022.csv (header, line 1: year, sex, count)"));
  }

  @Test
  void aFieldMissingFromACaseRecordSampleIsNamed(@TempDir Path dir) throws IOException {
    Path sample = dir.resolve("PT_otsh_casos_2021.ndjson");
    Files.writeString(sample, Files.readString(TestData.sampleInputs().resolve("PT/PT_otsh_casos_2019-2020.ndjson"))
        .replace("\"vic_TypeOfExploitation\"", "\"vic_TypeOfExploit\""));
    assertThat(thbstat("mappings", "check", "--home", TestData.home().toString(), "--sample", sample.toString()), is(1));
    assertThat(out.toString(), containsString("ERROR   mappings/PT-otsh-cases-synthetic.yaml:38: /microdata/forms/field: field \"vic_TypeOfExploitation\" is not in the sample "
        + "PT_otsh_casos_2021.ndjson (fields of its first 34 records: cas_Id, cas_RegistrationDate"));
  }

  @Test
  void aSampleThatIsNotThereOrThatNoMappingReadsCannotBeChecked(@TempDir Path dir) throws IOException {
    assertThat(thbstat("mappings", "check", "--home", TestData.home().toString(), "--sample", dir.resolve("none.csv").toString()), is(2));
    assertThat(err.toString(), containsString("the sample"));
    Path sample = dir.resolve("unknown.csv");
    Files.writeString(sample, "a,b\n");
    assertThat(thbstat("mappings", "check", "--home", TestData.home().toString(), "--sample", sample.toString()), is(2));
    assertThat(err.toString(), containsString("no mapping's files patterns match unknown.csv; name the mapping with --mapping"));
  }

  @Test
  void generateWritesFilesThatRunReadsAndRefusesBadOptions(@TempDir Path dir) throws IOException {
    Path gen = dir.resolve("gen");
    assertThat(err.toString(), thbstat("generate", "--home", TestData.home().toString(), "--records", "300", "--seed", "5",
        "--format", "ndjson", "--years", "2022-2022", "--countries", "LU,MT", "--out", gen.toString()), is(0));
    assertThat(out.toString(), containsString("Wrote 300 SYNTHETIC case records (2 countries, 2022-2022, ndjson)"));
    try (Stream<Path> files = Files.list(gen)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList(),
          is(List.of("README.md", "THB_cases_LU_2022-2022.ndjson", "THB_cases_MT_2022-2022.ndjson")));
    }
    assertThat(thbstat("validate", "--home", TestData.home().toString(), "--country", "LU", gen.resolve("THB_cases_LU_2022-2022.ndjson").toString()), is(2));
    assertThat(thbstat("generate", "--home", TestData.home().toString(), "--records", "10", "--format", "xml", "--out", gen.toString()), is(2));
    assertThat(err.toString(), containsString("--format is ndjson, json, csv or all, not \"xml\""));
    assertThat(thbstat("generate", "--home", TestData.home().toString(), "--records", "10", "--years", "2001-2002", "--out", gen.toString()), is(2));
    assertThat(thbstat("generate", "--home", TestData.home().toString(), "--records", "10", "--countries", "XY", "--out", gen.toString()), is(2));
    assertThat(err.toString(), containsString("XY is not a country code of seeds/geo.csv"));
  }
}
