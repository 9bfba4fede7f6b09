package eu.thbstat.ingest.microdata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.model.Severity;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counting case records into cells, on hand-checked records of France read with
 * mappings/EU-htcds-cases-synthetic.yaml. Every expected figure below is counted by hand from the
 * records, whose comments say what each one is.
 */
public class MicrodataReaderTest {
  private final SubmissionProcessor processor = new SubmissionProcessor(TestData.ref());

  // line 1-6: victims of 2019, line 7: blank, line 8: not a victim, lines 9-10: victims of 2020,
  // lines 11-12: suspects of 2020, lines 13-17: bad records.
  public static final String RECORDS = String.join("\n",
      // 1: woman, 30, French (NAT), sexual exploitation, identified by the police
      """
      {"cas_Id":"FR-1","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-06-01","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Birthdate":"1989-05-01","prs_Age":null,"prs_Citizenship":["FR"],"vic_TypeOfExploitation":["SexualExploitation"]}""",
      // 2: man, 16, German (another EU28 Member State), forced labour and begging (two forms, one group), status decided by an NGO: presumed
      """
      {"cas_Id":"FR-2","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-03-01","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"NGO","prs_Gender":"Masculine","prs_Birthdate":"2003-01-10","prs_Age":null,"prs_Citizenship":["DE"],"vic_TypeOfExploitation":["ForcedLabour","ForcedBegging"]}""",
      // 3: woman, age unknown, British (EU28 in 2019), sexual exploitation and forced labour (two groups), possible victim
      """
      {"cas_Id":"FR-3","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-09-15","vic_TraffickingStatus":"PossibleVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"NGO","prs_Gender":"Feminine","prs_Birthdate":null,"prs_Age":null,"prs_Citizenship":["GB"],"vic_TypeOfExploitation":["SexualExploitation","ForcedLabour"]}""",
      // 4: sex unknown, 17 (age only), stateless (non-EU), no form recorded (UNK), identified by a court
      """
      {"cas_Id":"FR-4","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-11-20","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"CourtOrProsecution","prs_Gender":"NonSpecifiedUnknown","prs_Birthdate":null,"prs_Age":17,"prs_Citizenship":["XX"],"vic_TypeOfExploitation":[]}""",
      // 5: woman, 45, Nigerian (non-EU), forced marriage, identified by the police
      """
      {"cas_Id":"FR-5","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-01-31","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Birthdate":"1973-12-24","prs_Age":null,"prs_Citizenship":["NG"],"vic_TypeOfExploitation":["ForcedMarriage"]}""",
      // 6: man, 25, citizenship unknown, forced criminality, possible victim
      """
      {"cas_Id":"FR-6","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-07-04","vic_TraffickingStatus":"PossibleVictimOfTrafficking","prs_Gender":"Masculine","prs_Birthdate":"1994-07-04","prs_Citizenship":[],"vic_TypeOfExploitation":["ForcedCriminality"]}""",
      "",
      // 8: screened and found not to be a victim: excluded by the mapping
      """
      {"cas_Id":"FR-7","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-05-05","vic_TraffickingStatus":"NotAVictimOfTrafficking","prs_Gender":"Feminine","prs_Citizenship":["FR"],"vic_TypeOfExploitation":[]}""",
      // 9: woman, 20, British: non-EU from 2020
      """
      {"cas_Id":"FR-8","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2020-02-02","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Birthdate":"1999-06-01","prs_Citizenship":["GB"],"vic_TypeOfExploitation":["SexualExploitation"]}""",
      // 10: man, 40, Moldovan and Romanian: counted as an EU citizen
      """
      {"cas_Id":"FR-9","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2020-08-08","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Masculine","prs_Birthdate":"1980-01-01","prs_Citizenship":["MD","RO"],"vic_TypeOfExploitation":["ForcedLabour"]}""",
      // 11: suspect, man, French
      """
      {"cas_Id":"FR-10","rep_Country":"FR","prs_LegalStatus":"Suspect","cas_RegistrationDate":"2020-03-03","prs_Gender":"Masculine","prs_Birthdate":"1970-01-01","prs_Citizenship":["FR"]}""",
      // 12: suspect, woman, "UK" (the mapping's spelling of GB): non-EU in 2020
      """
      {"cas_Id":"FR-11","rep_Country":"FR","prs_LegalStatus":"Suspect","cas_RegistrationDate":"2020-04-04","prs_Gender":"Feminine","prs_Citizenship":"UK"}""",
      // 13: unknown gender code; its other values must never appear in any output
      """
      {"cas_Id":"SECRET-ID-4711","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-06-06","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Unbekannt","prs_Birthdate":"1977-07-07","prs_Citizenship":["FR"],"vic_TypeOfExploitation":["SexualExploitation"]}""",
      // 14: a registration date that does not exist
      """
      {"cas_Id":"FR-13","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-02-30","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Citizenship":["FR"],"vic_TypeOfExploitation":["SexualExploitation"]}""",
      // 15: a citizenship that is not an ISO code
      """
      {"cas_Id":"FR-14","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-06-06","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Citizenship":["Q1"],"vic_TypeOfExploitation":["SexualExploitation"]}""",
      // 16: broken JSON
      """
      {"cas_Id":"FR-15","rep_Country":"FR","prs_LegalStatus":"Victim",""",
      // 17: an unknown form of exploitation, and a birth date after the registration
      """
      {"cas_Id":"FR-16","rep_Country":"FR","prs_LegalStatus":"Victim","cas_RegistrationDate":"2019-06-06","vic_TraffickingStatus":"ActualVictimOfTrafficking","vic_TraffickingStatusDecisionMakingOrg":"Police","prs_Gender":"Feminine","prs_Birthdate":"2019-12-31","prs_Citizenship":["FR"],"vic_TypeOfExploitation":["Tourism"]}""")
      + "\n";

  public static final String FILE = "FR/THB_cases_FR_test.ndjson";

  private FileResult read() {
    return processor.process(FILE, RECORDS.getBytes(StandardCharsets.UTF_8));
  }

  private static CellKey key(String year, String leg, String vs, String sex, String age, String citizen, String exploitation) {
    return TestData.key("FR", year, leg, vs, sex, age, citizen, exploitation, "NR");
  }

  private static CellKey victims(String year, String sex, String age, String citizen, String exploitation) {
    return key(year, "PER_VICT", "TOTAL", sex, age, citizen, exploitation);
  }

  private static double v(List<Observation> cells, CellKey key) {
    return TestData.value(cells, key);
  }

  @Test
  void victimsOf2019BySexAndAgeIncludingUnknownSexAndAge() {
    List<Observation> c = read().observations();
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "TOTAL")), is(6.0));
    assertThat(v(c, victims("2019", "F", "TOTAL", "TOTAL", "TOTAL")), is(3.0));
    assertThat(v(c, victims("2019", "M", "TOTAL", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "UNK", "TOTAL", "TOTAL", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2019", "T", "Y_LT18", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "T", "Y_GE18", "TOTAL", "TOTAL")), is(3.0));
    assertThat(v(c, victims("2019", "T", "UNK", "TOTAL", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2019", "F", "Y_GE18", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "F", "UNK", "TOTAL", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2019", "F", "Y_LT18", "TOTAL", "TOTAL")), is(0.0));
    assertThat(v(c, victims("2019", "M", "Y_LT18", "TOTAL", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2019", "UNK", "Y_LT18", "TOTAL", "TOTAL")), is(1.0));
    // the finer bands the mapping asks for (B14, B21): 16 and 17 are 14-17; 25, 30 and 45 are 25 or over
    assertThat(v(c, victims("2019", "T", "Y14-17", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "T", "Y_LT14", "TOTAL", "TOTAL")), is(0.0));
    assertThat(v(c, victims("2019", "T", "Y_GE25", "TOTAL", "TOTAL")), is(3.0));
    assertThat(v(c, victims("2019", "T", "Y18-20", "TOTAL", "TOTAL")), is(0.0));
  }

  @Test
  void citizenshipGroupsFollowTheEuOfTheYear() {
    List<Observation> c = read().observations();
    // 2019, EU28: French = NAT; German and British = other EU28; stateless and Nigerian = non-EU28; one unknown
    assertThat(v(c, victims("2019", "T", "TOTAL", "NAT", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "EU28_FOR", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "NEU28_FOR", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "UNK", "TOTAL")), is(1.0));
    assertThat(TestData.cell(c, victims("2019", "T", "TOTAL", "EU27_2020_FOR", "TOTAL")).isPresent(), is(false));
    // 2020, EU27_2020: British = non-EU; Moldovan and Romanian = EU
    assertThat(v(c, victims("2020", "T", "TOTAL", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, victims("2020", "T", "TOTAL", "NEU27_2020_FOR", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2020", "T", "TOTAL", "EU27_2020_FOR", "TOTAL")), is(1.0));
    assertThat(v(c, victims("2020", "T", "TOTAL", "NAT", "TOTAL")), is(0.0));
    assertThat(TestData.cell(c, victims("2020", "T", "TOTAL", "EU28_FOR", "TOTAL")).isPresent(), is(false));
    // suspects of 2020: French = NAT, "UK" = GB = non-EU
    assertThat(v(c, key("2020", "PER_SUSP", "_Z", "T", "TOTAL", "TOTAL", "TOTAL")), is(2.0));
    assertThat(v(c, key("2020", "PER_SUSP", "_Z", "T", "TOTAL", "NAT", "TOTAL")), is(1.0));
    assertThat(v(c, key("2020", "PER_SUSP", "_Z", "F", "TOTAL", "NEU27_2020_FOR", "TOTAL")), is(1.0));
    assertThat(v(c, key("2020", "PER_SUSP", "_Z", "M", "TOTAL", "NAT", "TOTAL")), is(1.0));
    // no convicted persons in the file: no cells for them (not zeros)
    assertThat(c.stream().anyMatch(o -> o.key().get(2).equals("PER_CNV")), is(false));
  }

  @Test
  void aPersonWithSeveralFormsCountsOnceInEveryTotalAndOnceInEachForm() {
    FileResult r = read();
    List<Observation> c = r.observations();
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "TOTAL")), is(6.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "SEX")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "LAB_SERV")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "LAB")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "BEG")), is(1.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "SLV")), is(0.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "ORG_OTH")), is(2.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "MAR")), is(1.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "CRIM")), is(1.0));
    assertThat(v(c, victims("2019", "T", "TOTAL", "TOTAL", "UNK")), is(1.0));
    assertThat(v(c, victims("2019", "F", "TOTAL", "TOTAL", "SEX")), is(2.0));
    assertThat(v(c, victims("2019", "F", "TOTAL", "TOTAL", "LAB_SERV")), is(1.0));
    assertThat(v(c, victims("2019", "M", "TOTAL", "TOTAL", "LAB_SERV")), is(1.0));
    assertThat(v(c, victims("2019", "M", "TOTAL", "TOTAL", "BEG")), is(1.0));
    assertThat(v(c, victims("2019", "UNK", "TOTAL", "TOTAL", "UNK")), is(1.0));
    // identified: police, court and police; presumed: an NGO's decision and two possible victims
    assertThat(v(c, key("2019", "PER_VICT", "IDENT", "T", "TOTAL", "TOTAL", "TOTAL")), is(3.0));
    assertThat(v(c, key("2019", "PER_VICT", "PRESUMED", "T", "TOTAL", "TOTAL", "TOTAL")), is(3.0));
    List<Finding> notes = r.findings().stream().filter(f -> f.ruleId().equals("CASE_MULTI_FORM")).toList();
    assertThat(notes.size(), is(1));
    assertThat(notes.get(0).severity(), is(Severity.INFO));
    assertThat(notes.get(0).message(), is("2 of the 6 persons (PER_VICT, 2019) have more than one form of exploitation, 1 of them in more than one of "
        + "SEX, LAB_SERV, ORG_OTH; each counts once in every total and once in each of its forms"));
    assertThat(notes.get(0).key(), is("FR.2019.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"));
  }

  @Test
  void cellsAreCountedAndCarryTheMappingsFootnotes() {
    List<Observation> c = read().observations();
    Observation total = TestData.cell(c, victims("2019", "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow();
    assertThat(total.origin(), is(Origin.COUNTED));
    assertThat(total.location(), is(FILE));
    assertThat(total.footnotes(), contains("EU-htcds-cases-synthetic#1", "EU-htcds-cases-synthetic#2", "EU-htcds-cases-synthetic#age_basis"));
    assertThat(total.flags(), is(""));
  }

  @Test
  void badRecordsAreQuarantinedWithPlaceRuleFieldAndValueButNotTheRecord() {
    FileResult r = read();
    List<String> where = r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
        .map(f -> f.ruleId() + "@" + f.line() + ":" + f.column() + "=" + f.value()).toList();
    assertThat(where, contains(
        "CASE_CODE_UNMAPPED@13:prs_Gender=Unbekannt",
        "CASE_DATE_INVALID@14:cas_RegistrationDate=2019-02-30",
        "CASE_CITIZENSHIP_INVALID@15:prs_Citizenship=Q1",
        "CASE_UNREADABLE@16:=",
        "CASE_AGE_INVALID@17:prs_Birthdate=2019-12-31",
        "CASE_CODE_UNMAPPED@17:vic_TypeOfExploitation=Tourism"));
    Finding unmapped = r.findings().stream().filter(f -> f.ruleId().equals("CASE_CODE_UNMAPPED")).findFirst().orElseThrow();
    assertThat(unmapped.message(), is("Case record 12: \"Unbekannt\" in field \"prs_Gender\" is not a known sex code of mapping EU-htcds-cases-synthetic"));
    assertThat(unmapped.country(), is("FR"));
    assertThat(unmapped.file(), is(FILE));
    List<QuarantinedRecord> q = r.quarantine();
    assertThat(q.stream().map(x -> x.line() + " " + x.column() + " " + x.ruleIds()).toList(), contains(
        "13 prs_Gender [CASE_CODE_UNMAPPED]", "14 cas_RegistrationDate [CASE_DATE_INVALID]", "15 prs_Citizenship [CASE_CITIZENSHIP_INVALID]",
        "16  [CASE_UNREADABLE]", "17 prs_Birthdate, vic_TypeOfExploitation [CASE_AGE_INVALID, CASE_CODE_UNMAPPED]"));
    for (QuarantinedRecord x : q) {
      assertThat(x.rawRecord(), is(""));
    }
    assertThat(q.get(1).reason(), is("Case record 13: \"2019-02-30\" in field \"cas_RegistrationDate\" is not a date of the form yyyy-MM-dd"));
    assertThat(q.get(3).reason(), containsString("Case record 15 cannot be read: not valid JSON"));
    // records read = counted + quarantined + excluded
    assertThat(r.report().recordsRead(), is(16L));
    assertThat(r.report().recordsCounted(), is(10L));
    assertThat(r.report().recordsExcluded(), is(1L));
    assertThat(q.size(), is(5));
    assertThat(r.report().status(), is("READ"));
    assertThat(r.report().country(), is("FR"));
  }

  @Test
  void noOutputOfTheReleaseHoldsAUnitRecord() {
    Release release = new LocalHarmoniser(TestData.ref())
        .harmonise(List.of(new LocalHarmoniser.Input(FILE, RECORDS.getBytes(StandardCharsets.UTF_8), null)));
    Map<String, byte[]> files = ReleaseWriter.render(release, TestData.ref(), new RunInfo("test", "local", "test"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.ISO_8859_1);
      assertThat(f.getKey(), text, not(containsString("SECRET-ID-4711")));
      assertThat(f.getKey(), text, not(containsString("1977-07-07")));
      assertThat(f.getKey(), text, not(containsString("FR-1\"")));
      assertThat(f.getKey(), text, not(containsString("1989-05-01")));
      assertThat(f.getKey(), text, not(containsString("ActualVictimOfTrafficking")));
    }
    // the counts add up by construction: no level-2 error
    assertThat(release.findings().stream().filter(f -> f.level() == 2 && f.severity() == Severity.ERROR).toList(), empty());
    String manifest = new String(files.get(ReleaseWriter.MANIFEST), StandardCharsets.UTF_8);
    assertThat(manifest, containsString("\"harmonised\" : 10"));
    assertThat(manifest, containsString("\"reconciled\" : true"));
  }

  @Test
  void theSameRecordsAsCsvAndAsAJsonArrayGiveTheSameCells() {
    String csv = """
        cas_Id,rep_Country,prs_LegalStatus,cas_RegistrationDate,vic_TraffickingStatus,vic_TraffickingStatusDecisionMakingOrg,prs_Gender,prs_Birthdate,prs_Age,prs_Citizenship,vic_TypeOfExploitation
        FR-2,FR,Victim,2019-03-01,ActualVictimOfTrafficking,NGO,Masculine,2003-01-10,,DE,ForcedLabour;ForcedBegging
        FR-3,FR,Victim,2019-09-15,PossibleVictimOfTrafficking,NGO,Feminine,,,GB,SexualExploitation;ForcedLabour
        FR-4,FR,Victim,2019-11-20,ActualVictimOfTrafficking,CourtOrProsecution,NonSpecifiedUnknown,,17,XX,
        """;
    String json = "[\n" + String.join(",\n", RECORDS.lines().skip(1).limit(3).toList()) + "\n]\n";
    String ndjson = String.join("\n", RECORDS.lines().skip(1).limit(3).toList()) + "\n";
    FileResult fromCsv = processor.process("THB_cases_FR_x.csv", csv.getBytes(StandardCharsets.UTF_8));
    FileResult fromJson = processor.process("THB_cases_FR_x.json", json.getBytes(StandardCharsets.UTF_8));
    FileResult fromNdjson = processor.process("THB_cases_FR_x.ndjson", ndjson.getBytes(StandardCharsets.UTF_8));
    assertThat(fromCsv.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), empty());
    assertThat(values(fromCsv), equalTo(values(fromNdjson)));
    assertThat(values(fromJson), equalTo(values(fromNdjson)));
    assertThat(v(fromCsv.observations(), victims("2019", "T", "TOTAL", "TOTAL", "LAB")), is(2.0));
    assertThat(v(fromCsv.observations(), victims("2019", "T", "TOTAL", "TOTAL", "UNK")), is(1.0));
    assertThat(fromJson.report().recordsRead(), is(3L));
  }

  @Test
  void aRecordOfAnAggregateOrAnUnknownCountryIsRejected() {
    String records = RECORDS.lines().limit(1).map(l -> l.replace("\"rep_Country\":\"FR\"", "\"rep_Country\":\"EU27_2020\"")).findFirst().orElseThrow()
        + "\n" + RECORDS.lines().limit(1).map(l -> l.replace("\"rep_Country\":\"FR\"", "\"rep_Country\":\"gr\"")).findFirst().orElseThrow() + "\n";
    FileResult r = processor.process("THB_cases_x.ndjson", records.getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings().stream().map(f -> f.ruleId() + "@" + f.line() + ":" + f.column() + "=" + f.value()).toList(),
        contains("CASE_CODE_UNMAPPED@1:rep_Country=EU27_2020"));
    // an ISO code (GR, in any case) gives the Eurostat geo code (EL)
    assertThat(v(r.observations(), TestData.key("EL", "2019", "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", "NR")), is(1.0));
    assertThat(r.report().country(), is("EL"));
  }

  private static List<String> values(FileResult r) {
    return r.observations().stream().map(o -> o.key() + "=" + o.value()).toList();
  }
}
