package eu.thbstat.release;

import eu.thbstat.model.FileReport;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceDataLoader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a release, derived from what made it: the content digest covers every input
 * file (path and SHA-256), every reference file (path and SHA-256), the code version, the runner and
 * the input folder's name; the id adds the previous release, since revisions and carried cells
 * depend on it. Same inputs, same id: a run is repeatable and a release is never overwritten with
 * something else.
 */
public final class ReleaseIdentity {
  private ReleaseIdentity() {}

  public static String contentDigest(List<FileReport> files, Map<String, String> referenceHashes, RunInfo run) {
    StringBuilder text = new StringBuilder("thbstat release 1\n");
    text.append("version\t").append(run.version()).append('\n');
    text.append("runner\t").append(run.runner()).append('\n');
    text.append("input\t").append(run.input()).append('\n');
    files.stream().sorted(Comparator.comparing(FileReport::file))
        .forEach(f -> text.append("file\t").append(f.file()).append('\t').append(f.sha256()).append('\n'));
    new TreeMap<>(referenceHashes).forEach((path, sha) -> text.append("reference\t").append(path).append('\t').append(sha).append('\n'));
    return ReferenceDataLoader.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code NNNN-hhhhhhhhhhhh}: the sequence number after the previous release's, and 12 hex digits of the digest with the previous id. */
  public static String id(int sequence, String contentDigest, String previousId) {
    String hash = ReferenceDataLoader.sha256((contentDigest + "\n" + (previousId == null ? "" : previousId)).getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%04d-%s", sequence, hash.substring(0, 12));
  }
}
