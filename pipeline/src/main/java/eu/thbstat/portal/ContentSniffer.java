package eu.thbstat.portal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells an upload's format from its content, never from its name: an XLSX workbook (a ZIP holding
 * {@code xl/workbook.xml}), JSON or NDJSON (text starting with an object or array), SDMX-CSV (a CSV
 * whose first column is {@code DATAFLOW} or {@code STRUCTURE}), CSV (text with a delimiter), or
 * something thbstat does not read (a PDF, an image, another ZIP, an old binary Excel file, binary
 * data, plain text without delimiters, an empty file).
 */
public final class ContentSniffer {
  private ContentSniffer() {}

  /**
   * What the content is.
   *
   * @param format csv, sdmx-csv, xlsx, json or ndjson when thbstat reads that kind of file; null
   *     when it does not
   * @param what the kind of content in words, for a finding ("a PDF document")
   * @param extension the extension the stored copy gets
   */
  public record Sniffed(String format, String what, String extension) {
    public boolean supported() {
      return format != null;
    }

    /** The family of formats whose mappings may read it: csv, xlsx or json. */
    public String family() {
      return format == null ? "" : familyOf(format);
    }
  }

  /** The family of a format name (of a sniffed file or of a mapping's {@code format}). */
  public static String familyOf(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.contains("xls")) {
      return "xlsx";
    }
    if (f.contains("json")) {
      return "json";
    }
    return "csv";
  }

  private static final int LOOK = 64 * 1024;

  public static Sniffed sniff(byte[] c) {
    if (c.length == 0) {
      return new Sniffed(null, "an empty file", "bin");
    }
    if (starts(c, 0x50, 0x4B, 0x03, 0x04) || starts(c, 0x50, 0x4B, 0x05, 0x06)) {
      // entry names are stored uncompressed in the local headers and the central directory
      if (contains(c, "xl/workbook.xml")) {
        return new Sniffed("xlsx", "an XLSX workbook", "xlsx");
      }
      if (contains(c, "word/document.xml")) {
        return new Sniffed(null, "a Word document (DOCX)", "zip");
      }
      if (contains(c, "application/vnd.oasis.opendocument.spreadsheet")) {
        return new Sniffed(null, "an OpenDocument spreadsheet (ODS)", "zip");
      }
      return new Sniffed(null, "a ZIP archive that is not an XLSX workbook", "zip");
    }
    if (starts(c, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return new Sniffed(null, "an Excel 97-2003 (.xls) or other old Office file", "bin");
    }
    if (starts(c, '%', 'P', 'D', 'F')) {
      return new Sniffed(null, "a PDF document", "bin");
    }
    if (starts(c, 0x89, 'P', 'N', 'G') || starts(c, 0xFF, 0xD8, 0xFF) || starts(c, 'G', 'I', 'F', '8')) {
      return new Sniffed(null, "an image", "bin");
    }
    if (starts(c, 0x1F, 0x8B)) {
      return new Sniffed(null, "a gzip-compressed file", "bin");
    }
    int offset = starts(c, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    if (starts(c, 0xFF, 0xFE) || starts(c, 0xFE, 0xFF)) {
      return new Sniffed(null, "UTF-16 text (save it as UTF-8)", "txt");
    }
    int end = Math.min(c.length, offset + LOOK);
    for (int i = offset; i < end; i++) {
      if (c[i] == 0) {
        return new Sniffed(null, "binary data", "bin");
      }
    }
    // the first bytes as text: any ASCII-compatible encoding reads the structure characters alike
    String head = new String(c, offset, end - offset, StandardCharsets.ISO_8859_1);
    String trimmed = head.stripLeading();
    if (trimmed.startsWith("[")) {
      return new Sniffed("json", "JSON", "json");
    }
    if (trimmed.startsWith("{")) {
      String[] lines = trimmed.split("\r?\n");
      int objects = 0;
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        if (!line.stripLeading().startsWith("{") || !line.stripTrailing().endsWith("}")) {
          objects = 0;
          break;
        }
        objects++;
      }
      return objects >= 2 ? new Sniffed("ndjson", "NDJSON (one JSON object per line)", "ndjson") : new Sniffed("json", "JSON", "json");
    }
    String[] lines = head.split("\r?\n", 12);
    String first = lines[0].replace("\"", "").trim().toUpperCase(Locale.ROOT);
    if (first.matches("(DATAFLOW|STRUCTURE)\\s*[,;\\t|].*")) {
      return new Sniffed("sdmx-csv", "SDMX-CSV", "csv");
    }
    for (int i = 0; i < Math.min(lines.length, 11); i++) {
      if (lines[i].indexOf(',') >= 0 || lines[i].indexOf(';') >= 0 || lines[i].indexOf('\t') >= 0 || lines[i].indexOf('|') >= 0) {
        return new Sniffed("csv", "CSV", "csv");
      }
    }
    return new Sniffed(null, "plain text without a delimiter (not CSV)", "txt");
  }

  private static boolean starts(byte[] c, int... magic) {
    if (c.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((c[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] c, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= c.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (c[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
