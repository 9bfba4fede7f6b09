package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (String e : entries) {
        z.putNextEntry(new ZipEntry(e));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String format(byte[] c) {
    return ContentSniffer.sniff(c).format();
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theContentDecidesTheFormat() throws IOException {
    assertThat(format(TestData.bytes(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"))), is("csv"));
    assertThat(format(TestData.bytes(TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv"))), is("csv"));
    assertThat(format(text("\uFEFFDATAFLOW,GEO,TIME_PERIOD,OBS_VALUE\nESTAT:CRIM_THB(1.0),NL,2022,1\n")), is("sdmx-csv"));
    assertThat(format(text("STRUCTURE;STRUCTURE_ID;ACTION;GEO\n")), is("sdmx-csv"));
    assertThat(format(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")), is("xlsx"));
    assertThat(format(text("  [{\"geo\":\"NL\"}]")), is("json"));
    assertThat(format(text("{\"geo\":\"NL\",\"value\":1}\n{\"geo\":\"NL\",\"value\":2}\n")), is("ndjson"));
    assertThat(format(text("{\n  \"geo\": \"NL\"\n}\n")), is("json"));
  }

  @Test
  void whatThbstatDoesNotReadIsNamed() throws IOException {
    assertThat(ContentSniffer.sniff(new byte[0]).what(), is("an empty file"));
    assertThat(ContentSniffer.sniff(text("%PDF-1.7\n...")).what(), is("a PDF document"));
    assertThat(ContentSniffer.sniff(zip("word/document.xml")).what(), is("a Word document (DOCX)"));
    assertThat(ContentSniffer.sniff(zip("data.csv")).what(), is("a ZIP archive that is not an XLSX workbook"));
    assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0}).what(),
        is("an Excel 97-2003 (.xls) or other old Office file"));
    assertThat(ContentSniffer.sniff(new byte[] {'a', ',', 'b', 0, 'c'}).what(), is("binary data"));
    assertThat(ContentSniffer.sniff(text("just a note\nwithout columns\n")).what(), is("plain text without a delimiter (not CSV)"));
    assertThat(format(text("%PDF")), nullValue());
  }
}
