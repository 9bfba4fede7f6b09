package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report on the sample inputs (harmonised as thbstat run does, written as a release): every
 * table T1-T8 in HTML, CSV and XLSX, and every number of the HTML equal to the release's cube.csv,
 * read back from the page's text.
 */
class SampleReportTest {
  private static final List<String> TABLES = List.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8");
  private static Path release;
  private static Path out;
  private static Map<String, byte[]> files;
  private static Document html;

  @BeforeAll
  static void report() {
    release = ReportTestData.sampleRelease();
    files = ReportTestData.sampleReport();
    out = ReportTestData.sampleReportFolder();
    html = Jsoup.parse(new String(files.get(ReportWriter.HTML), StandardCharsets.UTF_8));
  }

  /** The cube of the release the report read, as written: key to {value, flags}. */
  private static Map<String, String[]> cube() throws IOException {
    String cubeFile = Files.isRegularFile(release.resolve(ReleaseReader.PUBLIC_CUBE)) ? ReleaseReader.PUBLIC_CUBE : ReleaseReader.CUBE;
    Map<String, String[]> cells = new HashMap<>();
    try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(release.resolve(cubeFile)))) {
      for (CSVRecord r : parser) {
        String key = String.join(".", r.get("geo"), r.get("time"), r.get("leg_stat"), r.get("victim_status"), r.get("sex"),
            r.get("age"), r.get("citizen"), r.get("exploitation"), r.get("unit"));
        cells.put(key, new String[] {r.get("obs_value"), r.get("obs_flag")});
      }
    }
    return cells;
  }

  @Test
  void everyTableIsInTheHtmlAndHasACsvAndAnXlsx() throws IOException {
    for (String id : TABLES) {
      assertThat(id, html.select("table#" + id).size(), equalTo(1));
      assertThat(id, html.select("table#" + id + " tbody tr").size(), greaterThan(0));
      assertTrue(Files.size(out.resolve("tables/" + id + ".csv")) > 100, id + ".csv");
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables/" + id + ".xlsx")))) {
        assertThat(wb.getSheetAt(0).getSheetName(), equalTo(id));
      }
      assertThat(html.select("a[href=tables/" + id + ".csv]").size(), equalTo(1));
    }
    for (String chart : List.of("C1", "C2", "C3")) {
      assertThat(chart, html.select("figure#" + chart + " svg rect[data-series]").size(), greaterThan(0));
    }
  }

  @Test
  void everyNumberInTheHtmlIsTheReleasesValueWithItsFlags() throws IOException {
    Map<String, String[]> cube = cube();
    int compared = 0;
    int available = 0;
    for (Element td : html.select("td[data-key]")) {
      String key = td.attr("data-key");
      String shown = td.selectFirst("span.v").text().replace(" ", "").replace(" ", "");
      Element flag = td.selectFirst("span.flag");
      String flags = flag == null ? "" : flag.text();
      String[] expected = cube.get(key);
      if (expected == null) {
        assertEquals(":", shown, key + " is not in the cube: the report must print ':'");
        assertEquals("", flags, key);
      } else {
        assertEquals(expected[0], shown, key);
        assertEquals(expected[1], flags, key);
        if (!shown.equals(":")) {
          available++;
        }
      }
      compared++;
    }
    assertThat(compared, greaterThan(300));
    assertThat(available, greaterThan(150));
  }

  @Test
  void handCheckedFiguresOfTheSampleInputs() {
    // Germany 2022 (real, Destatis): 1 495 victims, definition differs; 1 495 / 83 237 124 * 1e6 = 17.96 per million.
    assertThat(cell("T1", "DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), equalTo("1 495 d"));
    assertThat(cell("T1", "DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_MHAB"), equalTo("18.0 d"));
    // Netherlands (synthetic, EXPECTED.md): 1 102 in 2021 = 63.1 per million of 17 475 415.
    assertThat(cell("T1", "NL.2021.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), equalTo("1 102"));
    assertThat(cell("T1", "NL.2021.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_MHAB"), equalTo("63.1"));
    assertThat(cell("T3", "NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.NR"), equalTo("497"));
    assertThat(cell("T3", "DE.2022.PER_VICT.TOTAL.M.TOTAL.TOTAL.LAB_SERV.NR"), equalTo("747 d"));
    assertThat(cell("T4", "EL.2022.PER_VICT.TOTAL.T.Y_LT18.TOTAL.TOTAL.NR"), equalTo("50"));
    assertThat(cell("T5", "NL.2022.PER_VICT.TOTAL.T.TOTAL.EU27_2020_FOR.TOTAL.NR"), equalTo("273"));
    assertThat(cell("T6", "NL.2022.PER_PRSC._Z.T.TOTAL.TOTAL.TOTAL.NR"), equalTo("204"));
    // The report reads the public cube: a count the small-count protection suppressed is ': c'.
    assertThat(cell("T6", "NL.2022.PER_PRSC._Z.F.TOTAL.TOTAL.TOTAL.NR"), equalTo(": c"));
    assertThat(cell("T6", "PL.2022.PER_CNV._Z.M.TOTAL.TOTAL.TOTAL.NR"), equalTo("39"));
    // The UK left the EU: its 2022 cells do not exist, printed ':'.
    assertThat(cell("T1", "UK.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), equalTo(":"));
  }

  @Test
  void footnoteMarksReferToTheTextsUnderTheTable() {
    // "Conclusion of two major cases in 2022." is on the German 2022 cells only: marked on the cell.
    Element de2022 = html.selectFirst("table#T1 td[data-key=\"DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR\"]");
    String mark = de2022.selectFirst("sup.fn").text();
    Element section = html.selectFirst("section#sec-T1");
    List<String> notes = section.select("ol.footnotes li").eachText();
    assertThat(notes, hasItem(mark + " Conclusion of two major cases in 2022."));
    // The national definitions of Germany are on every German cell: marked once on the row label.
    Element deRow = html.selectFirst("table#T1 tr[data-row=DE]");
    List<String> rowMarks = deRow.select("th sup.fn").eachText();
    assertThat(rowMarks.size(), equalTo(4));
    for (String m : rowMarks) {
      assertThat(notes.stream().anyMatch(n -> n.startsWith(m + " ")), equalTo(true));
    }
    assertThat(notes, hasItem(containsString("Only formally identified victims are counted")));
    assertThat(section.selectFirst("p.legend").text(), containsString("d definition differs (see metadata)"));
  }

  @Test
  void availabilityAndComparabilityTables() {
    // Netherlands gives every cell of victims by sex and age; Greece 7 of 16 (sex and age separately).
    assertThat(row("T7", "NL | 2022").get(0), equalTo("16/16"));
    assertThat(row("T7", "EL | 2022").get(0), equalTo("7/16"));
    assertThat(row("T7", "PL | 2022").get(3), equalTo("3/3"));
    List<String> de = row("T8", "DE");
    assertThat(de.get(0), equalTo("Persons, counted once per recording in the year"));
    assertThat(de.get(1), equalTo("Formally identified victims only"));
    Element deCell = html.select("table#T8 tr[data-row=DE] td").get(0);
    assertThat(deCell.className(), containsString("differs"));
    Element nlCell = html.select("table#T8 tr[data-row=NL] td").get(0);
    assertThat(nlCell.className(), not(containsString("differs")));
  }

  @Test
  void theCsvAndTheXlsxHoldTheNumbersOfTheHtml() throws IOException {
    for (String id : TABLES) {
      List<String> htmlCells = new ArrayList<>();
      for (Element td : html.select("table#" + id + " tbody td")) {
        htmlCells.add(td.selectFirst("span.v").text().replace(" ", ""));
      }
      List<String> csvCells = new ArrayList<>();
      try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(new String(files.get("tables/" + id + ".csv"), StandardCharsets.UTF_8)))) {
        for (CSVRecord r : parser) {
          csvCells.add(r.get("obs_value").replace(" ", ""));
        }
      }
      assertEquals(htmlCells, csvCells, id + ".csv");
      List<String> xlsxCells = new ArrayList<>();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get("tables/" + id + ".xlsx")))) {
        Sheet sheet = wb.getSheetAt(0);
        int stub = html.select("table#" + id + " thead tr").first().select("th.stub").size();
        int first = firstDataRow(sheet, html.selectFirst("table#" + id + " tbody tr th").text());
        int rows = html.select("table#" + id + " tbody tr").size();
        int columns = htmlCells.size() / rows;
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        for (int r = first; r < first + rows; r++) {
          for (int c = stub; c < stub + columns; c++) {
            org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(c);
            if (cell.getCellType() == CellType.NUMERIC) {
              // the number as the format shows it, without the flags and marks the format appends
              String shown = formatter.formatCellValue(cell).replace(",", "");
              xlsxCells.add(shown.split(" ")[0]);
            } else {
              xlsxCells.add(cell.getStringCellValue().split(" ")[0].replace(" ", ""));
            }
          }
        }
      }
      List<String> expected = htmlCells.stream().map(s -> s.split(" ")[0]).toList();
      if (!id.equals("T8")) {
        assertEquals(expected, xlsxCells, id + ".xlsx");
      }
    }
  }

  @Test
  void theReportIsTheSameRunAfterRun() {
    Map<String, byte[]> again = ReportWriter.render(ReportTestData.context(release, "2021-2022"),
        eu.thbstat.testing.TestData.home().resolve("reports/templates"), "test");
    assertEquals(files.keySet(), again.keySet());
    files.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
  }

  private static int firstDataRow(Sheet sheet, String firstLabel) {
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      var row = sheet.getRow(r);
      if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
          && row.getCell(0).getStringCellValue().startsWith(firstLabel.replaceAll("\\(\\d+\\)", "").trim())
          && r > 2) {
        return r;
      }
    }
    throw new AssertionError("no row " + firstLabel);
  }

  private static String cell(String table, String key) {
    Element td = html.selectFirst("table#" + table + " td[data-key=\"" + key + "\"]");
    if (td == null) {
      throw new AssertionError("no cell " + key + " in " + table);
    }
    Element flag = td.selectFirst("span.flag");
    return td.selectFirst("span.v").text() + (flag == null ? "" : " " + flag.text());
  }

  private static List<String> row(String table, String codes) {
    Element tr = html.selectFirst("table#" + table + " tr[data-row=\"" + codes + "\"]");
    if (tr == null) {
      throw new AssertionError("no row " + codes + " in " + table);
    }
    return tr.select("td").eachText();
  }
}
