package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.output.RunInfo;
import eu.thbstat.questionnaire.QuestionnaireWriter;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run of the pipeline over a corpus of malformed files, made here, and one good file: every
 * malformed file gives findings that name its place (file, line, column or cell), and the good
 * file still harmonises. The files are named so that the repository's mappings read them.
 */
class MalformedCorpusTest {
  @TempDir static Path dir;
  private static final List<Map<String, String>> findings = new ArrayList<>();
  private static final Map<String, CSVRecord> cube = new HashMap<>();
  private static JsonNode manifest;

  private static final String NL_HEADER = "jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering\n";

  private static byte[] template(int year) {
    return QuestionnaireWriter.write(TestData.ref(), "MT", List.of(year), QuestionnaireWriter.Contents.empty());
  }

  private static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bomb(byte[] workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 15; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @BeforeAll
  static void runOverTheCorpus() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createDirectories(in.resolve("NL"));
    Files.createDirectories(in.resolve("MT"));
    Files.createDirectories(in.resolve("AT"));
    // the good file
    Files.copy(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"), in.resolve("NL/NL_mensenhandel_2020-2023.csv"));
    // bad encoding: Latin-1 bytes where the mapping says UTF-8 (line 3)
    Files.write(in.resolve("NL/NL_mensenhandel_latin1.csv"),
        (NL_HEADER + "2019;verdachte;vrouw;totaal;totaal;totaal;5;\n2019;verdachte;männlich;totaal;totaal;totaal;5;\n").getBytes(StandardCharsets.ISO_8859_1));
    // wrong delimiter: commas where the mapping says semicolons
    Files.writeString(in.resolve("NL/NL_mensenhandel_commas.csv"), NL_HEADER.replace(';', ',') + "2019,verdachte,vrouw,totaal,totaal,totaal,5,\n");
    // ragged row: line 3 has 6 fields; lines 2 and 4 are read
    Files.writeString(in.resolve("NL/NL_mensenhandel_ragged.csv"), NL_HEADER
        + "2019;verdachte;vrouw;totaal;totaal;totaal;5;\n2019;verdachte;man;totaal;totaal;6\n2019;verdachte;totaal;totaal;totaal;totaal;11;\n");
    // an SDMX-CSV mapping given a plain CSV
    Files.writeString(in.resolve("AT/AT_THB_plain.csv"), "REF_AREA,TIME_PERIOD,OBS_VALUE\nAT,2022,5\n");
    // workbooks, one reference year each so that they do not repeat each other's cells
    Files.write(in.resolve("MT/MT_unknown_sheet_2019.xlsx"), edit(template(2019), wb -> {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("figures to check");
      wb.getSheet("VICT_SEX_AGE").getRow(8).getCell(6).setCellValue(9);
    }));
    Files.write(in.resolve("MT/MT_text_2020.xlsx"), edit(template(2020), wb -> {
      wb.getSheet("VICT_SEX_AGE").getRow(6).getCell(3).setCellValue("three");
      wb.getSheet("VICT_SEX_AGE").getRow(8).getCell(6).setCellValue(12);
    }));
    Files.write(in.resolve("MT/MT_missing_sheet_2021.xlsx"), edit(template(2021), wb -> wb.removeSheetAt(wb.getSheetIndex("VICT_CITIZEN"))));
    Files.write(in.resolve("MT/MT_bomb_2022.xlsx"), bomb(template(2022)));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    Path out = dir.resolve("out");
    HarmonisePipeline.build(p, TestData.ref(), in.toString(), out.toString(), new RunInfo("test", "DirectRunner", "corpus"));
    p.run().waitUntilFinish();
    try (Reader r = Files.newBufferedReader(out.resolve("findings.csv"))) {
      for (CSVRecord f : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        findings.add(f.toMap());
      }
    }
    try (Reader r = Files.newBufferedReader(out.resolve("cube.csv"))) {
      for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        cube.put(String.join(".", c.toList().subList(0, 9)), c);
      }
    }
    manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  /** "rule file:line column" of every finding of a file. */
  private static List<String> of(String file) {
    return findings.stream().filter(f -> f.get("file").equals(file))
        .map(f -> f.get("rule") + " " + f.get("file") + ":" + f.get("line") + (f.get("column").isEmpty() ? "" : " " + f.get("column"))).toList();
  }

  private static String status(String file) {
    for (JsonNode f : manifest.path("files")) {
      if (f.path("file").asText().equals(file)) {
        return f.path("status").asText() + " read " + f.path("records_read").asLong() + " harmonised " + f.path("harmonised").asLong()
            + " quarantined " + f.path("quarantined").asLong();
      }
    }
    throw new AssertionError("no file " + file + " in the manifest");
  }

  @Test
  void everyMalformedFileGivesFindingsThatNameThePlace() {
    assertThat(of("NL/NL_mensenhandel_latin1.csv"), containsInAnyOrder("FILE_UNREADABLE NL/NL_mensenhandel_latin1.csv:3"));
    assertThat(of("NL/NL_mensenhandel_commas.csv"), containsInAnyOrder("FILE_DELIMITER NL/NL_mensenhandel_commas.csv:1"));
    assertThat(of("NL/NL_mensenhandel_ragged.csv"), containsInAnyOrder("RECORD_RAGGED NL/NL_mensenhandel_ragged.csv:3"));
    assertThat(of("AT/AT_THB_plain.csv"), containsInAnyOrder("FILE_NOT_SDMX_CSV AT/AT_THB_plain.csv:1"));
    assertThat(of("MT/MT_unknown_sheet_2019.xlsx"), containsInAnyOrder("XLSX_SHEET_UNKNOWN MT/MT_unknown_sheet_2019.xlsx:0 Notes"));
    assertThat(of("MT/MT_text_2020.xlsx"), containsInAnyOrder("VALUE_NOT_NUMERIC MT/MT_text_2020.xlsx:7 VICT_SEX_AGE!D7"));
    assertThat(of("MT/MT_missing_sheet_2021.xlsx"), containsInAnyOrder("XLSX_SHEET_MISSING MT/MT_missing_sheet_2021.xlsx:0 VICT_CITIZEN"));
    assertThat(of("MT/MT_bomb_2022.xlsx"), containsInAnyOrder("XLSX_UNSAFE MT/MT_bomb_2022.xlsx:0"));
    assertThat(findings.stream().filter(f -> f.get("file").endsWith("MT_text_2020.xlsx")).findFirst().orElseThrow().get("message"),
        is("\"three\" in column \"VICT_SEX_AGE!D7\" is not a number"));
  }

  @Test
  void whatCanBeReadIsReadAndEveryFileReconciles() {
    assertThat(status("NL/NL_mensenhandel_latin1.csv"), is("REJECTED read 0 harmonised 0 quarantined 0"));
    assertThat(status("NL/NL_mensenhandel_commas.csv"), is("REJECTED read 0 harmonised 0 quarantined 0"));
    assertThat(status("NL/NL_mensenhandel_ragged.csv"), is("READ read 3 harmonised 2 quarantined 1"));
    assertThat(status("MT/MT_bomb_2022.xlsx"), is("REJECTED read 0 harmonised 0 quarantined 0"));
    assertThat(status("MT/MT_text_2020.xlsx"), is("READ read 98 harmonised 97 quarantined 1"));
    assertThat(status("MT/MT_missing_sheet_2021.xlsx"), is("READ read 94 harmonised 94 quarantined 0"));
    assertThat(manifest.path("totals").path("reconciled").asBoolean(), is(true));
    assertThat(cube.get("NL.2019.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("11"));
    assertThat(cube.get("MT.2019.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("9"));
    assertThat(cube.get("MT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("12"));
  }

  @Test
  void theGoodFileStillHarmonises() {
    assertThat(status("NL/NL_mensenhandel_2020-2023.csv"), is("READ read 152 harmonised 152 quarantined 0"));
    assertThat(cube.get("NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_value"), is("1167"));
    assertThat(cube.get("NL.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("p"));
    assertThat(of("NL/NL_mensenhandel_2020-2023.csv"), hasItem("MULTI_FORM NL/NL_mensenhandel_2020-2023.csv:78"));
  }
}
