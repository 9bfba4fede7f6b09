package eu.thbstat.comparability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Comparability grades and completeness on the sample inputs, hand-checked against their files. */
class ComparabilityTest {
  private static List<Comparability.Row> rows;
  private static Release release;

  @BeforeAll
  static void grade() {
    Path in = TestData.sampleInputs();
    release = TestData.harmonise(in.resolve("DE/DE_indicator_16-2-2.csv"), in.resolve("UK/UK_indicator_16-2-2.csv"),
        in.resolve("NL/NL_mensenhandel_2020-2023.csv"), in.resolve("EL/EL_thb_victims_offenders_2019-2023.csv"));
    rows = new Comparability(TestData.ref()).grade(release);
  }

  private static Comparability.Row row(String geo, int year, String table) {
    return rows.stream().filter(r -> r.geo().equals(geo) && r.year() == year && r.table().equals(table)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + geo + " " + year + " " + table));
  }

  @Test
  void theUkSeriesIsGradedAsCountingPresumedVictimsOnly() {
    List<Comparability.Row> ukVictims = rows.stream()
        .filter(r -> r.geo().equals("UK") && r.table().startsWith("VICT_") && !r.grade().equals("N")).toList();
    assertThat(ukVictims.size(), is(13 * 4)); // 2009-2021, the four victims tables
    for (Comparability.Row r : ukVictims) {
      assertThat(r.toString(), r.reasonIds(), containsString("PRESUMED_ONLY"));
      assertThat(r.explanation(), containsString("Presumed victims only are counted, not formally identified victims (UK-ons-sdg: victim_status PRESUMED_ONLY)"));
    }
    assertThat(row("UK", 2020, "VICT_STATUS").grade(), is("B"));
    // Germany counts identified victims only
    assertThat(row("DE", 2022, "VICT_STATUS").reasonIds(), containsString("IDENTIFIED_ONLY"));
    assertThat(row("DE", 2022, "VICT_STATUS").reasonIds(), not(containsString("PRESUMED_ONLY")));
  }

  @Test
  void inconsistentTotalsMakeTheTableNotComparable() {
    // UK 2011: 674 in total, 662 by age band
    Comparability.Row r = row("UK", 2011, "VICT_SEX_AGE");
    assertThat(r.grade(), is("C"));
    assertThat(r.reasonIds(), containsString("INCONSISTENT"));
    // the citizenship table of 2011 only holds the total: the age inconsistency is not its own
    assertThat(row("UK", 2011, "VICT_CITIZEN").reasonIds(), not(containsString("INCONSISTENT")));
  }

  @Test
  void completenessCountsTheCellsAskedAndGiven() {
    // NL 2022: sex x age complete (16 cells); citizenship complete (5)
    Comparability.Row sexAge = row("NL", 2022, "VICT_SEX_AGE");
    assertThat(sexAge.asked(), is(16L));
    assertThat(sexAge.given(), is(16L));
    assertThat(sexAge.reasonIds(), is("AGE_BASIS"));
    Comparability.Row citizen = row("NL", 2022, "VICT_CITIZEN");
    assertThat(citizen.given(), is(5L));
    assertThat(citizen.grade(), is("A"));
    assertThat(citizen.reasons(), empty());
    // forms at sex T (SEX, LAB_SERV, ORG_OTH, UNK, TOTAL) and the sex totals F, M, UNK: 8 of 20; 7 victims counted twice
    Comparability.Row forms = row("NL", 2022, "VICT_EXPLOITATION");
    assertThat(forms.asked(), is(20L));
    assertThat(forms.given(), is(8L));
    assertThat(forms.reasonIds(), is("MULTI_FORM INCOMPLETE"));
    assertThat(forms.grade(), is("B"));
    // no suspects in the German file
    assertThat(row("DE", 2022, "SUSP_SEX_CITIZEN").grade(), is("N"));
    assertThat(row("DE", 2022, "SUSP_SEX_CITIZEN").given(), is(0L));
  }

  @Test
  void everyCountryTableAndYearHasARow() {
    int tables = TestData.ref().tables().size();
    // DE 2010-2024, UK 2009-2021, NL 2020-2023, EL 2019-2023
    long tableRows = rows.stream().filter(r -> !r.table().equals(Comparability.RATES)).count();
    assertThat(tableRows, is((long) (15 + 13 + 4 + 5) * tables));
  }

  @Test
  void ratesOnAFlaggedPopulationGetTheirReasonAndAFootnote() {
    // seeds/population_flags.csv: DE 2023 "b"
    Comparability.Row r = row("DE", 2023, Comparability.RATES);
    assertThat(r.reasonIds(), containsString("POPULATION_FLAGGED"));
    assertThat(r.explanation(), containsString("population 2023 flagged b"));
    Observation rate = TestData.cell(release.observations(),
        TestData.key("DE", "2023", "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", "P_MHAB")).orElseThrow();
    assertThat(rate.footnotes(), hasItem("comparability#POPULATION_FLAGGED"));
    assertThat(row("DE", 2022, Comparability.RATES).reasonIds(), not(containsString("POPULATION_FLAGGED")));
  }

  @Test
  void victimsWithSeveralFormsGetAFootnoteOnTheTotal() {
    Observation total = TestData.cell(release.observations(), TestData.victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow();
    assertThat(total.footnotes(), hasItem("comparability#MULTI_FORM"));
    assertThat(TestData.ref().footnotes().get("comparability#MULTI_FORM").text(), containsString("counted under each form"));
  }

  @Test
  void casesInsteadOfPersonsAreNotComparable() {
    ReferenceData ref = TestData.ref();
    Mapping el = ref.mapping("EL-police-synthetic");
    Mapping cases = el.withDefinitions(Map.of("counting_unit", "CASES"));
    List<Mapping> mappings = new ArrayList<>(ref.mappings());
    mappings.replaceAll(m -> m.id().equals(el.id()) ? cases : m);
    ReferenceData casesRef = ref.withMappings(mappings);
    Path file = TestData.sampleInputs().resolve("EL/EL_thb_victims_offenders_2019-2023.csv");
    Release r = new LocalHarmoniser(casesRef).harmonise(List.of(new LocalHarmoniser.Input(file.getFileName().toString(), TestData.bytes(file), null)));
    List<Comparability.Row> graded = new Comparability(casesRef).grade(r);
    Comparability.Row sexAge = graded.stream().filter(x -> x.year() == 2022 && x.table().equals("VICT_SEX_AGE")).findFirst().orElseThrow();
    assertThat(sexAge.grade(), is("C"));
    assertThat(sexAge.reasonIds(), containsString("CASES_COUNTED"));
    // and with the real definitions (persons), the same table is comparable with caveats at most
    assertThat(row("EL", 2022, "VICT_SEX_AGE").reasonIds(), not(containsString("CASES_COUNTED")));
  }

  @Test
  void theCsvHasAHeaderAndOneLinePerRow() {
    String csv = new String(ComparabilityCsv.render(release, TestData.ref()), java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0), is("geo,time,table,grade,grade_label,cells_asked,cells_given,cells_not_available,reasons,explanation"));
    assertThat(lines.size(), is(rows.size() + 1));
    assertThat(lines, hasItem(org.hamcrest.Matchers.startsWith("NL,2022,VICT_CITIZEN,A,comparable,5,5,0,,")));
    assertThat(rows.stream().map(Comparability.Row::geo).distinct().sorted().toList(), contains("DE", "EL", "NL", "UK"));
  }
}
