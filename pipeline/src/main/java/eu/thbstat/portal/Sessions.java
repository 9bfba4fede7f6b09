package eu.thbstat.portal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory: a session id is 32 bytes from {@link SecureRandom} (Base64url),
 * given to the browser in an HttpOnly, SameSite=Strict cookie; each session carries its own CSRF
 * token for POST forms. A session ends on sign-out, after {@link #IDLE} without a request, after
 * {@link #MAX_AGE} in all, or as soon as its user's entry in the credentials file changes (secret
 * rotated, role or country changed, user removed). A restart signs everybody out.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration MAX_AGE = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  /**
   * One session.
   *
   * @param fingerprint the user's entry when the session began: the session ends if it changes
   */
  public record Session(String id, String userName, String csrf, String fingerprint, Instant created, Instant lastSeen) {
    Session seen(Instant now) {
      return new Session(id, userName, csrf, fingerprint, created, now);
    }
  }

  /** A new random token: 32 bytes, Base64url without padding. */
  public static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What identifies a user's entry: the session ends when it changes. */
  public static String fingerprint(User u) {
    return u.name() + "|" + u.role() + "|" + u.country() + "|" + u.secret();
  }

  public Session start(User user) {
    sweep();
    Instant now = clock.instant();
    Session s = new Session(token(), user.name(), token(), fingerprint(user), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session of that id, touched; empty if unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = s.seen(now);
    sessions.replace(id, s, touched);
    return Optional.of(touched);
  }

  public void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  public int size() {
    return sessions.size();
  }

  private boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(IDLE).isBefore(now) || s.created().plus(MAX_AGE).isBefore(now);
  }

  private void sweep() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
  }

  /** Constant-time comparison of a submitted token with the expected one. */
  public static boolean same(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
