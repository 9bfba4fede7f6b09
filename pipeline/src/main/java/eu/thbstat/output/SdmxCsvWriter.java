package eu.thbstat.output;

import eu.thbstat.model.Observation;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Formats;
import java.util.ArrayList;
import java.util.List;

/**
 * The harmonised cube as SDMX-CSV 2.0 (cube.sdmx.csv), with Eurostat's column conventions:
 * STRUCTURE, STRUCTURE_ID, ACTION, FREQ, one upper-case column per dimension (schemas/formats.yaml),
 * TIME_PERIOD, OBS_VALUE (empty when not available; rounded half up to the unit's decimals) and
 * OBS_FLAG (the cell's Eurostat flags as a set, e.g. "bp"). Read back by a mapping of format
 * sdmx-csv, it gives the same cells and flags (see docs/sdmx-csv.md).
 */
public final class SdmxCsvWriter {
  private SdmxCsvWriter() {}

  public static byte[] write(CommonModel model, Formats.Sdmx sdmx, List<Observation> cells) {
    List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ"));
    List<Dimension> dims = model.dimensions().stream().filter(d -> !d.id().equals(Dimension.TIME)).toList();
    dims.forEach(d -> header.add(sdmx.column(d.id())));
    header.addAll(List.of(sdmx.column(Dimension.TIME), "OBS_VALUE", "OBS_FLAG"));
    int time = model.index(Dimension.TIME);
    int unit = model.index(Dimension.UNIT);
    List<List<String>> rows = new ArrayList<>();
    for (Observation o : cells) {
      List<String> row = new ArrayList<>(List.of(sdmx.structure(), sdmx.structureId(), sdmx.action(), sdmx.freq()));
      dims.forEach(d -> row.add(o.key().get(d.index())));
      row.add(o.key().get(time));
      row.add(o.available() ? ReleaseWriter.format(o.value(), model.decimals(o.key().get(unit))) : "");
      row.add(o.flags());
      rows.add(row);
    }
    return CsvText.write(header, rows);
  }
}
