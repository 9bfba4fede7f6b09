package eu.thbstat.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The codes of one cell of the harmonised cube, one per dimension in the order of
 * {@code schemas/dimensions.yaml}. Printed as an SDMX-style dotted key, e.g.
 * {@code DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR}.
 */
public record CellKey(List<String> codes) implements Serializable, Comparable<CellKey> {

  public CellKey {
    codes = List.copyOf(codes);
  }

  public String get(int dimension) {
    return codes.get(dimension);
  }

  /** The same key with one dimension's code replaced. */
  public CellKey with(int dimension, String code) {
    List<String> copy = new ArrayList<>(codes);
    copy.set(dimension, code);
    return new CellKey(copy);
  }

  @Override
  public int compareTo(CellKey other) {
    for (int i = 0; i < codes.size(); i++) {
      int c = codes.get(i).compareTo(other.codes.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return String.join(".", codes);
  }
}
