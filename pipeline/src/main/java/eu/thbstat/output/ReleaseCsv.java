package eu.thbstat.output;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.release.LineageRow;
import eu.thbstat.release.Revisions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The release's CSV files beside the cube: revisions.csv and lineage.csv written (every text cell
 * through {@link CsvText#safe}), and cube.csv and lineage.csv read back (for the previous release
 * and for {@code thbstat explain}).
 */
public final class ReleaseCsv {
  public static final String REVISIONS_CSV = "revisions.csv";
  public static final String LINEAGE_CSV = "lineage.csv";

  private ReleaseCsv() {}

  public static byte[] revisionsCsv(CommonModel model, List<Revisions.Revision> revisions) {
    List<String> header = new ArrayList<>(model.dimensionIds());
    header.addAll(List.of("change", "old_value", "new_value", "old_flag", "new_flag", "old_source", "new_source"));
    int unit = model.index("unit");
    List<List<String>> rows = new ArrayList<>();
    for (Revisions.Revision r : revisions) {
      int decimals = model.decimals(r.key().get(unit));
      List<String> row = new ArrayList<>(r.key().codes());
      row.add(r.change().name());
      row.add(r.before() == null ? "" : ReleaseWriter.format(r.before().value(), decimals));
      row.add(r.after() == null ? "" : ReleaseWriter.format(r.after().value(), decimals));
      row.add(r.before() == null ? "" : r.before().flags());
      row.add(r.after() == null ? "" : r.after().flags());
      row.add(r.before() == null ? "" : CsvText.safe(source(r.before())));
      row.add(r.after() == null ? "" : CsvText.safe(source(r.after())));
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }

  private static String source(Observation o) {
    return o.origin() == Origin.REPORTED ? o.file() + ":" + o.line() : o.origin().name();
  }

  public static byte[] lineageCsv(List<LineageRow> rows) {
    List<List<String>> out = new ArrayList<>();
    for (LineageRow r : rows) {
      out.add(List.of(r.key(), r.origin(), r.release(), CsvText.safe(r.file()), Long.toString(r.line()), CsvText.safe(r.column()),
          CsvText.safe(r.mapping()), r.flags(), CsvText.safe(String.join(LineageRow.RULE_SEPARATOR, r.rules())), CsvText.safe(r.record()),
          String.join(" ", r.components())));
    }
    return CsvText.write(LineageRow.COLUMNS, out);
  }

  /** Text as it was before {@link CsvText#safe} neutralised it. */
  static String unsafe(String text) {
    return text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0 ? text.substring(1) : text;
  }

  private static List<CSVRecord> records(byte[] csv, String what) {
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
      return parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The cells of a release's cube.csv; its dimensions must be the model's. */
  public static List<Observation> readCube(CommonModel model, byte[] csv) {
    List<CSVRecord> records = records(csv, "cube.csv");
    List<Observation> cells = new ArrayList<>();
    List<String> dims = model.dimensionIds();
    for (CSVRecord r : records) {
      if (!r.isConsistent()) {
        throw new IllegalArgumentException("cube.csv line " + r.getRecordNumber() + " has " + r.size() + " fields");
      }
      List<String> codes = new ArrayList<>();
      for (String d : dims) {
        if (!r.isMapped(d)) {
          throw new IllegalArgumentException("cube.csv has no column " + d + ": it was written for other dimensions than schemas/dimensions.yaml has");
        }
        codes.add(r.get(d));
      }
      String text = r.get("obs_value");
      Double value = text.equals(":") ? null : Double.valueOf(text);
      Origin origin = Origin.valueOf(r.get("origin"));
      String source = unsafe(r.get("source"));
      int colon = source.lastIndexOf(':');
      String file = colon < 0 ? "" : source.substring(0, colon);
      long line = colon < 0 ? 0 : Long.parseLong(source.substring(colon + 1));
      List<String> notes = r.get("footnotes").isEmpty() ? List.of() : Arrays.asList(r.get("footnotes").split(" "));
      cells.add(new Observation(new CellKey(codes), value, r.get("obs_flag"), notes, origin, file, line));
    }
    return cells;
  }

  public static List<LineageRow> readLineage(byte[] csv) {
    List<LineageRow> rows = new ArrayList<>();
    for (CSVRecord r : records(csv, "lineage.csv")) {
      String rules = unsafe(r.get("rules"));
      String components = r.get("components");
      rows.add(new LineageRow(r.get("key"), r.get("origin"), r.get("release"), unsafe(r.get("file")), Long.parseLong(r.get("line")),
          unsafe(r.get("column")), unsafe(r.get("mapping")), r.get("flags"),
          rules.isEmpty() ? List.of() : Arrays.asList(rules.split(java.util.regex.Pattern.quote(LineageRow.RULE_SEPARATOR))),
          unsafe(r.get("record")), components.isEmpty() ? List.of() : Arrays.asList(components.split(" "))));
    }
    return rows;
  }
}
