package eu.thbstat.comparability;

import eu.thbstat.harmonise.Release;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** comparability.csv: one row per country x table x year with its grade, completeness and reasons. */
public final class ComparabilityCsv {
  public static final String FILE = "comparability.csv";
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private ComparabilityCsv() {}

  public static byte[] render(Release release, ReferenceData ref) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
      p.printRecord("geo", "time", "table", "grade", "grade_label", "cells_asked", "cells_given", "cells_not_available", "reasons", "explanation");
      for (Comparability.Row r : new Comparability(ref).grade(release)) {
        p.printRecord(r.geo(), r.year(), r.table(), r.grade(), r.gradeLabel(), r.asked() < 0 ? "" : Long.toString(r.asked()),
            r.given(), r.notAvailable(), r.reasonIds(), safe(r.explanation()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** As the other CSV outputs: text a spreadsheet would take for a formula gets an apostrophe. */
  static String safe(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
