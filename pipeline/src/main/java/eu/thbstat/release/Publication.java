package eu.thbstat.release;

import java.io.Serializable;

/**
 * Where and how a run's outcome is written.
 *
 * <p>{@link #folder}: the release files straight into one folder (tests, library use). {@link
 * #release}: a release directory {@code parent/<id>/} published atomically, compared with a previous
 * release (revisions, flag r) whose cells carry forward where no new submission replaces them, with
 * {@code parent/latest} naming the newest.
 *
 * @param target the folder (folder mode) or the parent of the releases (release mode)
 * @param previous the folder of the previous release, or null for none
 * @param releaseId an id chosen by the user, or null to derive it from the inputs
 */
public record Publication(boolean releases, String target, String previous, String releaseId) implements Serializable {

  public static Publication folder(String folder) {
    return new Publication(false, folder, null, null);
  }

  public static Publication release(String parent, String previous, String releaseId) {
    return new Publication(true, parent, previous, releaseId);
  }
}
