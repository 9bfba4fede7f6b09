package eu.thbstat.release;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellSource;
import eu.thbstat.model.Origin;
import eu.thbstat.output.ReleaseCsv;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a release directory holds, rendered in memory before it is published: the files of
 * {@link ReleaseWriter} with the cells compared against the previous release (changed cells flagged
 * r), revisions.csv, lineage.csv, and the manifest with the release's identity (id, sequence,
 * previous release, content digest, revision counts). Plain Java: the pipeline's WriteRelease calls
 * it, and so can anything that has a {@link Release}.
 */
public final class ReleaseAssembly {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The assembled release. {@code unchanged}: the inputs are those of the latest release, which
   * stays the latest; no files.
   */
  public record Result(String id, Map<String, byte[]> files, boolean unchanged) {}

  private ReleaseAssembly() {}

  /**
   * @param previous the previous release, or null
   * @param explicitId the id the user chose, or null to derive it
   * @param latestId the id {@code latest} names now, or null
   */
  public static Result assemble(Release release, ReferenceData ref, RunInfo run, List<CellSource> sources,
      PreviousRelease previous, String explicitId, String latestId) {
    String digest = ReleaseIdentity.contentDigest(release.files(), ref.fileHashes(), run);
    if (explicitId == null && previous != null && digest.equals(previous.contentDigest()) && previous.id().equals(latestId)) {
      return new Result(previous.id(), Map.of(), true);
    }
    int sequence = previous == null ? 1 : previous.sequence() + 1;
    String id = explicitId != null ? explicitId : ReleaseIdentity.id(sequence, digest, previous == null ? null : previous.id());
    List<LineageRow> lineage = new Lineage(ref).rows(release.observations(), sources, previous == null ? Map.of() : previous.lineage(), id);
    // A first release revises nothing: its revision report is empty.
    Revisions.Result revisions = previous == null ? new Revisions.Result(release.observations(), List.of())
        : Revisions.compare(ref.model(), previous.cells(), release.observations());
    Release revised = new Release(revisions.cells(), release.findings(), release.quarantine(), release.files());

    Map<String, byte[]> rendered = ReleaseWriter.render(revised, ref, run);
    Map<String, byte[]> files = new LinkedHashMap<>();
    rendered.forEach((name, bytes) -> {
      if (!name.equals(ReleaseWriter.MANIFEST)) {
        files.put(name, bytes);
      }
    });
    files.put(ReleaseCsv.REVISIONS_CSV, ReleaseCsv.revisionsCsv(ref.model(), revisions.revisions()));
    files.put(ReleaseCsv.LINEAGE_CSV, ReleaseCsv.lineageCsv(lineage));

    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("id", id);
    identity.put("sequence", sequence);
    identity.put("previous", previous == null ? null : previous.id());
    identity.put("content_digest", digest);
    Map<String, Long> counts = new LinkedHashMap<>();
    revisions.counts().forEach((change, n) -> counts.put(change.name(), n));
    identity.put("revisions", counts);
    identity.put("carried_forward", release.observations().stream().filter(o -> o.origin() == Origin.REPORTED && o.file().startsWith("[")).count());
    files.put(ReleaseWriter.MANIFEST, manifest(rendered.get(ReleaseWriter.MANIFEST), identity, files));
    return new Result(id, files, false);
  }

  private static byte[] manifest(byte[] base, Map<String, Object> identity, Map<String, byte[]> files) {
    try {
      Map<String, Object> old = JSON.readValue(base, new TypeReference<LinkedHashMap<String, Object>>() {});
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("release", identity);
      m.putAll(old);
      Map<String, String> outputs = new LinkedHashMap<>();
      files.forEach((name, bytes) -> outputs.put(name, ReferenceDataLoader.sha256(bytes)));
      m.put("outputs", outputs);
      return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the manifest rendered a moment ago is JSON", e);
    }
  }
}
