package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import java.util.ArrayList;
import java.util.List;

/** How findings name cells and series to a reader. */
public final class Cells {
  private Cells() {}

  /**
   * A series (a cell key without its year) as a reader would say it: the legal status, then every
   * dimension not at its total, e.g. "PER_VICT, sex M, exploitation LAB_SERV".
   */
  public static String series(CommonModel model, CellKey key) {
    List<String> parts = new ArrayList<>();
    for (Dimension d : model.dimensions()) {
      String code = key.get(d.index());
      switch (d.id()) {
        case Dimension.GEO, Dimension.TIME -> { }
        case "leg_stat" -> parts.add(code);
        case Dimension.UNIT -> {
          if (!code.equals("NR")) {
            parts.add("unit " + code);
          }
        }
        default -> {
          if (d.total() != null && !code.equals(d.total()) && !code.equals("_Z")) {
            parts.add(d.id() + " " + code);
          }
        }
      }
    }
    return String.join(", ", parts);
  }

  /** The key without its year: the series it belongs to. */
  public static CellKey withoutTime(CommonModel model, CellKey key) {
    return key.with(model.index(Dimension.TIME), "*");
  }
}
