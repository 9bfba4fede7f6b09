package eu.thbstat.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's reference data loads and is consistent; broken files are named precisely. */
class ReferenceDataLoaderTest {

  private static List<String> rules(ReferenceData ref) {
    return ref.model().hierarchies().stream().map(r -> r.dimensionId() + ": " + r.toVtl()).toList();
  }

  @Test
  void repositoryDataLoads() {
    ReferenceData ref = TestData.ref();
    assertThat(ref.model().dimensionIds(), equalTo(List.of(
        "geo", "time", "leg_stat", "victim_status", "sex", "age", "citizen", "exploitation", "unit")));
    assertThat(ref.mappings().stream().map(Mapping::id).toList(), equalTo(List.of(
        "AT-bmi-sdmx-synthetic", "DE-destatis-sdg", "EL-police-synthetic", "EU-htcds-cases-synthetic", "MT-nso-questionnaire",
        "NL-mensenhandel-synthetic", "PL-handel-ludzmi-synthetic", "PT-otsh-cases-synthetic", "UK-ons-sdg")));
  }

  @Test
  void hierarchiesFollowTheCodeLists() {
    List<String> rules = rules(TestData.ref());
    assertThat(rules, hasItem("victim_status: TOTAL = IDENT + PRESUMED"));
    assertThat(rules, hasItem("sex: T = F + M + UNK"));
    assertThat(rules, hasItem("age: TOTAL = Y_LT18 + Y_GE18 + UNK"));
    assertThat(rules, hasItem("age: Y_LT18 = Y_LT14 + Y14-17"));
    assertThat(rules, hasItem("age: Y_LT18 = Y_LT15 + Y15-17"));
    assertThat(rules, hasItem("age: Y_GE18 = Y18-24 + Y25-34 + Y35-44 + Y45-54 + Y55-64 + Y65-74 + Y_GE75"));
    assertThat(rules, hasItem("citizen: TOTAL = NAT + UNK + EU27_2020_FOR + NEU27_2020_FOR"));
    assertThat(rules, hasItem("citizen: TOTAL = NAT + UNK + EU28_FOR + NEU28_FOR"));
    // exploitation is not additive: the forms may exceed the total
    assertThat(rules, hasItem("exploitation: TOTAL <= SEX + LAB_SERV + ORG_OTH + UNK"));
    assertThat(rules, hasItem("exploitation: LAB_SERV <= LAB + BEG + SLV"));
  }

  @Test
  void seedsKnowEurostatAndIsoCodesAndTheEuOfEachYear() {
    Seeds seeds = TestData.ref().seeds();
    assertThat(seeds.geoOf("GR"), is("EL"));
    assertThat(seeds.geoOf("EL"), is("EL"));
    assertThat(seeds.geoOf("GB"), is("UK"));
    assertThat(seeds.isoByGeo().get("EL"), is("GR"));
    assertThat(seeds.euOf(2019).code(), is("EU28"));
    assertThat(seeds.euOf(2020).code(), is("EU27_2020"));
    assertThat(seeds.isEuMember("UK", 2019), is(true));
    assertThat(seeds.isEuMember("UK", 2020), is(false));
    assertThat(seeds.isEuMember("HR", 2022), is(true));
    assertThat(seeds.population("DE", 2022).getAsLong(), is(83237124L));
    assertThat(seeds.population("UK", 2021).isPresent(), is(false));
    assertThat(seeds.populationSource().get(Seeds.key("DE", 2022)), containsString("estat_demo_pjan.tsv"));
  }

  @Test
  void tablesAskForCellsWithTheCitizenshipGroupsOfTheYear() {
    ReferenceData ref = TestData.ref();
    Table citizen = ref.tables().stream().filter(t -> t.id().equals("VICT_CITIZEN")).findFirst().orElseThrow();
    assertThat(citizen.cells(ref.model(), ref.seeds(), "NL", 2022).stream().map(k -> k.get(6)).toList(),
        equalTo(List.of("NAT", "EU27_2020_FOR", "NEU27_2020_FOR", "UNK", "TOTAL")));
    assertThat(citizen.cells(ref.model(), ref.seeds(), "NL", 2019).stream().map(k -> k.get(6)).toList(),
        equalTo(List.of("NAT", "EU28_FOR", "NEU28_FOR", "UNK", "TOTAL")));
    Table sexAge = ref.tables().get(0);
    assertThat(sexAge.cells(ref.model(), ref.seeds(), "DE", 2022).size(), is(16));
    assertThat(sexAge.cells(ref.model(), ref.seeds(), "DE", 2022).get(0).toString(), is("DE.2022.PER_VICT.TOTAL.F.Y_LT18.TOTAL.TOTAL.NR"));
  }

  private static final String GOOD = """
      id: XX-test
      country: DE
      files: ["x.csv"]
      format: csv
      layout: long
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, age: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
      dimensions:
        time: {column: year}
        sex:
          column: sex
          codes: {all: T, women: F}
      value: {column: n}
      """;

  @Test
  void aWellFormedMappingLoads(@TempDir Path dir) throws IOException {
    ReferenceData ref = ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", GOOD));
    assertThat(ref.mapping("XX-test").dimensions().get("sex").codes().get("WOMEN"), is("F"));
  }

  @Test
  void anUnknownTargetCodeIsNamedWithFileLineAndField(@TempDir Path dir) throws IOException {
    String bad = GOOD.replace("women: F", "women: W");
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", bad)));
    assertThat(e.getMessage(), containsString("mappings/XX-test.yaml:11: /dimensions/sex/codes/women: \"W\" is not a code of the sex code list"));
  }

  @Test
  void aSchemaViolationIsNamedWithFileLineAndField(@TempDir Path dir) throws IOException {
    String bad = GOOD.replace("layout: long", "layout: diagonal");
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", bad)));
    assertThat(e.getMessage(), containsString("mappings/XX-test.yaml:5: /layout:"));
  }

  @Test
  void aDimensionGivenTwiceOrNotAtAllIsAnError(@TempDir Path dir) throws IOException {
    String bad = GOOD.replace("age: TOTAL, ", "sex: T, ");
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", bad)));
    assertThat(e.getMessage(), containsString("/dimensions/sex: dimension sex is already given by /constants/sex"));
    assertThat(e.getMessage(), containsString("dimension age is given neither as a constant, nor by a column, nor by the wide layout"));
  }

  @Test
  void aFootnoteOnACodeThatDoesNotExistIsAnError(@TempDir Path dir) throws IOException {
    String bad = GOOD + "footnotes:\n  - text: x\n    where: {sex: W, time: \"1999\"}\n";
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", bad)));
    assertThat(e.getMessage(), containsString("/footnotes/0/where/sex: \"W\" is not a code of the sex code list"));
    assertThat(e.getMessage(), containsString("/footnotes/0/where/time: \"1999\" is not a year between 2008 and 2030"));
  }

  @Test
  void aDefinitionFlagThatIsNotAEurostatFlagIsAnError(@TempDir Path dir) throws IOException {
    Path home = TestData.homeWith(dir, "XX-test.yaml", GOOD);
    Path definitions = home.resolve("schemas/definitions.yaml");
    Files.writeString(definitions, Files.readString(definitions).replaceFirst("flag: d", "flag: q"));
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(home));
    assertThat(e.getMessage(), containsString("schemas/definitions.yaml: counting_unit/PERSONS_PER_RECORDING: flag \"q\" is not a Eurostat observation flag"));
  }

  @Test
  void anUnknownDefinitionValueIsAnError(@TempDir Path dir) throws IOException {
    String bad = GOOD + "definitions: {counting_unit: HEADS}\n";
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(TestData.homeWith(dir, "XX-test.yaml", bad)));
    assertThat(e.getMessage(), containsString("/definitions/counting_unit: HEADS is not one of"));
  }
}
