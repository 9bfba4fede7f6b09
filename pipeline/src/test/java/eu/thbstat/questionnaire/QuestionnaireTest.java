package eu.thbstat.questionnaire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questionnaire workbook: the template, reading it back, the round trip from a cube, and every way a workbook goes wrong. */
class QuestionnaireTest {
  @TempDir static Path dir;
  private static ReferenceData ref;
  private static final List<Integer> MT_YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024);

  private static String mapping(String id, String country, String pattern) {
    return "id: " + id + "\ncountry: " + country + "\nfiles: [\"" + pattern + "\"]\nformat: xlsx\n";
  }

  @BeforeAll
  static void load() {
    ref = ReferenceDataLoader.load(TestData.homeWith(dir, Map.of(
        "XX-q-mt.yaml", mapping("XX-q-mt", "MT", "MT_*.xlsx"),
        "XX-q-nl.yaml", mapping("XX-q-nl", "NL", "NL_*.xlsx"),
        "XX-q-de.yaml", mapping("XX-q-de", "DE", "DE_*.xlsx"))));
  }

  private static byte[] template(String country, List<Integer> years) {
    return QuestionnaireWriter.write(ref, country, years, QuestionnaireWriter.Contents.empty());
  }

  private static FileResult read(String name, byte[] workbook) {
    return new SubmissionProcessor(ref).process(name, workbook);
  }

  private static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(XSSFWorkbook wb, String sheet, int row, int column, Object value) {
    Sheet s = wb.getSheet(sheet);
    Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
    if (value instanceof Number n) {
      r.createCell(column).setCellValue(n.doubleValue());
    } else {
      r.createCell(column).setCellValue(value.toString());
    }
  }

  private static List<String> rules(FileResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.line() + (f.column().isEmpty() ? "" : ":" + f.column())).toList();
  }

  /**
   * Cells one year asks for: 16 (sex x age), 5 - 1 (citizenship; all victims are in the first
   * table), 20 - 4 (form x sex; all forms by sex are in the first table), 3 - 1 (status), 3 x 20
   * (suspects, prosecuted, convicted by sex x citizenship).
   */
  private static final int CELLS_A_YEAR = 16 + 4 + 16 + 2 + 3 * 20;

  @Test
  void theTemplateHasASheetPerTableWithLabelsAndCodes() throws IOException {
    byte[] bytes = template("MT", MT_YEARS);
    assertThat("the same bytes every time", bytes, equalTo(template("MT", MT_YEARS)));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      List<String> names = IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
      assertThat(names, contains("INSTRUCTIONS", "VICT_SEX_AGE", "VICT_CITIZEN", "VICT_EXPLOITATION", "VICT_STATUS",
          "SUSP_SEX_CITIZEN", "PRSC_SEX_CITIZEN", "CNV_SEX_CITIZEN", "DEFINITIONS"));
      assertThat(wb.getSheet("INSTRUCTIONS").getRow(2).getCell(1).getStringCellValue(), is("MT"));
      assertThat(wb.getSheet("INSTRUCTIONS").getRow(2).getCell(2).getStringCellValue(), is("Malta"));
      Sheet sexAge = wb.getSheet("VICT_SEX_AGE");
      assertThat(sexAge.getRow(0).getCell(0).getStringCellValue(), is("Registered victims by sex and age"));
      assertThat(sexAge.getRow(3).getCell(3).getStringCellValue(), is("Less than 18 years"));
      assertThat(sexAge.getRow(4).getCell(0).getStringCellValue(), is("time"));
      assertThat(sexAge.getRow(4).getCell(1).getStringCellValue(), is("sex"));
      assertThat(sexAge.getRow(4).getCell(2).getStringCellValue(), is("age"));
      assertThat(sexAge.getRow(4).getCell(3).getStringCellValue(), is("Y_LT18"));
      assertThat(sexAge.getRow(5).getCell(0).getNumericCellValue(), is(2019.0));
      assertThat(sexAge.getRow(5).getCell(1).getStringCellValue(), is("F"));
      assertThat(sexAge.getRow(5).getCell(2).getStringCellValue(), is("Females"));
      // 6 years x 4 sexes: the last row is row 29, 2024 x T
      assertThat(sexAge.getLastRowNum(), is(28));
      assertThat(sexAge.getRow(28).getCell(1).getStringCellValue(), is("T"));
      Sheet citizen = wb.getSheet("VICT_CITIZEN");
      assertThat(citizen.getRow(3).getCell(4).getStringCellValue(),
          is("EU28 countries (2013-2020) except reporting country / EU27 countries (from 2020) except reporting country"));
      assertThat(citizen.getRow(4).getCell(4).getStringCellValue(), is("EU27_2020_FOR"));
      assertThat(citizen.getRow(5).getCell(1).getStringCellValue(), is(""));
      Sheet definitions = wb.getSheet("DEFINITIONS");
      assertThat(definitions.getRow(2).getCell(0).getStringCellValue(), is("NATIONAL DEFINITIONS"));
      assertThat(definitions.getRow(5).getCell(0).getStringCellValue(), is("counting_unit"));
      assertThat(definitions.getRow(5).getCell(1).getStringCellValue(), is("What one unit of the count is"));
    }
  }

  @Test
  void aBlankTemplateReadsAsCellsNotAvailable() {
    FileResult r = read("MT_blank.xlsx", template("MT", List.of(2019)));
    assertThat(r.findings(), empty());
    assertThat(r.report().recordsRead(), is((long) CELLS_A_YEAR));
    assertThat(r.observations().size(), is(CELLS_A_YEAR));
    assertThat(r.observations().stream().map(Observation::value).toList(), everyItem(nullValue()));
    // 2019: the EU28 citizenship groups
    assertThat(r.observations().stream().map(o -> o.key().toString()).toList(), hasItem("MT.2019.PER_VICT.TOTAL.T.TOTAL.EU28_FOR.TOTAL.NR"));
    assertThat(r.observations().get(0).line(), is(6L));
  }

  @Test
  void figuresFlagsZeroAndTextInACountCell() {
    byte[] filled = edit(template("MT", List.of(2022)), wb -> {
      set(wb, "VICT_SEX_AGE", 5, 3, "12 p"); // F x Y_LT18
      set(wb, "VICT_SEX_AGE", 5, 4, 0); // F x Y_GE18
      set(wb, "VICT_SEX_AGE", 6, 3, "veel"); // M x Y_LT18: text
      set(wb, "VICT_SEX_AGE", 6, 6, 3.5); // M x TOTAL: not whole
    });
    FileResult r = read("MT_filled.xlsx", filled);
    assertThat(rules(r), contains("VALUE_NOT_NUMERIC@7:VICT_SEX_AGE!D7", "VALUE_NOT_INTEGER@7:VICT_SEX_AGE!G7"));
    Finding text = r.findings().get(0);
    assertThat(text.message(), is("\"veel\" in column \"VICT_SEX_AGE!D7\" is not a number"));
    assertThat(text.key(), is("MT.2022.PER_VICT.TOTAL.M.Y_LT18.TOTAL.TOTAL.NR"));
    assertThat(text.hint(), containsString("leave the cell empty or write one of \":\" when the figure is not available, and 0 when there are none"));
    assertThat(r.quarantine().stream().map(q -> q.column() + "=" + q.rawRecord()).toList(), contains("VICT_SEX_AGE!D7=veel", "VICT_SEX_AGE!G7=3.5"));
    Map<String, Observation> cells = new HashMap<>();
    r.observations().forEach(o -> cells.put(o.key().toString(), o));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.F.Y_LT18.TOTAL.TOTAL.NR").value(), is(12.0));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.F.Y_LT18.TOTAL.TOTAL.NR").flags(), is("p"));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.F.Y_GE18.TOTAL.TOTAL.NR").value(), is(0.0));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.F.UNK.TOTAL.TOTAL.NR").value(), nullValue());
    assertThat(r.report().recordsRead(), is((long) CELLS_A_YEAR));
    assertThat(r.observations().size() + r.quarantine().size(), is(CELLS_A_YEAR));
  }

  /** The release of one sample file, and the cells of the questionnaire's tables it has, by key. */
  private static Map<CellKey, Observation> cube(String sample) {
    Release release = TestData.harmonise(TestData.sampleInputs().resolve(sample));
    Map<CellKey, Observation> cells = new HashMap<>();
    release.observations().forEach(o -> cells.put(o.key(), o));
    return cells;
  }

  private static void roundTrip(String sample, String country, List<Integer> years, String name, int figures) {
    Map<CellKey, Observation> cube = cube(sample);
    byte[] workbook = QuestionnaireWriter.write(ref, country, years, new QuestionnaireWriter.Contents(cube, Map.of(), List.of(), List.of()));
    FileResult back = read(name, workbook);
    assertThat(back.findings(), empty());
    Map<CellKey, Observation> read = new HashMap<>();
    back.observations().forEach(o -> read.put(o.key(), o));
    List<String> expected = new ArrayList<>();
    List<String> found = new ArrayList<>();
    int given = 0;
    java.util.Set<CellKey> asked = new java.util.LinkedHashSet<>();
    ref.tables().forEach(t -> years.forEach(y -> asked.addAll(t.cells(ref.model(), ref.seeds(), country, y))));
    for (CellKey k : asked) {
      {
        {
          Observation o = cube.get(k);
          given += o == null || o.value() == null ? 0 : 1;
          expected.add(k + " = " + (o == null || o.value() == null ? ":" : o.value()) + " " + (o == null ? "" : o.flags()));
          Observation b = read.get(k);
          found.add(k + " = " + (b == null ? "missing" : b.value() == null ? ":" : b.value()) + " " + (b == null ? "" : b.flags()));
        }
      }
    }
    assertThat(found, equalTo(expected));
    assertThat("figures compared (the others are blanks)", given, is(figures));
    assertThat(back.observations().size(), is(expected.size()));
  }

  @Test
  void aWorkbookWrittenFromTheCubeReadsBackAsTheSameCube() {
    // NL (synthetic), flags p in 2023. Figures a year: 16 sex x age, 4 citizenship groups, 4 forms
    // (for both sexes only), 3 x 4 suspects, prosecuted, convicted by sex: 36, x 4 years.
    roundTrip("NL/NL_mensenhandel_2020-2023.csv", "NL", List.of(2020, 2021, 2022, 2023), "NL_roundtrip.xlsx", 144);
    // DE (real), flags d and r. Figures a year: victims F, M, T; sexual and labour exploitation by
    // F, M, UNK, T: 11, but 10 in 2010 (unknown sex, labour: "." in the file, not available).
    roundTrip("DE/DE_indicator_16-2-2.csv", "DE", List.of(2010, 2022, 2023), "DE_roundtrip.xlsx", 10 + 11 + 11);
  }

  @Test
  void aMissingSheetAndAnUnknownSheetAreWarningsAndTheOtherSheetsAreRead() {
    byte[] workbook = edit(template("MT", List.of(2022)), wb -> {
      wb.removeSheetAt(wb.getSheetIndex("SUSP_SEX_CITIZEN"));
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("call Maria about 2021");
      set(wb, "VICT_STATUS", 5, 5, 22);
    });
    FileResult r = read("MT_sheets.xlsx", workbook);
    assertThat(rules(r), containsInAnyOrder("XLSX_SHEET_UNKNOWN@0:Notes", "XLSX_SHEET_MISSING@0:SUSP_SEX_CITIZEN"));
    assertThat(r.findings().stream().filter(f -> f.ruleId().equals("XLSX_SHEET_MISSING")).findFirst().orElseThrow().message(),
        is("Sheet \"SUSP_SEX_CITIZEN\" of the questionnaire is missing: its table (Suspected persons by sex and citizenship) is not provided"));
    assertThat(r.report().recordsRead(), is((long) CELLS_A_YEAR - 20));
    assertThat(r.observations().stream().filter(o -> o.value() != null).map(o -> o.key() + "=" + o.value()).toList(),
        contains("MT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR=22.0"));
  }

  @Test
  void aZipBombIsNotOpened() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template("MT", List.of(2022))));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 15; i++) {
        zip.write(zeros); // 15 MB of zeros, about 15 kB compressed
      }
      zip.closeEntry();
    }
    FileResult r = read("MT_bomb.xlsx", out.toByteArray());
    assertThat(rules(r), contains("XLSX_UNSAFE@0"));
    assertThat(r.findings().get(0).message(), containsString("The workbook is not opened: it expands far beyond its size, as a zip bomb does"));
    assertThat(r.report().status(), is("REJECTED"));
    assertThat(r.observations(), empty());
  }

  @Test
  void anOversizedSheetIsNotReadAndTheOthersAre() {
    byte[] workbook = edit(template("MT", List.of(2022)), wb -> set(wb, "VICT_STATUS", 4999, 0, "x"));
    FileResult r = read("MT_big.xlsx", workbook);
    assertThat(rules(r), contains("XLSX_SHEET_TOO_LARGE@0:VICT_STATUS"));
    assertThat(r.findings().get(0).message(), is("Sheet \"VICT_STATUS\" is not read: it uses 5000 rows and 6 columns, beyond the limit of 2000 rows and 60 columns"));
    assertThat(r.report().recordsRead(), is((long) CELLS_A_YEAR - 2));
    assertThat(r.report().status(), is("PARTIAL"));
  }

  @Test
  void aChangedLayoutIsNamedByItsCell() {
    byte[] workbook = edit(template("MT", List.of(2021, 2022)), wb -> {
      set(wb, "VICT_CITIZEN", 4, 5, "NONEU"); // a column code changed: the sheet is not read
      set(wb, "VICT_SEX_AGE", 6, 1, "X"); // a row code changed: that row is not read
      set(wb, "VICT_SEX_AGE", 6, 3, 5);
      set(wb, "VICT_STATUS", 5, 8, "see note"); // beside the table
    });
    FileResult r = read("MT_layout.xlsx", workbook);
    assertThat(rules(r), contains("XLSX_LAYOUT@7:VICT_SEX_AGE!B7", "XLSX_LAYOUT@5:VICT_CITIZEN!F5", "XLSX_LAYOUT@6:VICT_STATUS!I6"));
    assertThat(r.findings().get(1).message(), is("Cell VICT_CITIZEN!F5 holds \"NONEU\" where the questionnaire has \"NEU27_2020_FOR\"; the sheet's figures are not read"));
    assertThat(r.findings().get(0).message(), is("Cell VICT_SEX_AGE!B7 holds \"X\" where the questionnaire has \"F or M or UNK or T\"; the row's figures are not read"));
    assertThat(r.quarantine().stream().map(q -> q.column() + "=" + q.rawRecord()).toList(), contains("VICT_SEX_AGE!D7=5", "VICT_SEX_AGE!E7=", "VICT_SEX_AGE!F7=", "VICT_SEX_AGE!G7="));
    // VICT_CITIZEN is not read: 2 x 4 cells of its own fewer. The 2021 row of males (row 7) is
    // quarantined without a key (its code is wrong), so VICT_EXPLOITATION's echo of its total, blank,
    // is read as that cell: 1 more.
    assertThat(r.report().recordsRead(), is(2L * CELLS_A_YEAR - 2 * 4 + 1));
  }

  @Test
  void aWorkbookOfAnotherCountryOrNotAWorkbookIsRejected() {
    FileResult other = read("MT_other.xlsx", template("CY", List.of(2022)));
    assertThat(rules(other), contains("XLSX_COUNTRY@3:INSTRUCTIONS!B3"));
    assertThat(other.findings().get(0).message(), is("The workbook is for country \"CY\" (cell INSTRUCTIONS!B3), but mapping XX-q-mt reads the files of MT"));
    assertThat(other.observations(), empty());
    FileResult csv = read("MT_csv.xlsx", "year,value\n2022,5\n".getBytes(StandardCharsets.UTF_8));
    assertThat(rules(csv), contains("XLSX_UNREADABLE@0"));
    assertThat(csv.report().status(), is("REJECTED"));
  }

  @Test
  void theDefinitionsSheetGivesDefinitionsBreaksAndFootnotes() {
    byte[] workbook = edit(template("MT", List.of(2019, 2020)), wb -> {
      Sheet d = wb.getSheet("DEFINITIONS");
      int countingUnit = 5;
      assertThat(d.getRow(countingUnit).getCell(0).getStringCellValue(), is("counting_unit"));
      set(wb, "DEFINITIONS", countingUnit, 2, "CASES");
      set(wb, "DEFINITIONS", countingUnit, 4, 2019);
      set(wb, "DEFINITIONS", 8, 0, "counting_unit"); // a spare row: the definition from 2020
      set(wb, "DEFINITIONS", 8, 2, "PERSONS");
      set(wb, "DEFINITIONS", 8, 3, 2020);
      set(wb, "DEFINITIONS", 4, 2, "AGE_AT_SOMETHING");
      int footnotes = IntStream.rangeClosed(0, d.getLastRowNum())
          .filter(i -> d.getRow(i) != null && d.getRow(i).getCell(0) != null && "FOOTNOTES".equals(d.getRow(i).getCell(0).getStringCellValue()))
          .findFirst().orElseThrow() + 2;
      set(wb, "DEFINITIONS", footnotes, 0, "VICT_CITIZEN");
      set(wb, "DEFINITIONS", footnotes, 1, 2020);
      set(wb, "DEFINITIONS", footnotes, 2, "citizen=NAT");
      set(wb, "DEFINITIONS", footnotes, 3, "Includes three Maltese minors.");
      set(wb, "DEFINITIONS", footnotes + 1, 0, "VICT_NOWHERE");
      set(wb, "DEFINITIONS", footnotes + 1, 3, "Lost note.");
      set(wb, "VICT_CITIZEN", 5, 3, 0);
      set(wb, "VICT_CITIZEN", 6, 3, 3);
    });
    FileResult r = read("MT_definitions.xlsx", workbook);
    assertThat(r.findings().stream().map(Finding::ruleId).toList(), contains("XLSX_DEFINITION_UNKNOWN", "XLSX_FOOTNOTE_TARGET"));
    assertThat(r.findings().get(0).column(), is("DEFINITIONS!C5"));
    assertThat(r.findings().get(1).message(), containsString("\"Lost note.\" names the table \"VICT_NOWHERE\""));
    Map<String, Observation> cells = new HashMap<>();
    r.observations().forEach(o -> cells.put(o.key().toString(), o));
    Observation nat2019 = cells.get("MT.2019.PER_VICT.TOTAL.T.TOTAL.NAT.TOTAL.NR");
    assertThat(nat2019.flags(), is("d"));
    assertThat(nat2019.footnotes(), contains("XX-q-mt#counting_unit=CASES"));
    Observation nat2020 = cells.get("MT.2020.PER_VICT.TOTAL.T.TOTAL.NAT.TOTAL.NR");
    assertThat(nat2020.value(), is(3.0));
    assertThat(nat2020.flags(), is("b"));
    String note = eu.thbstat.reference.MappingFootnotes.workbookId(ref.mapping("XX-q-mt"), "Includes three Maltese minors.");
    assertThat(nat2020.footnotes(), contains("XX-q-mt#break:counting_unit", note));
    assertThat(cells.get("MT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").footnotes(), contains("XX-q-mt#break:counting_unit"));
    assertThat(r.report().footnotes().get(note), is("Includes three Maltese minors."));
    // the workbook's own footnote reaches footnotes.csv
    Release release = new LocalHarmoniser(ref).harmonise(List.of(new LocalHarmoniser.Input("MT_definitions.xlsx", workbook, null)));
    String csv = new String(ReleaseWriter.render(release, ref, new RunInfo("test", "test", "test")).get(ReleaseWriter.FOOTNOTES_CSV), StandardCharsets.UTF_8);
    assertThat(csv, containsString(note + ",MT,Includes three Maltese minors.\n"));
    assertThat(csv, containsString("XX-q-mt#counting_unit=CASES,MT,\"Cases are counted, not persons; a case may involve several persons.\"\n"));
  }

  static Mapping unused() {
    return null;
  }
}
