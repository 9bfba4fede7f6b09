package eu.thbstat.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
  static Map<Integer, Map<Integer, Rational>> determined(List<Map<Integer, Rational>> equations, int unknowns) {
    List<TreeMap<Integer, Rational>> rows = new ArrayList<>();
    Map<Integer, Set<Integer>> rowsOfColumn = new HashMap<>();
    for (Map<Integer, Rational> e : equations) {
      TreeMap<Integer, Rational> row = new TreeMap<>();
      e.forEach((c, v) -> {
        if (!v.isZero()) {
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
      TreeMap<Integer, Rational> pivot = rows.get(best);
      Rational p = pivot.get(col);
      if (!p.isOne()) {
        pivot.replaceAll((c, v) -> v.divide(p));
      }
      for (int r : new ArrayList<>(candidates)) {
        if (r == best) {
          continue;
        }
        TreeMap<Integer, Rational> row = rows.get(r);
        Rational factor = row.get(col);
        for (Map.Entry<Integer, Rational> e : pivot.entrySet()) {
          int c = e.getKey();
          Rational v = row.getOrDefault(c, Rational.ZERO).subtract(factor.multiply(e.getValue()));
          if (v.isZero()) {
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
    Map<Integer, Map<Integer, Rational>> determined = new TreeMap<>();
    pivotRow.forEach((col, r) -> {
      TreeMap<Integer, Rational> row = rows.get(r);
      if (row.headMap(unknowns).size() == 1) {
        determined.put(col, new TreeMap<>(row.tailMap(unknowns)));
      }
    });
    return determined;
  }
}
