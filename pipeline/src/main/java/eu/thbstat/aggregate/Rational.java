package eu.thbstat.aggregate;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact rational number, held in two longs while it fits and in BigIntegers beyond, so that
 * {@link RowReduction} runs at long speed on the small integer systems of statistical tables and
 * stays exact on any other. Always reduced, denominator positive.
 */
final class Rational implements Comparable<Rational> {
  static final Rational ZERO = new Rational(0, 1);
  static final Rational ONE = new Rational(1, 1);

  private final long num;
  private final long den;
  private final BigFraction big; // non-null when the value does not fit in longs

  private Rational(long num, long den) {
    this.num = num;
    this.den = den;
    this.big = null;
  }

  private Rational(BigFraction big) {
    this.num = 0;
    this.den = 1;
    this.big = big;
  }

  static Rational of(long num, long den) {
    if (den == 0) {
      throw new ArithmeticException("zero denominator");
    }
    if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
      return new Rational(new BigFraction(BigInteger.valueOf(num), BigInteger.valueOf(den)));
    }
    if (den < 0) {
      num = -num;
      den = -den;
    }
    long g = gcd(Math.abs(num), den);
    return new Rational(num / g, den / g);
  }

  static Rational of(BigFraction f) {
    BigInteger n = f.getNumerator();
    BigInteger d = f.getDenominator();
    if (n.bitLength() < 63 && d.bitLength() < 63) {
      return of(n.longValue(), d.longValue());
    }
    return new Rational(f);
  }

  BigFraction toBigFraction() {
    return big != null ? big : new BigFraction(num, den);
  }

  boolean isZero() {
    return big == null ? num == 0 : big.getNumerator().signum() == 0;
  }

  boolean isOne() {
    return big == null && num == 1 && den == 1;
  }

  Rational negate() {
    return big == null ? new Rational(-num, den) : of(toBigFraction().negate());
  }

  Rational add(Rational o) {
    if (big == null && o.big == null) {
      try {
        long g = gcd(den, o.den);
        long d = Math.multiplyExact(den / g, o.den);
        long n = Math.addExact(Math.multiplyExact(num, o.den / g), Math.multiplyExact(o.num, den / g));
        return of(n, d);
      } catch (ArithmeticException overflow) {
        // fall through to big
      }
    }
    return of(toBigFraction().add(o.toBigFraction()));
  }

  Rational subtract(Rational o) {
    return add(o.negate());
  }

  Rational multiply(Rational o) {
    if (big == null && o.big == null) {
      try {
        long g1 = gcd(Math.abs(num), o.den);
        long g2 = gcd(Math.abs(o.num), den);
        return of(Math.multiplyExact(num / g1, o.num / g2), Math.multiplyExact(den / g2, o.den / g1));
      } catch (ArithmeticException overflow) {
        // fall through to big
      }
    }
    return of(toBigFraction().multiply(o.toBigFraction()));
  }

  Rational divide(Rational o) {
    if (o.isZero()) {
      throw new ArithmeticException("division by zero");
    }
    if (o.big == null) {
      return multiply(o.num < 0 ? new Rational(-o.den, -o.num) : new Rational(o.den, o.num));
    }
    return of(toBigFraction().divide(o.toBigFraction()));
  }

  @Override
  public int compareTo(Rational o) {
    return toBigFraction().compareTo(o.toBigFraction());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational r && toBigFraction().equals(r.toBigFraction());
  }

  @Override
  public int hashCode() {
    return toBigFraction().hashCode();
  }

  @Override
  public String toString() {
    BigFraction f = toBigFraction();
    return f.getDenominator().equals(BigInteger.ONE) ? f.getNumerator().toString() : f.getNumerator() + "/" + f.getDenominator();
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }
}
