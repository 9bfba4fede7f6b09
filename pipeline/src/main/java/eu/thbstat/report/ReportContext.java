package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.reference.Code;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a report is made from: the reference data, the report definitions, the release and
 * the period. Helpers name codes and resolve the EU of a reference year.
 */
public record ReportContext(ReferenceData ref, ReportDefinitions defs, ReleaseData release, Period period) {

  public int index(String dimension) {
    return ref.model().index(dimension);
  }

  /** The label of a code in its code list (geo: seeds/geo.csv), or the code itself. */
  public String label(String dimension, String code) {
    if (dimension.equals(Dimension.TIME)) {
      return code;
    }
    if (dimension.equals(Dimension.GEO)) {
      String label = ref.seeds().geoLabels().get(code);
      return label == null ? code : label;
    }
    Code c = ref.model().dimension(dimension).code(code);
    return c == null ? code : c.label();
  }

  public int decimals(String unit) {
    return ref.model().decimals(unit);
  }

  public boolean isAggregate(String geo) {
    return ref.seeds().aggregates().stream().anyMatch(a -> a.code().equals(geo));
  }

  /** The EU aggregate code of a reference year (EU28 up to 2019, EU27_2020 from 2020). */
  public String euOf(int year) {
    return ref.seeds().euOf(year).code();
  }

  /** A citizenship code named by the EU27_2020 groups, as the EU of the year names it. */
  public String forEu(String code, int year) {
    return code.contains("EU27_2020") ? code.replace("EU27_2020", euOf(year)) : code;
  }

  /** The label of the EU row over the period: the aggregate's label, or both if it changes. */
  public String euLabel() {
    Set<Seeds.EuAggregate> used = new LinkedHashSet<>();
    period.years().forEach(y -> used.add(ref.seeds().euOf(y)));
    if (used.size() == 1) {
      return used.iterator().next().label();
    }
    return "European Union (" + String.join(", ", used.stream()
        .map(a -> a.code() + " " + a.firstYear() + "-" + Math.min(a.lastYear(), period.last())).toList()) + ")";
  }

  /** The Member States of the EU of a reference year. */
  public Set<String> members(int year) {
    return new TreeSet<>(ref.seeds().members().getOrDefault(euOf(year), Set.of()));
  }

  /** Countries (not aggregates) that have at least one cell in the release, in code order. */
  public List<String> countries() {
    int geo = index(Dimension.GEO);
    TreeSet<String> out = new TreeSet<>();
    for (CellKey k : release.cells().keySet()) {
      if (!isAggregate(k.get(geo))) {
        out.add(k.get(geo));
      }
    }
    return List.copyOf(out);
  }

  /** The label of a flag, e.g. "d" → "definition differs (see metadata)". */
  public String flagLabel(char flag) {
    String label = defs.flagLabels().get(String.valueOf(flag));
    return label == null ? String.valueOf(flag) : label;
  }

  /** A population share as a percentage for a note: "33.1 %". */
  public static String percent(double share) {
    return Double.isNaN(share) ? ":" : EurostatFormat.percent(share * 100, 1);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
