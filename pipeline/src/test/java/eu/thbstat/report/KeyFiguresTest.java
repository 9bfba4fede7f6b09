package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.thbstat.harmonise.CountryHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key-figure sentences on hand-made national inputs whose EU figures are known: four Member
 * States (DE, FR, IT, ES: 57 % of the EU population, above the coverage threshold) whose 2022
 * figures add up to the published EU ones (10 093 registered victims; by form 4 014 + 3 990 + 1 699
 * known, 390 unknown: 41.4 %, 41.1 % and 17.5 % of 9 703), harmonised and aggregated as thbstat
 * run does, written as a release and read back by the report.
 */
class KeyFiguresTest {
  private static final String[] COUNTRIES = {"DE", "FR", "IT", "ES"};
  private static Path release;

  @BeforeAll
  static void handMadeRelease() {
    Map<String, List<Observation>> byCountry = new TreeMap<>();
    // 2021: totals only, 7 155 in all.
    put(byCountry, 2021, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", 2000, 2000, 1655, 1500);
    // 2022 by form: SEX 4 014, LAB_SERV 3 990, ORG_OTH 1 699, UNK 390; 10 093 in all.
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", 2895, 2700, 2308, 2190);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "SEX", 1000, 1200, 1014, 800);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "LAB_SERV", 1500, 900, 800, 790);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "ORG_OTH", 300, 500, 399, 500);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "UNK", 95, 100, 95, 100);
    // Sexual exploitation by sex: F 3 720, M 275 (known 3 995), UNK 19.
    put(byCountry, 2022, "PER_VICT", "TOTAL", "F", "TOTAL", "TOTAL", "SEX", 930, 1100, 950, 740);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "M", "TOTAL", "TOTAL", "SEX", 65, 95, 60, 55);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "UNK", "TOTAL", "TOTAL", "SEX", 5, 5, 4, 5);
    // All victims by sex: F 6 000, M 4 050 (known 10 050), UNK 43.
    put(byCountry, 2022, "PER_VICT", "TOTAL", "F", "TOTAL", "TOTAL", "TOTAL", 1600, 1700, 1400, 1300);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "M", "TOTAL", "TOTAL", "TOTAL", 1280, 990, 900, 880);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "UNK", "TOTAL", "TOTAL", "TOTAL", 15, 10, 8, 10);
    // By age: Y_LT18 1 918, Y_GE18 7 900 (known 9 818), UNK 375.
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "Y_LT18", "TOTAL", "TOTAL", 500, 600, 400, 418);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "Y_GE18", "TOTAL", "TOTAL", 2300, 2050, 1850, 1700);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "UNK", "TOTAL", "TOTAL", 95, 50, 58, 72);
    // By citizenship: NAT 2 800, other EU 900, non-EU 6 150 (known 9 850), UNK 243.
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "NAT", "TOTAL", 800, 700, 600, 700);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "EU27_2020_FOR", "TOTAL", 300, 200, 250, 150);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "NEU27_2020_FOR", "TOTAL", 1700, 1750, 1400, 1300);
    put(byCountry, 2022, "PER_VICT", "TOTAL", "T", "TOTAL", "UNK", "TOTAL", 95, 50, 58, 40);
    // Suspected 8 064, prosecuted 3 200, convicted 2 097.
    put(byCountry, 2022, "PER_SUSP", "_Z", "T", "TOTAL", "TOTAL", "TOTAL", 2500, 2200, 1864, 1500);
    put(byCountry, 2022, "PER_PRSC", "_Z", "T", "TOTAL", "TOTAL", "TOTAL", 1000, 900, 700, 600);
    put(byCountry, 2022, "PER_CNV", "_Z", "T", "TOTAL", "TOTAL", "TOTAL", 600, 600, 500, 397);

    CountryHarmoniser countries = new CountryHarmoniser(TestData.ref());
    List<Observation> cells = new ArrayList<>();
    byCountry.forEach((country, reported) -> cells.addAll(countries.harmonise(country, reported).observations()));
    Release harmonised = ReleaseSteps.apply(TestData.ref(), new Release(cells, List.of(), List.of(), List.of()));
    release = ReportTestData.write(harmonised, ReportTestData.target("key-figures-release"));
  }

  private static void put(Map<String, List<Observation>> byCountry, int year, String legStat, String victimStatus,
      String sex, String age, String citizen, String exploitation, long... values) {
    for (int i = 0; i < COUNTRIES.length; i++) {
      CellKey key = TestData.key(COUNTRIES[i], Integer.toString(year), legStat, victimStatus, sex, age, citizen, exploitation, "NR");
      List<Observation> list = byCountry.computeIfAbsent(COUNTRIES[i], c -> new ArrayList<>());
      list.add(new Observation(key, (double) values[i], "", List.of(), Origin.REPORTED, COUNTRIES[i] + "/hand-made.csv", list.size() + 2));
    }
  }

  private static Map<String, KeyFigures.Sentence> sentences(String years) {
    Map<String, KeyFigures.Sentence> out = new LinkedHashMap<>();
    new KeyFigures(ReportTestData.context(release, years)).sentences().forEach(s -> out.put(s.id(), s));
    return out;
  }

  @Test
  void sharesByFormOfExploitationAreTakenOnTheKnownForms() {
    KeyFigures.Sentence forms = sentences("2022").get("forms");
    assertThat(forms.text(), equalTo("Of the registered victims whose form of exploitation is known, 41.4 % were trafficked for "
        + "sexual exploitation, 41.1 % for forced labour or services and 17.5 % for other purposes "
        + "(4 of 27 Member States reporting in 2022)."));
    assertThat(forms.values().get("sexual"), closeTo(100.0 * 4014 / 9703, 1e-9));
    assertThat(forms.values().get("labour"), closeTo(100.0 * 3990 / 9703, 1e-9));
    assertThat(forms.values().get("other"), closeTo(100.0 * 1699 / 9703, 1e-9));
  }

  @Test
  void everySentenceOf2022StatesItsFigureAndCoverage() {
    Map<String, KeyFigures.Sentence> s = sentences("2022");
    assertThat(s.get("victims").text(), equalTo(
        "In 2022, 10 093 victims of trafficking in human beings were registered in the EU (4 of 27 Member States reporting in 2022)."));
    // 3 720 / 3 995 = 93.1 %
    assertThat(s.get("women_sexual").text(), equalTo(
        "93.1 % of the victims of sexual exploitation whose sex is known were women or girls (4 of 27 Member States reporting in 2022)."));
    // 6 000 / 10 050 = 59.7 %
    assertThat(s.get("women").text(), containsString("59.7 % of the registered victims whose sex is known were women or girls"));
    // 1 918 / 9 818 = 19.5 %
    assertThat(s.get("children").text(), containsString("19.5 % of the registered victims whose age is known were children"));
    // (2 800 + 900) / 9 850 = 37.6 %; 2 800 / 9 850 = 28.4 %; 900 / 9 850 = 9.1 %
    assertThat(s.get("eu_citizens").text(), equalTo("37.6 % of the registered victims whose citizenship is known were EU citizens: "
        + "28.4 % citizens of the reporting country and 9.1 % of another Member State (4 of 27 Member States reporting in 2022)."));
    assertThat(s.get("suspected").text(), containsString("8 064 persons were suspected"));
    assertThat(s.get("prosecuted").text(), equalTo(
        "3 200 persons were prosecuted for trafficking in human beings in 2022 (4 of 27 Member States reporting in 2022)."));
    assertThat(s.get("convicted").text(), containsString("2 097 persons were convicted"));
  }

  @Test
  void aShareOfOneYearIsTheReleasesOwnShare() {
    ReportContext ctx = ReportTestData.context(release, "2022");
    Observation pc = ctx.release().cells().get(TestData.key("EU27_2020", "2022", "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "SEX", "PC"));
    // cube.csv holds the share rounded to the unit's decimal
    assertThat(EurostatFormat.number(pc.value(), 1), equalTo("41.4"));
    assertThat(EurostatFormat.number(sentences("2022").get("forms").values().get("sexual"), 1), equalTo("41.4"));
    assertThat(sentences("2022").get("forms").values().get("sexual"), closeTo(pc.value(), 0.05));
  }

  @Test
  void overThePeriodCountsAddUpAndAFigureWithoutEuDataSaysWhy() {
    Map<String, KeyFigures.Sentence> s = sentences("2021-2022");
    // 7 155 + 10 093 = 17 248
    assertThat(s.get("victims").text(), equalTo("In 2021-2022, 17 248 victims of trafficking in human beings were registered "
        + "in the EU (4 of 27 Member States reporting in 2021-2022)."));
    assertThat(s.get("victims").values().get("victims"), equalTo(17248.0));
    // No country gave forms of exploitation for 2021.
    KeyFigures.Sentence forms = s.get("forms");
    assertThat(forms.available(), equalTo(false));
    assertThat(forms.text(), equalTo("Forms of exploitation: no EU figure for 2021-2022. The release has no EU aggregate EU27_2020 for 2021."));
  }

  @Test
  void theHtmlReportPrintsTheSentences() {
    Path out = ReportTestData.target("key-figures-report");
    String html = new String(ReportTestData.report(release, "2022", out).get(ReportWriter.HTML), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html, containsString("41.4 % were trafficked for sexual exploitation, 41.1 % for forced labour or services and 17.5 % for other purposes"));
    assertThat(html, containsString("<td class=\"num\" data-key=\"EU27_2020.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.PC\"><span class=\"v\">41.4</span>"));
  }
}
