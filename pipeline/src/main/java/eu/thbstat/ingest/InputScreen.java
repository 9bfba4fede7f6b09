package eu.thbstat.ingest;

import eu.thbstat.model.Finding;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Screens a submission file before it is decoded and parsed, treating it as untrusted: its name
 * (path separators, "..", control characters), its size, binary content (NUL bytes, the magic
 * numbers of archives, workbooks and PDFs), a byte-order mark that contradicts the declared
 * encoding, and lines too long to be a record. Each problem is a finding saying where, what and
 * how to fix; over-long lines are left out (blanked, so that line numbers hold) and the rest of the
 * file is read.
 */
final class InputScreen {
  private InputScreen() {}

  /** The bytes to decode (over-long lines blanked), the findings, and whether the file is rejected. */
  record Screened(byte[] data, List<Finding> findings, boolean rejected, int linesCut) {}

  /** A finding if the path below the input folder is not a plain relative name. */
  static Optional<Finding> name(ReferenceData ref, String country, String relativePath) {
    String what = null;
    if (relativePath.isEmpty()) {
      what = "no name at all";
    } else if (relativePath.startsWith("/")) {
      what = "an absolute path";
    } else if (relativePath.indexOf('\\') >= 0) {
      what = "a backslash (a Windows path separator)";
    } else {
      for (String segment : relativePath.split("/", -1)) {
        if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
          what = "a \"" + segment + "\" path segment";
          break;
        }
      }
    }
    if (what == null) {
      for (int i = 0; i < relativePath.length(); i++) {
        char c = relativePath.charAt(i);
        if (c < 0x20 || c == 0x7f) {
          what = "a control character (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
          break;
        }
      }
    }
    if (what == null) {
      return Optional.empty();
    }
    return Optional.of(ref.rules().finding("FILE_NAME_UNSAFE", Place.file(country, printable(relativePath)),
        Map.of("value", printable(relativePath), "what", what)));
  }

  /** The name with control characters written as \\uXXXX, safe to print and to log. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  static Finding tooLarge(ReferenceData ref, Place place, long bytes, InputLimits limits) {
    return ref.rules().finding("FILE_TOO_LARGE", place, Map.of("bytes", bytes, "limit", limits.maxFileBytes()));
  }

  static Screened screen(ReferenceData ref, Place place, String encoding, byte[] content, InputLimits limits) {
    List<Finding> findings = new ArrayList<>();
    if (content.length > limits.maxFileBytes()) {
      findings.add(tooLarge(ref, place, content.length, limits));
      return new Screened(content, findings, true, 0);
    }
    if (blank(content)) {
      findings.add(ref.rules().finding("FILE_EMPTY", place, Map.of()));
      return new Screened(content, findings, true, 0);
    }
    String declared = encoding.toUpperCase(Locale.ROOT).replace("_", "-");
    boolean wide = declared.startsWith("UTF-16") || declared.startsWith("UTF-32") || declared.equals("UNICODE");
    String bom = bom(content);
    if (bom != null && !declared.startsWith(bom.equals("UTF-8") ? "UTF-8" : bom.substring(0, 6))) {
      findings.add(ref.rules().finding("FILE_UNREADABLE", place.at(1, ""), Map.of("reason",
          "it starts with a " + bom + " byte-order mark, so it is " + bom + " text, but the mapping declares " + encoding
              + "; save the file as " + encoding + " or declare encoding " + bom + " in the mapping")));
      return new Screened(content, findings, true, 0);
    }
    if (!wide) {
      String kind = binaryKind(content);
      if (kind != null) {
        findings.add(ref.rules().finding("FILE_BINARY", place, Map.of("kind", kind)));
        return new Screened(content, findings, true, 0);
      }
      int nul = indexOf(content, (byte) 0);
      if (nul >= 0) {
        findings.add(ref.rules().finding("FILE_BINARY", place.at(lineOf(content, nul), ""),
            Map.of("kind", "binary data (a NUL byte at byte " + (nul + 1) + ")")));
        return new Screened(content, findings, true, 0);
      }
      return cutLongLines(ref, place, content, limits, findings);
    }
    return new Screened(content, findings, false, 0);
  }

  /** No bytes, or only white space and a UTF-8 byte-order mark. */
  private static boolean blank(byte[] b) {
    int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = start; i < b.length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return "UTF-8";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return "UTF-16LE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return "UTF-16BE";
    }
    return null;
  }

  /** What a file is, by its first bytes, if it is a known binary format. */
  static String binaryKind(byte[] b) {
    if (startsWith(b, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, 0x50, 0x4B, 0x05, 0x06)) {
      return "a ZIP archive (an XLSX workbook is one)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an OLE compound file (an old Excel .xls workbook is one)";
    }
    if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
      return "a PDF document";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "a gzip archive";
    }
    if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
      return "a PNG image";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, byte value) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static long lineOf(byte[] b, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Lines longer than the limit are blanked (their line end kept) with a finding each. */
  private static Screened cutLongLines(ReferenceData ref, Place place, byte[] content, InputLimits limits, List<Finding> findings) {
    int max = limits.maxLineBytes();
    List<int[]> cuts = new ArrayList<>();
    int start = 0;
    long line = 1;
    for (int i = 0; i <= content.length; i++) {
      if (i == content.length || content[i] == '\n') {
        int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
        if (end - start > max) {
          cuts.add(new int[] {start, end});
          findings.add(ref.rules().finding("RECORD_TOO_LONG", place.at(line, ""), Map.of("length", end - start, "limit", max)));
        }
        start = i + 1;
        line++;
      }
    }
    if (cuts.isEmpty()) {
      return new Screened(content, findings, false, 0);
    }
    long kept = content.length;
    for (int[] c : cuts) {
      kept -= c[1] - c[0];
    }
    byte[] data = new byte[(int) kept];
    int from = 0;
    int to = 0;
    for (int[] c : cuts) {
      System.arraycopy(content, from, data, to, c[0] - from);
      to += c[0] - from;
      from = c[1];
    }
    System.arraycopy(content, from, data, to, content.length - from);
    return new Screened(data, findings, false, cuts.size());
  }
}
