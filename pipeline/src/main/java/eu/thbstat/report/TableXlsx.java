package eu.thbstat.report;

import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Head;
import eu.thbstat.report.RenderedTable.Note;
import eu.thbstat.report.RenderedTable.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table as an XLSX workbook laid out as in the report: title, column headers (merged over the
 * columns they span), the rows with their labels and footnote marks, and under the table the flags,
 * the footnotes and the notes. Values are numbers, shown with the unit's decimals and followed by
 * their flags and marks through the cell's number format ("1,495 d (1)" in an English Excel), so a
 * reader can still compute with them; ':' (not available) is text. Text that a spreadsheet would
 * take for a formula is written as text. The bytes are the same run after run (no clock time).
 */
final class TableXlsx {
  static {
    // POI logs through the Log4j API; without a Log4j provider on the class path the API falls back
    // to its simple logger (errors to stderr) after printing a warning. Choose that logger outright.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  private TableXlsx() {}

  static byte[] write(RenderedTable t) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.getProperties().getCoreProperties().setCreated(Optional.empty());
      wb.getProperties().getCoreProperties().setCreator("thbstat");
      XSSFSheet sheet = wb.createSheet(t.id());
      Styles styles = new Styles(wb);
      int stub = t.rowDimensions().size();
      int r = 0;
      set(sheet, r++, 0, t.id() + ". " + t.title() + marks(t.titleMarks()), styles.title);
      if (t.subtitle() != null) {
        set(sheet, r++, 0, t.subtitle(), null);
      }
      r++;
      int headerTop = r;
      int levels = t.columnDimensions().size();
      for (int level = 0; level < levels; level++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        for (int k = 0; k < stub; k++) {
          org.apache.poi.ss.usermodel.Cell c = row.createCell(k);
          c.setCellStyle(styles.head);
          if (level == levels - 1) {
            c.setCellValue(t.rowHeads().get(k));
          }
        }
        int col = stub;
        for (Head h : t.headerRow(level)) {
          for (int s = 0; s < h.span(); s++) {
            row.createCell(col + s).setCellStyle(styles.head);
          }
          row.getCell(col).setCellValue(h.label());
          if (h.span() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, col, col + h.span() - 1));
          }
          col += h.span();
        }
        r++;
      }
      for (Row row : t.rows()) {
        org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
        for (int k = 0; k < stub; k++) {
          String label = row.labels().get(k) + marks(row.labelMarks().get(k));
          org.apache.poi.ss.usermodel.Cell c = x.createCell(k);
          c.setCellValue(safe(label));
          c.setCellStyle(row.aggregate() ? styles.labelBold : styles.label);
        }
        for (int j = 0; j < row.cells().size(); j++) {
          Cell cell = row.cells().get(j);
          org.apache.poi.ss.usermodel.Cell c = x.createCell(stub + j);
          String suffix = (cell.flags().isEmpty() ? "" : " " + cell.flags()) + marks(cell.marks());
          if (cell.value() != null && cell.unit() != null) {
            c.setCellValue(cell.value());
            c.setCellStyle(styles.number(cell.decimals(), suffix, row.aggregate()));
          } else {
            c.setCellValue(safe(cell.text() + suffix));
            c.setCellStyle(cell.unit() == null ? styles.text : styles.na);
          }
        }
      }
      r++;
      if (!t.flags().isEmpty()) {
        StringBuilder flags = new StringBuilder("Flags: ");
        for (int i = 0; i < t.flags().size(); i++) {
          Note n = t.flags().get(i);
          flags.append(i > 0 ? "; " : "").append(n.mark()).append(" ").append(n.text());
        }
        set(sheet, r++, 0, flags.toString(), null);
      }
      set(sheet, r++, 0, "':' not available.", null);
      for (Note n : t.footnotes()) {
        set(sheet, r++, 0, safe((n.mark().isEmpty() ? "" : n.mark() + " ") + n.text()), null);
      }
      for (String note : t.notes()) {
        set(sheet, r++, 0, safe(note), null);
      }
      for (int k = 0; k < stub; k++) {
        sheet.setColumnWidth(k, 26 * 256);
      }
      for (int j = 0; j < t.columns().size(); j++) {
        Column c = t.columns().get(j);
        sheet.setColumnWidth(stub + j, (c.unit() == null ? 30 : 14) * 256);
      }
      sheet.createFreezePane(stub, headerTop + levels);
      wb.write(out);
      return normalise(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("writing XLSX to memory", e);
    }
  }

  private static String marks(List<String> marks) {
    return marks.isEmpty() ? "" : " " + String.join(" ", marks);
  }

  /** Text a spreadsheet would take for a formula gets a leading apostrophe. */
  static String safe(String text) {
    return eu.thbstat.output.CsvText.safe(text);
  }

  private static void set(XSSFSheet sheet, int row, int col, String text, CellStyle style) {
    org.apache.poi.ss.usermodel.Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    org.apache.poi.ss.usermodel.Cell c = r.createCell(col);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  /** The cell styles of a workbook, number formats made once per decimals and suffix. */
  private static final class Styles {
    final XSSFWorkbook wb;
    final CellStyle title;
    final CellStyle head;
    final CellStyle label;
    final CellStyle labelBold;
    final CellStyle text;
    final CellStyle na;
    final Map<String, CellStyle> numbers = new HashMap<>();

    Styles(XSSFWorkbook wb) {
      this.wb = wb;
      Font bold = wb.createFont();
      bold.setBold(true);
      title = wb.createCellStyle();
      title.setFont(bold);
      head = wb.createCellStyle();
      head.setFont(bold);
      head.setAlignment(HorizontalAlignment.CENTER);
      head.setVerticalAlignment(VerticalAlignment.CENTER);
      head.setWrapText(true);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      head.setBorderBottom(BorderStyle.THIN);
      label = wb.createCellStyle();
      labelBold = wb.createCellStyle();
      labelBold.setFont(bold);
      labelBold.setBorderTop(BorderStyle.THIN);
      text = wb.createCellStyle();
      text.setWrapText(true);
      text.setVerticalAlignment(VerticalAlignment.TOP);
      na = wb.createCellStyle();
      na.setAlignment(HorizontalAlignment.RIGHT);
    }

    CellStyle number(int decimals, String suffix, boolean bold) {
      String format = (decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals))
          + (suffix.isEmpty() ? "" : "\"" + suffix.replace("\"", "") + "\"");
      return numbers.computeIfAbsent(format + bold, f -> {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        s.setAlignment(HorizontalAlignment.RIGHT);
        if (bold) {
          s.setFont(wb.getFontAt(title.getFontIndex()));
          s.setBorderTop(BorderStyle.THIN);
        }
        return s;
      });
    }
  }

  /**
   * The same workbook with every zip entry dated 1980-01-01, so that two runs give the same bytes
   * (the zip writer would stamp the clock time).
   */
  static byte[] normalise(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(FIXED_TIME);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** 1980-01-01 00:00 local time, the earliest a zip entry can hold. */
  private static final long FIXED_TIME =
      java.time.LocalDateTime.of(1980, 1, 1, 0, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
}
