package eu.thbstat.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a mapping leaves to its format, filled in when it loads:
 *
 * <ul>
 *   <li>sdmx-csv: one row per cell (layout long); a dimension the mapping neither fixes nor maps
 *       is read from its SDMX column of schemas/formats.yaml (TIME_PERIOD, SEX, ...) holding common
 *       codes; the value is OBS_VALUE. Geo and the flag column are settled when the header is read
 *       (see eu.thbstat.ingest.SdmxCsvInput).
 *   <li>xlsx: the questionnaire's fixed layout: every dimension but geo comes from the cell's place
 *       in the workbook, as a common code; flags may follow a figure ("12 p").
 * </ul>
 */
public final class MappingDefaults {
  /** The value "column" of a questionnaire cell: the cell itself. */
  public static final String XLSX_VALUE = "value";

  private MappingDefaults() {}

  public static Mapping apply(Mapping m, CommonModel model, Formats formats) {
    if (m.isSdmx()) {
      Map<String, Mapping.Column> dims = new LinkedHashMap<>(m.dimensions());
      for (Dimension d : model.dimensions()) {
        if (!d.id().equals(Dimension.GEO) && !m.constants().containsKey(d.id()) && !dims.containsKey(d.id())) {
          dims.put(d.id(), new Mapping.Column(formats.sdmx().column(d.id()), null));
        }
      }
      Mapping.ValueColumn value = m.value() != null ? m.value() : new Mapping.ValueColumn("OBS_VALUE");
      return m.withReading(m.layout() == null ? "long" : m.layout(), dims, value, m.inlineFlags(), m.flags());
    }
    if (m.isXlsx()) {
      Map<String, Mapping.Column> dims = new LinkedHashMap<>();
      for (Dimension d : model.dimensions()) {
        if (!d.id().equals(Dimension.GEO)) {
          dims.put(d.id(), new Mapping.Column(d.id(), null));
        }
      }
      Integer ratePer = m.value() == null ? null : m.value().ratePer();
      return m.withReading("long", dims, new Mapping.ValueColumn(XLSX_VALUE, ratePer), true, m.flags());
    }
    return m;
  }
}
