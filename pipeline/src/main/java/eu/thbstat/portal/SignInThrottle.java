package eu.thbstat.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing: after {@link #LIMIT} failed sign-ins for one user name within {@link #WINDOW},
 * that name cannot sign in until the window has passed (the attempts are still audited).
 */
public final class SignInThrottle {
  public static final int LIMIT = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_NAMES = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean blocked(String name) {
    Deque<Instant> d = failures.get(name);
    if (d == null) {
      return false;
    }
    synchronized (d) {
      prune(d);
      return d.size() >= LIMIT;
    }
  }

  public void failed(String name) {
    if (failures.size() > MAX_NAMES) {
      failures.clear();
    }
    Deque<Instant> d = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.instant());
    }
  }

  public void succeeded(String name) {
    failures.remove(name);
  }

  private void prune(Deque<Instant> d) {
    Instant oldest = clock.instant().minus(WINDOW);
    while (!d.isEmpty() && d.peekFirst().isBefore(oldest)) {
      d.removeFirst();
    }
  }
}
