package eu.thbstat.aggregate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact elimination on tables small enough to check by hand. */
class RowReductionTest {

  /** An equation from column to coefficient pairs: 0, 1, 4, -1 means x0 - x4. */
  private static Map<Integer, Rational> eq(long... pairs) {
    Map<Integer, Rational> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((int) pairs[i], Rational.of(pairs[i + 1], 1));
    }
    return m;
  }

  @Test
  void aRectangleOfFourSuppressedCellsIsSafe() {
    // a 2 x 2 table a b / c d with published margins (columns 4..7): a + b = r1, c + d = r2,
    // a + c = k1, b + d = k2; a, b, c, d unknown: a + t, b - t, c - t, d + t fits any t
    List<Map<Integer, Rational>> rows = List.of(
        eq(0, 1, 1, 1, 4, -1), eq(2, 1, 3, 1, 5, -1), eq(0, 1, 2, 1, 6, -1), eq(1, 1, 3, 1, 7, -1));
    assertThat(RowReduction.determined(rows, 4), is(anEmptyMap()));
  }

  @Test
  void threeSuppressedCellsOfTheRectangleAreNot() {
    // the same table with d (column 3) published: c = r2 - d, b = k2 - d, a = r1 - b = r1 - k2 + d
    List<Map<Integer, Rational>> rows = List.of(
        eq(0, 1, 1, 1, 4, -1), eq(2, 1, 3, 1, 5, -1), eq(0, 1, 2, 1, 6, -1), eq(1, 1, 3, 1, 7, -1));
    Map<Integer, Map<Integer, Rational>> d = RowReduction.determined(rows, 3);
    assertThat(d.keySet().stream().toList(), is(List.of(0, 1, 2)));
    // as a row x0 + sum(c_p x_p) = 0: c_d = -1, c_r1 = -1, c_k2 = +1 (a = k1 - r2 + d would do as well)
    Map<Integer, Rational> a = d.get(0);
    assertThat(a.get(3), is(Rational.of(-1, 1)));
    assertThat(a.get(4), is(Rational.of(-1, 1)));
    assertThat(a.get(7), is(Rational.of(1, 1)));
    assertThat(a.size(), is(3));
  }

  @Test
  void aCellWithTwoOtherUnknownsInItsOwnEquationCanStillBeDetermined() {
    // x0 - x1 = p8 and x1 - x0 + x4 = p9: no equation has a single unknown, but their sum gives
    // x4 = p8 + p9 (the attack single-equation protection misses)
    List<Map<Integer, Rational>> rows = List.of(eq(0, 1, 1, -1, 8, -1), eq(1, 1, 0, -1, 4, 1, 9, -1));
    Map<Integer, Map<Integer, Rational>> d = RowReduction.determined(rows, 5);
    assertThat(d.keySet().stream().toList(), is(List.of(4)));
    assertThat(d.get(4), is(Map.of(8, Rational.of(-1, 1), 9, Rational.of(-1, 1))));
  }

  @Test
  void fractionsStayExact() {
    // 3 x0 = 2 x5 (an estimate's coefficient): x0 = 2/3 x5
    Map<Integer, Map<Integer, Rational>> d = RowReduction.determined(List.of(eq(0, 3, 5, -2)), 1);
    assertThat(d.get(0).get(5), is(Rational.of(-2, 3)));
    // beyond longs, BigIntegers: 2 x (2^63 - 1) / 3
    Rational third = Rational.of(Long.MAX_VALUE, 3);
    assertThat(third.add(third).toString(), is("18446744073709551614/3"));
    assertThat(third.add(third).subtract(third), is(third));
  }
}
