package eu.thbstat.reference;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dimension of the common model with its code list. The code list of geo comes from
 * seeds/geo.csv; time has no code list but a range of years (see {@link CommonModel}).
 */
public final class Dimension implements Serializable {
  public static final String GEO = "geo";
  public static final String TIME = "time";
  public static final String UNIT = "unit";

  private final String id;
  private final String label;
  private final int index;
  private final boolean additive;
  private final String total;
  private final boolean splitsPopulation;
  private final List<Code> codes;
  private final Map<String, Code> byCode;

  /**
   * @param index position in the cell key
   * @param additive a person falls in exactly one code of each breakdown, so totals are sums
   * @param splitsPopulation the population itself is divided by this characteristic (sex, age)
   * @param total the code of the total over the dimension, or {@code null}
   */
  public Dimension(
      String id,
      String label,
      int index,
      boolean additive,
      boolean splitsPopulation,
      String total,
      List<Code> codes) {
    this.splitsPopulation = splitsPopulation;
    this.id = id;
    this.label = label;
    this.index = index;
    this.additive = additive;
    this.total = total;
    this.codes = List.copyOf(codes);
    Map<String, Code> map = new LinkedHashMap<>();
    this.codes.forEach(c -> map.put(c.code(), c));
    this.byCode = Collections.unmodifiableMap(map);
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public int index() {
    return index;
  }

  public boolean additive() {
    return additive;
  }

  public boolean splitsPopulation() {
    return splitsPopulation;
  }

  public String total() {
    return total;
  }

  public List<Code> codes() {
    return codes;
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /** The code of the list that equals {@code raw} ignoring case, or null. */
  public String canonical(String raw) {
    if (byCode.containsKey(raw)) {
      return raw;
    }
    for (String c : byCode.keySet()) {
      if (c.equalsIgnoreCase(raw)) {
        return c;
      }
    }
    return null;
  }

  public Code code(String code) {
    return byCode.get(code);
  }

  public Set<String> codeSet() {
    return byCode.keySet();
  }

  @Override
  public String toString() {
    return id;
  }
}
