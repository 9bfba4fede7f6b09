package eu.thbstat.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Severity;
import eu.thbstat.testing.TestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading one file: structure (level 0) and single cells (level 1), every problem located. */
class SubmissionProcessorTest {
  private final SubmissionProcessor processor = new SubmissionProcessor(TestData.ref());

  private static final String HEADER = "jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering\n";

  private FileResult nl(String rows) {
    return processor.process("NL/NL_mensenhandel_test.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rules(FileResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.line() + (f.column().isEmpty() ? "" : ":" + f.column())).toList();
  }

  @Test
  void theBrokenSubmissionGivesOneFindingPerBadRecordAndKeepsTheOthers() {
    FileResult r = processor.process("NL_mensenhandel_broken.csv", TestData.bytes(TestData.resource("broken/NL_mensenhandel_broken.csv")));
    assertThat(rules(r), contains("VALUE_NEGATIVE@7:aantal", "VALUE_NOT_NUMERIC@8:aantal", "CODE_UNMAPPED@9:geslacht"));
    assertThat(r.quarantine().stream().map(q -> q.line()).toList(), contains(7L, 8L, 9L));
    assertThat(r.quarantine().get(2).rawRecord(), is("2022;slachtoffer;anders;totaal;totaal;totaal;1;"));
    assertThat(r.observations().size(), is(7));
    assertThat(r.report().recordsRead(), is(10L));
    Finding unmapped = r.findings().get(2);
    assertThat(unmapped.country(), is("NL"));
    assertThat(unmapped.file(), is("NL_mensenhandel_broken.csv"));
    assertThat(unmapped.message(), is("\"anders\" in column \"geslacht\" is not a known sex code of mapping NL-mensenhandel-synthetic"));
    assertThat(unmapped.hint(), containsString("Use one of: man, onbekend, totaal, vrouw."));
  }

  @Test
  void zeroIsAValueAndAnEmptyCellIsNotAvailable() {
    FileResult r = nl("2022;verdachte;vrouw;totaal;totaal;totaal;0;\n2022;verdachte;man;totaal;totaal;totaal;;\n2022;verdachte;onbekend;totaal;totaal;totaal;x;\n");
    assertThat(r.findings(), empty());
    List<Observation> cells = r.observations();
    assertThat(cells.get(0).value(), is(0.0));
    assertThat(cells.get(1).value(), nullValue());
    assertThat(cells.get(2).value(), nullValue());
  }

  @Test
  void decimalCommaCountsMustBeWhole() {
    FileResult r = nl("2022;verdachte;vrouw;totaal;totaal;totaal;12,5;\n2022;verdachte;man;totaal;totaal;totaal;12,0;\n2022;verdachte;totaal;totaal;totaal;totaal;1.019;\n");
    assertThat(rules(r), contains("VALUE_NOT_INTEGER@2:aantal", "VALUE_NOT_NUMERIC@4:aantal"));
    assertThat(r.observations().get(0).value(), is(12.0));
  }

  @Test
  void nationalFlagsBecomeEurostatFlagsAndUnknownOnesAreWarnings() {
    FileResult r = nl("2023;verdachte;vrouw;totaal;totaal;totaal;5;v\n2023;verdachte;man;totaal;totaal;totaal;6;?\n");
    assertThat(r.observations().get(0).flags(), is("p"));
    assertThat(rules(r), contains("FLAG_UNKNOWN@3:markering"));
    assertThat(r.findings().get(0).severity(), is(Severity.WARNING));
    assertThat(r.observations().size(), is(2));
  }

  @Test
  void aRepeatedCellIsQuarantinedNamingTheFirst() {
    FileResult r = nl("2022;verdachte;vrouw;totaal;totaal;totaal;5;\n2022;verdachte;vrouw;totaal;totaal;totaal;6;\n");
    assertThat(rules(r), contains("KEY_DUPLICATE@3"));
    assertThat(r.findings().get(0).message(), containsString("first given at NL/NL_mensenhandel_test.csv:2"));
    assertThat(r.observations().get(0).value(), is(5.0));
    assertThat(r.quarantine().get(0).rawRecord(), is("2022;verdachte;vrouw;totaal;totaal;totaal;6;"));
  }

  @Test
  void aRaggedRowIsQuarantinedAndTheRestRead() {
    FileResult r = nl("2022;verdachte;vrouw;totaal;totaal;5\n2022;verdachte;man;totaal;totaal;totaal;6;\n");
    assertThat(rules(r), contains("RECORD_RAGGED@2"));
    assertThat(r.findings().get(0).message(), is("The row has 6 fields where the header has 8"));
    assertThat(r.observations().size(), is(1));
  }

  @Test
  void linesAreCountedAcrossBlankLinesAndQuotedLineBreaks() {
    FileResult r = nl("\n\n2022;verdachte;vrouw;totaal;totaal;totaal;-5;\n2022;\"verd\nachte\";man;totaal;totaal;totaal;6;\n\n2022;verdachte;onbekend;totaal;totaal;totaal;x1;\n");
    assertThat(rules(r), contains("VALUE_NEGATIVE@4:aantal", "CODE_UNMAPPED@5:status", "VALUE_NOT_NUMERIC@8:aantal"));
  }

  @Test
  void citizenshipGroupsMustBelongToTheEuOfTheYear() {
    FileResult r = nl("2019;slachtoffer;totaal;totaal;EU;totaal;5;\n2020;slachtoffer;totaal;totaal;EU;totaal;5;\n");
    assertThat(rules(r), contains("CITIZEN_EU_MISMATCH@2:nationaliteit"));
    assertThat(r.findings().get(0).message(), is("Citizenship group EU27_2020_FOR does not belong to 2019: the EU of that reference year is EU28"));
    assertThat(r.observations().size(), is(1));
  }

  @Test
  void aYearOutsideTheRangeOrNotAYearIsAnError() {
    FileResult r = nl("1999;verdachte;vrouw;totaal;totaal;totaal;5;\n20x2;verdachte;man;totaal;totaal;totaal;6;\n");
    assertThat(rules(r), contains("TIME_INVALID@2:jaar", "TIME_INVALID@3:jaar"));
  }

  @Test
  void aMissingColumnRejectsTheFileWithOneFinding() {
    FileResult r = processor.process("NL_mensenhandel_x.csv", "jaar;status;geslacht;leeftijd;uitbuiting;aantal\n2022;verdachte;vrouw;totaal;totaal;5\n".getBytes(StandardCharsets.UTF_8));
    assertThat(rules(r), containsInAnyOrder("FILE_MISSING_COLUMN@1", "FILE_MISSING_COLUMN@1"));
    assertThat(r.findings().get(0).message(), containsString("Column \"markering\""));
    assertThat(r.findings().get(1).message(), containsString("Column \"nationaliteit\""));
    assertThat(r.report().status(), is("REJECTED"));
    assertThat(r.observations(), empty());
  }

  @Test
  void bytesThatAreNotTheDeclaredEncodingAreNamedWithTheirLine() {
    byte[] latin1 = (HEADER + "2022;verdachte;vrouw;totaal;totaal;totaal;5;\n2022;verdachte;männlich;totaal;totaal;totaal;5;\n").getBytes(Charset.forName("ISO-8859-1"));
    FileResult r = processor.process("NL_mensenhandel_latin1.csv", latin1);
    assertThat(rules(r), contains("FILE_UNREADABLE@3"));
    assertThat(r.findings().get(0).message(), containsString("is not valid UTF-8 text"));
    assertThat(r.report().status(), is("REJECTED"));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHeader() {
    byte[] bom = ("\uFEFF" + HEADER + "2022;verdachte;vrouw;totaal;totaal;totaal;5;\n").getBytes(StandardCharsets.UTF_8);
    FileResult r = processor.process("NL_mensenhandel_bom.csv", bom);
    assertThat(r.findings(), empty());
    assertThat(r.observations().size(), is(1));
  }

  @Test
  void anUnbalancedQuoteStopsTheFileWithAFindingAndKeepsWhatCameBefore() {
    FileResult r = nl("2022;verdachte;vrouw;totaal;totaal;totaal;5;\n2022;verdachte;\"man;totaal;totaal;totaal;6;\n");
    assertThat(r.observations().size(), is(1));
    assertThat(r.findings().get(0).ruleId(), is("RECORD_UNBALANCED_QUOTE"));
    assertThat(r.findings().get(0).line(), is(3L));
    assertThat(r.report().status(), is("PARTIAL"));
  }

  @Test
  void aFileNoMappingAppliesToIsReportedNotDropped() {
    FileResult r = processor.process("FR/unknown.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(rules(r), contains("FILE_NO_MAPPING@0"));
    assertThat(r.report().status(), is("NO_MAPPING"));
  }

  @Test
  void caseRecordsThatAreNoDecodableTextAreAnUnreadableFileNotACrash() {
    // found by the Jazzer fuzz test: Jackson takes these bytes for UCS-4 of an unsupported byte order
    byte[] bytes = {0, 9, 0, 0, (byte) 0xcd, (byte) 0xcd, '\n'};
    FileResult r = processor.process("PT_otsh_casos_fuzz.ndjson", bytes);
    assertThat(r.findings().stream().map(Finding::ruleId).toList(), contains("FILE_UNREADABLE"));
    assertThat(r.report().status(), is("REJECTED"));
  }

  @Test
  void documentationIsIgnoredAndListed() {
    FileResult r = processor.process("README.md", "# notes".getBytes(StandardCharsets.UTF_8));
    assertThat(r.report().status(), is("IGNORED"));
    assertThat(r.findings(), empty());
  }

  @Test
  void wideLayoutsGiveOneRecordPerValueColumnWithInlineFlags() {
    String el = "Indicator,Breakdown,Category,2022,2023\nRegistered victims,By sex,Female,143,160 p\n";
    FileResult r = processor.process("EL_thb_victims_offenders_test.csv", el.getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings(), empty());
    assertThat(r.report().recordsRead(), is(2L));
    assertThat(r.observations().stream().map(o -> o.key().get(1) + "=" + o.value() + o.flags()).toList(), equalTo(List.of("2022=143.0", "2023=160.0p")));
  }
}
