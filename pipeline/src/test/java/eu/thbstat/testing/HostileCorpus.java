package eu.thbstat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile submissions for the Dutch mapping (semicolon-separated, UTF-8), generated in memory: each
 * case of untrusted input once, by the name it is sent under. Nothing large is committed: the 100 MB
 * line is made here.
 */
public final class HostileCorpus {
  public static final String HEADER = "jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering\n";
  public static final String GOOD_ROW = "2022;verdachte;vrouw;totaal;totaal;totaal;5;\n";
  public static final String LAST_ROW = "2022;verdachte;man;totaal;totaal;totaal;6;\n";
  /** Bytes in the 100 MB line. */
  public static final int HUGE = 100 * 1024 * 1024;

  private HostileCorpus() {}

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A file with one line of {@link #HUGE} bytes between two good rows. */
  public static byte[] hugeLine() {
    byte[] head = utf8(HEADER + GOOD_ROW);
    byte[] tail = utf8("\n" + LAST_ROW);
    byte[] all = new byte[head.length + HUGE + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    Arrays.fill(all, head.length, head.length + HUGE, (byte) '7');
    System.arraycopy(tail, 0, all, head.length + HUGE, tail.length);
    return all;
  }

  /** Every hostile case but the huge line, by the name it is sent under (relative to the input folder). */
  public static Map<String, byte[]> cases() {
    Map<String, byte[]> c = new LinkedHashMap<>();
    c.put("NL/NL_mensenhandel_quote.csv", utf8(HEADER + GOOD_ROW + "2022;verdachte;\"man;totaal;totaal;totaal;6;\n" + LAST_ROW));
    c.put("NL/NL_mensenhandel_ragged.csv", utf8(HEADER + GOOD_ROW + "2022;verdachte;man;totaal;6\n" + LAST_ROW));
    c.put("NL/NL_mensenhandel_latin1.csv", concat(utf8(HEADER + GOOD_ROW), new byte[] {'2', '0', '2', '2', ';', 'v', (byte) 0xE9, ';'}, utf8("\n")));
    c.put("NL/NL_mensenhandel_mixed.csv", concat(utf8(HEADER + "2022;verdachte;vrouw;totaal;totaal;totaal;5;ó\n" + LAST_ROW),
        new byte[] {'2', '0', '2', '2', ';', (byte) 0xF3, '\n'}));
    c.put("NL/NL_mensenhandel_bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(HEADER + GOOD_ROW)));
    c.put("NL/NL_mensenhandel_utf16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (HEADER + GOOD_ROW).getBytes(StandardCharsets.UTF_16LE)));
    c.put("NL/NL_mensenhandel_empty.csv", new byte[0]);
    c.put("NL/NL_mensenhandel_png.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
    c.put("NL/NL_mensenhandel_nul.csv", concat(utf8(HEADER + GOOD_ROW), new byte[] {'2', '0', 0, '2'}));
    c.put("NL/NL_mensenhandel_workbook.csv", concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, utf8("[Content_Types].xml")));
    c.put("NL/NL_mensenhandel_formula.csv", utf8(HEADER + GOOD_ROW
        + "2022;verdachte;\"=HYPERLINK(\"\"http://x.example/\"\";\"\"klik\"\")\";totaal;totaal;totaal;6;\n"
        + "2022;verdachte;man;totaal;totaal;totaal;+1+2;\n"
        + "2022;verdachte;onbekend;totaal;totaal;totaal;@SUM(1);\n"
        + "2022;slachtoffer;totaal;totaal;totaal;totaal;-2+3;\n"));
    c.put("NL/NL_mensenhandel_dupheader.csv", utf8("jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering;aantal\n"
        + "2022;verdachte;vrouw;totaal;totaal;totaal;5;;7\n"));
    c.put("NL/..\\..\\NL_mensenhandel_escape.csv", utf8(HEADER + GOOD_ROW));
    c.put("NL/NL_mensenhandel_bell\u0007.csv", utf8(HEADER + GOOD_ROW));
    return c;
  }
}
