package eu.thbstat.ingest;

import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Formats;
import eu.thbstat.reference.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The SDMX-CSV side of reading a file with a mapping of format sdmx-csv (see docs/sdmx-csv.md):
 * recognises SDMX-CSV 1.0 (first column DATAFLOW) and 2.0 (STRUCTURE, STRUCTURE_ID, optional
 * ACTION), reads component ids from headers written with labels ("SEX: Sex"), settles what the
 * mapping leaves to the header (geo from the GEO column, flags from OBS_FLAG or OBS_STATUS), and
 * checks each row's structure and action. The rest of the reading is that of a long CSV.
 */
final class SdmxCsvInput {
  static final String DATAFLOW = "DATAFLOW";
  static final String STRUCTURE = "STRUCTURE";
  static final String STRUCTURE_ID = "STRUCTURE_ID";
  static final String ACTION = "ACTION";
  static final String OBS_FLAG = "OBS_FLAG";
  static final String OBS_STATUS = "OBS_STATUS";

  /** SDMX-CSV 1.0 or 2.0. */
  final String version;
  /** Component ids of the header, labels removed. */
  final List<String> ids;
  /** The mapping completed from the header. */
  final Mapping mapping;
  private final boolean[] labelled;
  private final int structureColumn;
  private final int actionColumn;

  private SdmxCsvInput(String version, List<String> ids, boolean[] labelled, Mapping mapping) {
    this.version = version;
    this.ids = List.copyOf(ids);
    this.labelled = labelled;
    this.mapping = mapping;
    this.structureColumn = version.equals("1.0") ? 0 : 1;
    this.actionColumn = ids.indexOf(ACTION);
  }

  /** Reads the header; null if the file is not SDMX-CSV (its first column is then the finding's value). */
  static SdmxCsvInput open(List<String> header, Mapping m, Formats.Sdmx conventions) {
    List<String> ids = new ArrayList<>();
    boolean[] labelled = new boolean[header.size()];
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i) == null ? "" : header.get(i).trim();
      int colon = h.indexOf(": ");
      labelled[i] = colon > 0;
      ids.add(colon > 0 ? h.substring(0, colon).trim() : h);
    }
    String version;
    if (!ids.isEmpty() && ids.get(0).equals(DATAFLOW)) {
      version = "1.0";
    } else if (ids.size() > 1 && ids.get(0).equals(STRUCTURE) && ids.get(1).equals(STRUCTURE_ID)) {
      version = "2.0";
    } else {
      return null;
    }
    Map<String, Mapping.Column> dims = new LinkedHashMap<>(m.dimensions());
    String geo = conventions.column(Dimension.GEO);
    if (!dims.containsKey(Dimension.GEO) && !m.constants().containsKey(Dimension.GEO) && ids.contains(geo)) {
      dims.put(Dimension.GEO, new Mapping.Column(geo, null));
    }
    Mapping.FlagSpec flags = m.flags();
    if (flags.columns().isEmpty()) {
      if (ids.contains(OBS_FLAG)) {
        flags = new Mapping.FlagSpec(List.of(OBS_FLAG), Map.of(), true);
      } else if (ids.contains(OBS_STATUS)) {
        flags = new Mapping.FlagSpec(List.of(OBS_STATUS), conventions.obsStatus(), false);
      }
    }
    return new SdmxCsvInput(version, ids, labelled, m.withReading(m.layout(), dims, m.value(), m.inlineFlags(), flags));
  }

  /** A field of a row: its id when the header says the column is written "id: label". */
  String field(CSVRecord record, int column) {
    String v = record.get(column);
    if (labelled[column]) {
      int colon = v.indexOf(": ");
      return colon >= 0 ? v.substring(0, colon) : v;
    }
    return v;
  }

  /** A row the mapping cannot take: its rule and details, or null. */
  Problem check(CSVRecord record) {
    String structure = field(record, structureColumn).trim();
    String expected = mapping.sdmx() == null ? null : mapping.sdmx().structureId();
    if (expected != null && !structure.equals(expected)) {
      return new Problem("SDMX_STRUCTURE_UNEXPECTED", version.equals("1.0") ? DATAFLOW : STRUCTURE_ID,
          Map.of("value", structure, "expected", expected, "mapping", mapping.id()));
    }
    if (actionColumn >= 0 && field(record, actionColumn).trim().equalsIgnoreCase("D")) {
      return new Problem("SDMX_ACTION_DELETE", ACTION, Map.of("value", field(record, actionColumn).trim()));
    }
    return null;
  }

  record Problem(String rule, String column, Map<String, Object> details) {}
}
