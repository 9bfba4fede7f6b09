package eu.thbstat.validation;

import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.Severity;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Levels 3 and 4 on real and hand-made figures. */
class LevelThreeAndFourTest {
  private static final Path DE_FILE = TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv");

  private static Observation cell(eu.thbstat.model.CellKey key, double value) {
    return new Observation(key, value, "", List.of(), Origin.REPORTED, "x.csv", 1);
  }

  @Test
  void theExactTestOfTwoPoissonCountsGivesTheBinomialTail() {
    // hand-checked with exact fractions: P(X >= 40 | n = 50, p = 2/3), (2/3)^10, P(X <= 5 | n = 60, p = 1/3)
    assertThat(SeriesChecks.pValue(10, 40, 2), closeTo(0.0284403, 1e-6));
    assertThat(SeriesChecks.pValue(0, 10, 2), closeTo(0.0173415, 1e-6));
    assertThat(SeriesChecks.pValue(55, 5, 2), closeTo(5.59992e-6, 1e-10));
    // within the factor allowed: not surprising at all
    assertThat(SeriesChecks.pValue(100, 190, 2), is(1.0));
    assertThat(SeriesChecks.pValue(0, 0, 2), is(1.0));
  }

  @Test
  void germanLabourExploitation2022IsFlaggedWithThePublishedExplanation() {
    Release de = TestData.harmonise(DE_FILE);
    Finding f = de.findings().stream()
        .filter(x -> x.key().equals("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR")).findFirst().orElseThrow();
    assertThat(f.level(), is(3));
    assertThat(f.ruleId(), is("YOY_CHANGE_EXPLAINED"));
    assertThat(f.severity(), is(Severity.INFO));
    assertThat(f.line(), is(284L));
    assertThat(f.values().get("value"), is("1019"));
    assertThat(f.values().get("previous"), is("147"));
    assertThat(f.values().get("change"), is("+593%"));
    assertThat(f.message(), is("PER_VICT, exploitation LAB_SERV: 1019 in 2022 against 147 in 2021 (+593%; exact test of two Poisson counts "
        + "allowing a factor 2: p < 1e-15); explained by footnote DE-destatis-sdg#2: \"Conclusion of two major cases in 2022.\""));
    // the footnote is on the cell of the harmonised cube too
    Observation labour = TestData.cell(de.observations(), victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV")).orElseThrow();
    assertThat(labour.footnotes(), org.hamcrest.Matchers.hasItem("DE-destatis-sdg#2"));
  }

  @Test
  void withoutTheFootnoteTheSameChangeIsAWarning() {
    List<Finding> f = new SeriesChecks(TestData.ref()).check("DE",
        List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147), cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019)),
        List.of());
    assertThat(f.stream().map(x -> x.ruleId() + " " + x.severity()).toList(), contains("YOY_CHANGE WARNING"));
    assertThat(f.get(0).hint(), containsString("explain the change"));
  }

  @Test
  void earlierYearsComeFromThePreviousReleaseWhenTheSubmissionHasOnlyTheLatest() {
    List<Finding> f = new SeriesChecks(TestData.ref()).check("DE",
        List.of(cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV"), 1019)),
        List.of(cell(victims("DE", 2021, "T", "TOTAL", "TOTAL", "LAB_SERV"), 147)));
    assertThat(f.stream().map(Finding::ruleId).toList(), contains("YOY_CHANGE"));
    assertThat(f.get(0).values().get("previous_time"), is("2021"));
  }

  @Test
  void aPreviousReleaseIsReadFromItsCubeAndRevisionsAreReported(@TempDir Path dir) throws Exception {
    Release de = TestData.harmonise(DE_FILE);
    byte[] cube = ReleaseWriter.render(de, TestData.ref(), new RunInfo("test", "validate", "DE")).get("cube.csv");
    String text = new String(cube, java.nio.charset.StandardCharsets.UTF_8);
    String line2021 = "DE,2021,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,564,";
    assertThat(text, containsString(line2021));
    Files.createDirectories(dir.resolve("previous"));
    Files.writeString(dir.resolve("previous/cube.csv"), text.replace(line2021, "DE,2021,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,560,"));
    PreviousRelease previous = PreviousRelease.read(dir.resolve("previous"), TestData.ref().model());
    assertThat(previous.cells("DE").size(), is((int) de.observations().stream().filter(o -> o.key().get(8).equals("NR")).count()));
    Release again = new LocalHarmoniser(TestData.ref(), previous)
        .harmonise(List.of(new LocalHarmoniser.Input(DE_FILE.getFileName().toString(), TestData.bytes(DE_FILE), null)));
    List<Finding> revised = again.findings().stream().filter(f -> f.ruleId().equals("VALUE_REVISED")).toList();
    assertThat(revised.stream().map(Finding::message).toList(), contains("PER_VICT 2021: 564 now, 560 in the previous release"));
  }

  @Test
  void aPreviousReleaseThatIsNotThereIsNamed(@TempDir Path dir) {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> PreviousRelease.read(dir, TestData.ref().model()));
    assertThat(e.getMessage(), containsString("no cube.csv in the previous release folder"));
  }

  @Test
  void fewerEuCountriesThanTheMinimumGiveNoCrossCountryFinding() {
    // the sample inputs have at most four EU countries a year (min_countries: 5)
    List<Finding> f = new CrossCountryChecks(TestData.ref()).check(List.of(
        cell(RuleExamplesTest.rate("DE", 2022), 18), cell(RuleExamplesTest.rate("NL", 2022), 66),
        cell(RuleExamplesTest.rate("EL", 2022), 19), cell(RuleExamplesTest.rate("PL", 2022), 900)));
    assertThat(f, empty());
  }

  @Test
  void aRateFarFromTheEuMedianIsAQuestionForTheAnalystNamingTheMedian() {
    List<Finding> f = new java.util.ArrayList<>();
    String[] geos = {"DE", "NL", "EL", "PL", "FR", "IT", "AT"};
    double[] values = {10, 12, 11, 9, 10.5, 11, 300};
    List<Observation> cells = new java.util.ArrayList<>();
    for (int i = 0; i < geos.length; i++) {
      cells.add(cell(RuleExamplesTest.rate(geos[i], 2022), values[i]));
    }
    f.addAll(new CrossCountryChecks(TestData.ref()).check(cells));
    assertThat(f.stream().map(x -> x.ruleId() + " " + x.country() + " " + x.severity() + " level " + x.level()).toList(),
        contains("RATE_OUTLIER_EU AT INFO level 4"));
    // median of the seven: 11 per million
    assertThat(f.get(0).values().get("median"), is("11.0"));
    assertThat(f.get(0).values().get("direction"), is("far above"));
  }

  @Test
  void medianOfEvenAndOddCounts() {
    assertThat(CrossCountryChecks.median(new double[] {3, 1, 2}), is(2.0));
    assertThat(CrossCountryChecks.median(new double[] {4, 1, 2, 3}), is(2.5));
  }

  @Test
  void theDistributionFindingGivesBothSharesAndTheStatistics() {
    List<String> ids = RuleExamplesTest.distribution("exploitation", new long[] {500, 300, 100}, new long[] {50, 800, 50});
    assertThat(ids, contains("FORM_DISTRIBUTION_DIFFERS"));
    assertThat(CrossCountryChecks.shares(List.of("SEX", "LAB_SERV", "ORG_OTH"), new long[] {50, 800, 50}), is("SEX 6%, LAB_SERV 89%, ORG_OTH 6%"));
  }
}
