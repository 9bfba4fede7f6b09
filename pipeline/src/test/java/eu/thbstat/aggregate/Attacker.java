package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can work out from a public release, written for the tests independently of
 * {@link Protection}'s code. The attacker knows every published count and these equations between
 * counts: for every country-year and every hierarchy rule of the code lists, total = sum of the
 * components in each group of cells that holds a component (a component the country never gave is
 * assumed 0, a total it never gave is unknown), and every EU aggregate = the sum of the countries
 * its coverage row names. Unknowns are the cells published as ':' and the totals never given.
 *
 * <p>Three attacks: one equation (the suppressed cell is the only unknown of an equation); any
 * linear combination of equations (exact Gauss-Jordan elimination over the rationals and the null
 * space of the unknowns); and linear programming bounds with non-negativity (the least and the
 * greatest value each unknown can take, Commons Math's simplex), plus a branch-and-bound search for
 * a second integer value in small cases.
 */
final class Attacker {
  private final List<Map<CellKey, Integer>> equations = new ArrayList<>();
  private final Map<CellKey, Double> published = new HashMap<>();
  private final List<CellKey> unknowns;
  private final Map<CellKey, Integer> column = new HashMap<>();

  Attacker(ReferenceData ref, List<Observation> publicCells, List<EuAggregates.Aggregate> aggregates) {
    int unit = ref.model().index(Dimension.UNIT);
    int geo = ref.model().index(Dimension.GEO);
    Set<String> euCodes = new HashSet<>();
    ref.seeds().aggregates().forEach(a -> euCodes.add(a.code()));
    Set<CellKey> present = new HashSet<>();
    for (Observation o : publicCells) {
      if (o.key().get(unit).equals("NR")) {
        present.add(o.key());
        if (o.value() != null) {
          published.put(o.key(), o.value());
        }
      }
    }
    Map<HierarchyRule, Set<CellKey>> groups = new LinkedHashMap<>();
    Set<CellKey> totals = new HashSet<>();
    for (HierarchyRule r : ref.model().hierarchies()) {
      Set<CellKey> gs = new TreeSet<>();
      for (CellKey k : present) {
        if (!euCodes.contains(k.get(geo)) && r.components().contains(k.get(r.dimension()))) {
          gs.add(k.with(r.dimension(), "*"));
        }
      }
      groups.put(r, gs);
      gs.forEach(g -> totals.add(g.with(r.dimension(), r.total())));
    }
    groups.forEach((r, gs) -> {
      for (CellKey g : gs) {
        Map<CellKey, Integer> e = new LinkedHashMap<>();
        e.put(g.with(r.dimension(), r.total()), 1);
        for (String c : r.components()) {
          CellKey k = g.with(r.dimension(), c);
          if (present.contains(k) || totals.contains(k)) {
            e.put(k, -1);
          }
        }
        equations.add(e);
      }
    });
    for (EuAggregates.Aggregate a : aggregates) {
      if (present.contains(a.cell().key())) {
        Map<CellKey, Integer> e = new LinkedHashMap<>();
        e.put(a.cell().key(), 1);
        a.coverage().countries().forEach(c -> e.put(a.cell().key().with(geo, c), -1));
        equations.add(e);
      }
    }
    Set<CellKey> unknown = new TreeSet<>();
    equations.forEach(e -> e.keySet().stream().filter(k -> !published.containsKey(k)).forEach(unknown::add));
    unknowns = List.copyOf(unknown);
    for (int i = 0; i < unknowns.size(); i++) {
      column.put(unknowns.get(i), i);
    }
  }

  int equationCount() {
    return equations.size();
  }

  /** An equation in which this cell is the only unknown, if there is one. */
  boolean singleEquation(CellKey key) {
    for (Map<CellKey, Integer> e : equations) {
      if (e.containsKey(key) && e.keySet().stream().filter(k -> !published.containsKey(k)).count() == 1) {
        return true;
      }
    }
    return false;
  }

  /** The unknowns some linear combination of the equations gives exactly. */
  Set<CellKey> linearlyDetermined() {
    int n = unknowns.size();
    List<BigFraction[]> rows = new ArrayList<>();
    for (Map<CellKey, Integer> e : equations) {
      BigFraction[] row = new BigFraction[n];
      java.util.Arrays.fill(row, BigFraction.ZERO);
      boolean any = false;
      for (Map.Entry<CellKey, Integer> t : e.entrySet()) {
        Integer c = column.get(t.getKey());
        if (c != null) {
          row[c] = row[c].add(t.getValue());
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    // dense reduced row echelon form
    int[] pivotOfRow = new int[rows.size()];
    int r = 0;
    for (int c = 0; c < n && r < rows.size(); c++) {
      int p = -1;
      for (int i = r; i < rows.size(); i++) {
        if (rows.get(i)[c].compareTo(BigFraction.ZERO) != 0) {
          p = i;
          break;
        }
      }
      if (p < 0) {
        continue;
      }
      BigFraction[] tmp = rows.get(p);
      rows.set(p, rows.get(r));
      rows.set(r, tmp);
      BigFraction pv = tmp[c];
      for (int j = 0; j < n; j++) {
        tmp[j] = tmp[j].divide(pv);
      }
      for (int i = 0; i < rows.size(); i++) {
        BigFraction f = rows.get(i)[c];
        if (i != r && f.compareTo(BigFraction.ZERO) != 0) {
          for (int j = 0; j < n; j++) {
            rows.get(i)[j] = rows.get(i)[j].subtract(f.multiply(tmp[j]));
          }
        }
      }
      pivotOfRow[r] = c;
      r++;
    }
    // a pivot variable is determined when its row has no free variable: its null-space component is 0
    Set<Integer> pivots = new HashSet<>();
    for (int i = 0; i < r; i++) {
      pivots.add(pivotOfRow[i]);
    }
    Set<CellKey> determined = new TreeSet<>();
    for (int i = 0; i < r; i++) {
      boolean free = false;
      for (int j = 0; j < n; j++) {
        if (!pivots.contains(j) && rows.get(i)[j].compareTo(BigFraction.ZERO) != 0) {
          free = true;
          break;
        }
      }
      if (!free) {
        determined.add(unknowns.get(pivotOfRow[i]));
      }
    }
    return determined;
  }

  /** The least and greatest value of a cell over x >= 0 meeting every equation of its linked group (linear programming). */
  double[] bounds(CellKey key) {
    return bounds(key, Map.of());
  }

  private double[] bounds(CellKey key, Map<Integer, double[]> extra) {
    List<Integer> vars = linked(key);
    Map<Integer, Integer> local = localColumns(vars);
    List<LinearConstraint> constraints = constraints(vars, local, extra);
    double[] objective = new double[vars.size()];
    objective[local.get(column.get(key))] = 1;
    double[] out = new double[2];
    int i = 0;
    for (GoalType goal : new GoalType[] {GoalType.MINIMIZE, GoalType.MAXIMIZE}) {
      try {
        PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
            new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
        out[i++] = p.getValue();
      } catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException e) {
        out[i++] = goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
    }
    return out;
  }

  /**
   * Whether an integer solution of the linked group (x >= 0) gives the cell a value other than
   * {@code value}: branch and bound over the LP relaxation, at most {@code budget} LPs.
   */
  Boolean anotherIntegerValue(CellKey key, double value, int budget) {
    int c = column.get(key);
    int[] left = {budget};
    for (double[] side : new double[][] {{Double.NEGATIVE_INFINITY, value - 1}, {value + 1, Double.POSITIVE_INFINITY}}) {
      if (side[1] < 0) {
        continue;
      }
      Map<Integer, double[]> bounds = new HashMap<>();
      bounds.put(c, side);
      Boolean found = integerFeasible(key, bounds, left);
      if (found == null || found) {
        return found;
      }
    }
    return false;
  }

  private Boolean integerFeasible(CellKey key, Map<Integer, double[]> extra, int[] left) {
    if (left[0]-- <= 0) {
      return null;
    }
    List<Integer> vars = linked(key);
    double[] point;
    try {
      point = feasiblePoint(key, extra, vars);
    } catch (NoFeasibleSolutionException e) {
      return false;
    }
    for (int i = 0; i < vars.size(); i++) {
      double x = point[i];
      if (Math.abs(x - Math.rint(x)) > 1e-6) {
        Boolean unknown = false;
        for (double[] side : new double[][] {{Double.NEGATIVE_INFINITY, Math.floor(x)}, {Math.ceil(x), Double.POSITIVE_INFINITY}}) {
          Map<Integer, double[]> more = new HashMap<>(extra);
          double[] old = more.getOrDefault(vars.get(i), new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
          more.put(vars.get(i), new double[] {Math.max(old[0], side[0]), Math.min(old[1], side[1])});
          Boolean f = integerFeasible(key, more, left);
          if (f == null) {
            unknown = null;
          } else if (f) {
            return true;
          }
        }
        return unknown;
      }
    }
    return true;
  }

  /** The position of each variable among {@code vars}. */
  private static Map<Integer, Integer> localColumns(List<Integer> vars) {
    Map<Integer, Integer> local = new HashMap<>();
    for (int v : vars) {
      local.put(v, local.size());
    }
    return local;
  }

  /**
   * The equations over {@code vars} (published cells moved to the right-hand side) and the extra
   * bounds on some of them, as linear constraints.
   */
  private List<LinearConstraint> constraints(List<Integer> vars, Map<Integer, Integer> local, Map<Integer, double[]> extra) {
    List<LinearConstraint> constraints = new ArrayList<>();
    for (Map<CellKey, Integer> e : equations) {
      double[] a = new double[vars.size()];
      double rhs = 0;
      boolean any = false;
      for (Map.Entry<CellKey, Integer> t : e.entrySet()) {
        Integer c = column.get(t.getKey());
        if (c == null) {
          rhs -= t.getValue() * published.get(t.getKey());
        } else if (local.containsKey(c)) {
          a[local.get(c)] += t.getValue();
          any = true;
        }
      }
      if (any) {
        constraints.add(new LinearConstraint(a, Relationship.EQ, rhs));
      }
    }
    extra.forEach((c, lohi) -> {
      double[] a = new double[vars.size()];
      a[local.get(c)] = 1;
      if (lohi[0] > Double.NEGATIVE_INFINITY) {
        constraints.add(new LinearConstraint(a, Relationship.GEQ, lohi[0]));
      }
      if (lohi[1] < Double.POSITIVE_INFINITY) {
        constraints.add(new LinearConstraint(a, Relationship.LEQ, lohi[1]));
      }
    });
    return constraints;
  }

  private double[] feasiblePoint(CellKey key, Map<Integer, double[]> extra, List<Integer> vars) {
    Map<Integer, Integer> local = localColumns(vars);
    List<LinearConstraint> constraints = constraints(vars, local, extra);
    double[] objective = new double[vars.size()];
    java.util.Arrays.fill(objective, 1);
    return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
        new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getPoint();
  }

  /** The unknowns linked to this one through equations (its connected group). */
  private List<Integer> linked(CellKey key) {
    Map<Integer, List<Map<CellKey, Integer>>> byColumn = new TreeMap<>();
    for (Map<CellKey, Integer> e : equations) {
      for (CellKey k : e.keySet()) {
        Integer c = column.get(k);
        if (c != null) {
          byColumn.computeIfAbsent(c, x -> new ArrayList<>()).add(e);
        }
      }
    }
    Set<Integer> seen = new TreeSet<>();
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(column.get(key));
    seen.add(column.get(key));
    while (!queue.isEmpty()) {
      int c = queue.poll();
      for (Map<CellKey, Integer> e : byColumn.getOrDefault(c, List.of())) {
        for (CellKey k : e.keySet()) {
          Integer d = column.get(k);
          if (d != null && seen.add(d)) {
            queue.add(d);
          }
        }
      }
    }
    return List.copyOf(seen);
  }
}
