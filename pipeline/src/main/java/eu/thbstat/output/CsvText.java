package eu.thbstat.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV outputs: RFC 4180 quoting, "\n" line ends, UTF-8, text cells safe to open in a spreadsheet. */
public final class CsvText {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private CsvText() {}

  /**
   * Text that a spreadsheet would take for a formula (=, +, -, @ at the start) gets a leading
   * apostrophe, so that a national file cannot smuggle a formula into an analyst's workbook.
   */
  public static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  public static byte[] write(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
