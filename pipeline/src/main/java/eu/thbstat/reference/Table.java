package eu.thbstat.reference;

import eu.thbstat.model.CellKey;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of the EU data collection (schemas/tables.yaml): dimensions fixed to one code, and
 * breakdowns whose codes are crossed; each combination is one cell a country is asked for.
 *
 * @param breakdowns dimension to its codes, in the order of the file
 */
public record Table(String id, String label, Map<String, String> fixed, Map<String, List<String>> breakdowns)
    implements Serializable {

  public Table {
    fixed = Map.copyOf(fixed);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    breakdowns.forEach((d, codes) -> copy.put(d, List.copyOf(codes)));
    breakdowns = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The cells (counts, unit NR) this table asks of a country for a reference year, citizenship
   * groups following the EU composition of that year.
   */
  public List<CellKey> cells(CommonModel model, Seeds seeds, String geo, int year) {
    List<List<String>> keys = new ArrayList<>();
    List<String> base = new ArrayList<>();
    for (Dimension d : model.dimensions()) {
      base.add(switch (d.id()) {
        case Dimension.GEO -> geo;
        case Dimension.TIME -> Integer.toString(year);
        case Dimension.UNIT -> "NR";
        default -> fixed.getOrDefault(d.id(), d.total());
      });
    }
    keys.add(base);
    String eu = seeds.euOf(year).code();
    for (Map.Entry<String, List<String>> b : breakdowns.entrySet()) {
      int index = model.index(b.getKey());
      List<List<String>> crossed = new ArrayList<>();
      for (List<String> key : keys) {
        for (String code : b.getValue()) {
          List<String> k = new ArrayList<>(key);
          k.set(index, forEu(code, eu));
          crossed.add(k);
        }
      }
      keys = crossed;
    }
    return keys.stream().map(CellKey::new).toList();
  }

  /** EU27_2020 citizenship codes as the EU of the year names them (EU28_FOR up to 2019). */
  public static String forEu(String code, String eu) {
    return code.contains("EU27_2020") ? code.replace("EU27_2020", eu) : code;
  }
}
