package eu.thbstat.ingest;

import static eu.thbstat.testing.HostileCorpus.GOOD_ROW;
import static eu.thbstat.testing.HostileCorpus.HEADER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellSource;
import eu.thbstat.model.Finding;
import eu.thbstat.output.RunInfo;
import eu.thbstat.release.ReleaseAssembly;
import eu.thbstat.testing.HostileCorpus;
import eu.thbstat.testing.TestData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus, file by file: each case gives its finding (where, what, how to fix),
 * nothing throws, the good rows of a damaged file are still read, and every CSV output neutralises
 * formula-like text.
 */
class HostileInputTest {
  private final SubmissionProcessor processor = new SubmissionProcessor(TestData.ref());
  private final Map<String, byte[]> corpus = HostileCorpus.cases();

  private FileResult read(String name) {
    return processor.process(name, corpus.get(name));
  }

  private static List<String> rules(FileResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.line() + (f.column().isEmpty() ? "" : ":" + f.column())).toList();
  }

  private static String message(FileResult r) {
    Finding f = r.findings().get(0);
    assertThat("a hint saying how to fix it", f.hint().isBlank(), is(false));
    return f.message();
  }

  @Test
  void anUnbalancedQuoteNamesTheLineItOpensOnAndKeepsTheRowsBefore() {
    FileResult r = read("NL/NL_mensenhandel_quote.csv");
    assertThat(rules(r), contains("RECORD_UNBALANCED_QUOTE@3"));
    assertThat(message(r), is("A quoted field opened on line 3 is never closed: the file cannot be read from line 3 on; the rows before it are read"));
    assertThat(r.observations().size(), is(1));
    assertThat(r.report().status(), is("PARTIAL"));
  }

  @Test
  void aRaggedRowIsQuarantinedAndTheRowsAfterItRead() {
    FileResult r = read("NL/NL_mensenhandel_ragged.csv");
    assertThat(rules(r), contains("RECORD_RAGGED@3"));
    assertThat(message(r), is("The row has 5 fields where the header has 8"));
    assertThat(r.observations().size(), is(2));
    assertThat(r.quarantine().get(0).rawRecord(), is("2022;verdachte;man;totaal;6"));
  }

  @Test
  void aWrongOrMixedEncodingNamesTheByteAndItsLine() {
    FileResult latin1 = read("NL/NL_mensenhandel_latin1.csv");
    assertThat(rules(latin1), contains("FILE_UNREADABLE@3"));
    // the byte 0xE9 is the 7th of line 3, after the header and one row (all ASCII)
    int offset = HEADER.length() + GOOD_ROW.length() + 7;
    assertThat(message(latin1), is("The file cannot be read: byte " + offset + " is not valid UTF-8 text; save the file as UTF-8 or declare its encoding in the mapping"));
    FileResult mixed = read("NL/NL_mensenhandel_mixed.csv");
    assertThat(rules(mixed), contains("FILE_UNREADABLE@4"));
    assertThat(mixed.report().status(), is("REJECTED"));
  }

  @Test
  void aUtf8ByteOrderMarkIsDroppedAndAUtf16OneIsNamed() {
    FileResult bom = read("NL/NL_mensenhandel_bom.csv");
    assertThat(bom.findings(), empty());
    assertThat(bom.observations().size(), is(1));
    FileResult utf16 = read("NL/NL_mensenhandel_utf16.csv");
    assertThat(rules(utf16), contains("FILE_UNREADABLE@1"));
    assertThat(message(utf16), is("The file cannot be read: it starts with a UTF-16LE byte-order mark, so it is UTF-16LE text, but the mapping declares UTF-8;"
        + " save the file as UTF-8 or declare encoding UTF-16LE in the mapping"));
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() {
    FileResult r = read("NL/NL_mensenhandel_empty.csv");
    assertThat(rules(r), contains("FILE_EMPTY@0"));
    assertThat(message(r), is("The file holds no data rows"));
    assertThat(r.report().status(), is("REJECTED"));
  }

  @Test
  void aBinaryFileIsNamedForWhatItIs() {
    assertThat(message(read("NL/NL_mensenhandel_png.csv")), is("The file is not text: it is a PNG image"));
    assertThat(message(read("NL/NL_mensenhandel_workbook.csv")), is("The file is not text: it is a ZIP archive (an XLSX workbook is one)"));
    FileResult nul = read("NL/NL_mensenhandel_nul.csv");
    assertThat(rules(nul), contains("FILE_BINARY@3"));
    assertThat(message(nul), is("The file is not text: it is binary data (a NUL byte at byte " + (HEADER.length() + GOOD_ROW.length() + 3) + ")"));
  }

  @Test
  void formulaLikeCellsAreRejectedAndNeutralisedInEveryCsvOutput() {
    String name = "NL/NL_mensenhandel_formula.csv";
    FileResult r = read(name);
    assertThat(rules(r), contains("CODE_UNMAPPED@3:geslacht", "VALUE_NOT_NUMERIC@4:aantal", "VALUE_NOT_NUMERIC@5:aantal", "VALUE_NOT_NUMERIC@6:aantal"));
    assertThat(r.observations().size(), is(1));
    // the whole release rendered, from a folder whose name itself looks like a formula
    String hostileFolder = "=1+1/" + name.substring(3);
    Release release = new LocalHarmoniser(TestData.ref()).harmonise(List.of(new LocalHarmoniser.Input(hostileFolder, corpus.get(name), null)));
    List<CellSource> sources = processor.process(hostileFolder, corpus.get(name)).sources();
    Map<String, byte[]> files = ReleaseAssembly.assemble(release, TestData.ref(), new RunInfo("test", "test", "@input"), sources, null, null, null).files();
    int cells = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!f.getKey().endsWith(".csv")) {
        continue;
      }
      for (CSVRecord rec : parse(f.getValue())) {
        for (String field : rec) {
          cells++;
          assertThat(f.getKey() + ": " + field, field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0, is(true));
        }
      }
    }
    assertThat(cells, not(0));
    String quarantine = new String(files.get("quarantine.csv"), StandardCharsets.UTF_8);
    assertThat(quarantine, containsString("'=1+1/NL_mensenhandel_formula.csv"));
    assertThat(new String(files.get("findings.csv"), StandardCharsets.UTF_8), containsString(",'+1+2,"));
  }

  private static List<CSVRecord> parse(byte[] csv) {
    try {
      return CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRepeatedColumnNameIsNamedWithItsPositions() {
    FileResult r = read("NL/NL_mensenhandel_dupheader.csv");
    assertThat(rules(r), contains("FILE_DUPLICATE_HEADER@1"));
    assertThat(message(r), is("Column \"aantal\" appears 2 times in the header (columns 7, 9); the file is not read"));
  }

  @Test
  void pathSeparatorsDotDotAndControlCharactersInNamesRejectTheFile() {
    assertThat(message(read("NL/..\\..\\NL_mensenhandel_escape.csv")),
        is("The file name \"NL/..\\..\\NL_mensenhandel_escape.csv\" holds a backslash (a Windows path separator); the file is not read"));
    assertThat(message(read("NL/NL_mensenhandel_bell\u0007.csv")),
        is("The file name \"NL/NL_mensenhandel_bell\\u0007.csv\" holds a control character (U+0007); the file is not read"));
    byte[] good = (HEADER + GOOD_ROW).getBytes(StandardCharsets.UTF_8);
    assertThat(message(processor.process("../NL_mensenhandel_x.csv", good)), containsString("holds a \"..\" path segment"));
    assertThat(message(processor.process("/etc/NL_mensenhandel_x.csv", good)), containsString("holds an absolute path"));
    assertThat(processor.process("NL/./NL_mensenhandel_x.csv", good, TestData.ref().mapping("NL-mensenhandel-synthetic")).report().status(), is("REJECTED"));
  }

  @Test
  void aHundredMegabyteLineIsLeftOutQuicklyAndTheOtherRowsRead() {
    byte[] huge = HostileCorpus.hugeLine();
    long start = System.nanoTime();
    FileResult r = processor.process("NL/NL_mensenhandel_huge.csv", huge);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(rules(r), contains("RECORD_TOO_LONG@3"));
    assertThat(message(r), is("The line has 104857600 bytes, more than the limit of 1048576; it is left out and the other lines are read"));
    assertThat(r.observations().size(), is(2));
    assertThat(r.report().status(), is("PARTIAL"));
    assertThat(seconds, lessThan(20.0));
  }

  @Test
  void aFileAboveTheSizeLimitIsNotRead() {
    SubmissionProcessor small = new SubmissionProcessor(TestData.ref(), new InputLimits(100, 50));
    FileResult r = small.process("NL/NL_mensenhandel_big.csv", (HEADER + GOOD_ROW + GOOD_ROW).getBytes(StandardCharsets.UTF_8));
    assertThat(rules(r), contains("FILE_TOO_LARGE@0"));
    assertThat(message(r), is("The file has " + (HEADER.length() + 2 * GOOD_ROW.length()) + " bytes, more than the limit of 100; it is not read"));
    List<String> lines = new ArrayList<>();
    r.findings().forEach(f -> lines.add(f.where()));
    assertThat(lines, contains("NL/NL_mensenhandel_big.csv"));
  }
}
