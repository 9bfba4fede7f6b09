package eu.thbstat.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseCsv;
import eu.thbstat.output.ReleasePublisher;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.reference.CommonModel;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published release read back: its id and sequence number, the digest of what made it, its
 * cells and their lineage. Read from a local folder or any Beam file system.
 */
public record PreviousRelease(String id, int sequence, String contentDigest, List<Observation> cells, Map<String, LineageRow> lineage)
    implements Serializable {

  /** Reads the release in {@code folder}; a clear exception if it is not a complete release of this model. */
  public static PreviousRelease read(String folder, CommonModel model) {
    String manifestPath = ReleasePublisher.file(folder, ReleaseWriter.MANIFEST);
    if (!ReleasePublisher.exists(manifestPath)) {
      throw new IllegalArgumentException(folder + " is not a release: it has no " + ReleaseWriter.MANIFEST);
    }
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(ReleasePublisher.read(manifestPath));
    } catch (IOException e) {
      throw new UncheckedIOException(manifestPath + " is not JSON", e);
    }
    JsonNode release = manifest.path("release");
    String id = release.path("id").asText(folderName(folder));
    int sequence = release.path("sequence").asInt(0);
    String digest = release.path("content_digest").asText("");
    List<Observation> cells = ReleaseCsv.readCube(model, ReleasePublisher.read(ReleasePublisher.file(folder, ReleaseWriter.CUBE_CSV)));
    Map<String, LineageRow> lineage = new LinkedHashMap<>();
    String lineagePath = ReleasePublisher.file(folder, ReleaseCsv.LINEAGE_CSV);
    if (ReleasePublisher.exists(lineagePath)) {
      ReleaseCsv.readLineage(ReleasePublisher.read(lineagePath)).forEach(r -> lineage.put(r.key(), r));
    }
    return new PreviousRelease(id, sequence, digest, List.copyOf(cells), lineage);
  }

  /** The flags each reported cell had as read (without a revision flag r added by a release). */
  public Map<String, String> sourceFlags() {
    Map<String, String> flags = new LinkedHashMap<>();
    lineage.forEach((key, row) -> flags.put(key, row.flags()));
    return flags;
  }

  private static String folderName(String folder) {
    String f = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    return f.substring(f.lastIndexOf('/') + 1);
  }
}
