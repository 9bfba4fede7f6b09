package eu.thbstat.release;

import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellSource;
import eu.thbstat.output.ReleasePublisher;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a run in release mode: read the previous release, assemble the new one and publish it
 * atomically (or leave the latest as it is when nothing changed). Returns the release id followed
 * by the names of the files published.
 */
public final class ReleaseRun {
  private ReleaseRun() {}

  public static List<String> publish(Release release, ReferenceData ref, RunInfo run, List<CellSource> sources,
      Publication publication, ReleasePublisher publisher) throws IOException {
    PreviousRelease previous = publication.previous() == null ? null : PreviousRelease.read(publication.previous(), ref.model());
    String latest = ReleasePublisher.latest(publication.target()).orElse(null);
    ReleaseAssembly.Result r = ReleaseAssembly.assemble(release, ref, run, sources, previous, publication.releaseId(), latest);
    List<String> out = new ArrayList<>();
    out.add(r.id());
    if (!r.unchanged()) {
      publisher.publish(publication.target(), r.id(), r.files());
      out.addAll(r.files().keySet());
    }
    return out;
  }
}
