package eu.thbstat.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Exact Gauss-Jordan elimination over the rationals of a sparse linear system sum(a_i x_i) = 0,
 * whose columns are unknown cells (0 to unknowns - 1) or published cells (from unknowns on),
 * pivoting on unknown columns only. An unknown x_j is <em>determined</em> by the system when some
 * combination of its equations holds x_j and published cells only: then x_j = -sum(c_p v_p) over
 * published cells p, and that combination is what an attacker would compute. In reduced row
 * echelon form, that is exactly when j is a pivot column whose row has no other unknown.
 */
final class RowReduction {
  private RowReduction() {}

  /**
   * The determined unknowns, each with the published coefficients of its row (x_j + sum c_p x_p
   * = 0), in column order.
   */
  static Map<Integer, Map<Integer, BigFraction>> determined(List<Map<Integer, BigFraction>> equations, int unknowns) {
    List<TreeMap<Integer, BigFraction>> rows = new ArrayList<>();
    Map<Integer, Set<Integer>> rowsOfColumn = new HashMap<>();
    for (Map<Integer, BigFraction> e : equations) {
      TreeMap<Integer, BigFraction> row = new TreeMap<>();
      e.forEach((c, v) -> {
        if (v.compareTo(BigFraction.ZERO) != 0) {
          row.put(c, v);
        }
      });
      int index = rows.size();
      rows.add(row);
      row.keySet().stream().filter(c -> c < unknowns).forEach(c -> rowsOfColumn.computeIfAbsent(c, k -> new TreeSet<>()).add(index));
    }
    boolean[] used = new boolean[rows.size()];
    Map<Integer, Integer> pivotRow = new TreeMap<>();
    for (int col = 0; col < unknowns; col++) {
      Set<Integer> candidates = rowsOfColumn.getOrDefault(col, Set.of());
      int best = -1;
      for (int r : candidates) {
        if (!used[r] && (best < 0 || rows.get(r).size() < rows.get(best).size())) {
          best = r;
        }
      }
      if (best < 0) {
        continue;
      }
      used[best] = true;
      pivotRow.put(col, best);
      TreeMap<Integer, BigFraction> pivot = rows.get(best);
      BigFraction p = pivot.get(col);
      if (!p.equals(BigFraction.ONE)) {
        pivot.replaceAll((c, v) -> v.divide(p));
      }
      for (int r : new ArrayList<>(candidates)) {
        if (r == best) {
          continue;
        }
        TreeMap<Integer, BigFraction> row = rows.get(r);
        BigFraction factor = row.get(col);
        for (Map.Entry<Integer, BigFraction> e : pivot.entrySet()) {
          int c = e.getKey();
          BigFraction v = row.getOrDefault(c, BigFraction.ZERO).subtract(factor.multiply(e.getValue()));
          if (v.compareTo(BigFraction.ZERO) == 0) {
            row.remove(c);
            if (c < unknowns) {
              rowsOfColumn.get(c).remove(r);
            }
          } else {
            if (!row.containsKey(c) && c < unknowns) {
              rowsOfColumn.computeIfAbsent(c, k -> new TreeSet<>()).add(r);
            }
            row.put(c, v);
          }
        }
      }
    }
    Map<Integer, Map<Integer, BigFraction>> determined = new TreeMap<>();
    pivotRow.forEach((col, r) -> {
      TreeMap<Integer, BigFraction> row = rows.get(r);
      if (row.headMap(unknowns).size() == 1) {
        determined.put(col, new TreeMap<>(row.tailMap(unknowns)));
      }
    });
    return determined;
  }
}
