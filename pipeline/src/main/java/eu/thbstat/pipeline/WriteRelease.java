package eu.thbstat.pipeline;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.CellSource;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.release.Publication;
import eu.thbstat.release.ReleaseRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the release: gathers the cells, findings, quarantine and file reports (the cube has
 * cells, not records, so it fits one worker) and writes every release file through Beam's file
 * systems. Input: a tuple with all four {@link Stage} tags (and {@link Stage#SOURCES} for lineage).
 * Output: the names of the files written. In release mode ({@link Publication#release}) the release
 * is compared with the previous one and published atomically by {@link ReleaseRun}; the output is
 * then the release id and the file names.
 */
public final class WriteRelease extends PTransform<PCollectionTuple, PCollection<String>> {
  private final Publication publication;
  private final ReferenceData ref;
  private final RunInfo run;

  private WriteRelease(Publication publication, ReferenceData ref, RunInfo run) {
    this.publication = publication;
    this.ref = ref;
    this.run = run;
  }

  public static WriteRelease to(String output, ReferenceData ref, RunInfo run) {
    return to(Publication.folder(output), ref, run);
  }

  public static WriteRelease to(Publication publication, ReferenceData ref, RunInfo run) {
    return new WriteRelease(publication, ref, run);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple parts) {
    PCollectionView<List<Observation>> cells = parts.get(Stage.OBSERVATIONS).apply("CellsAsList", View.asList());
    PCollectionView<List<Finding>> findings = parts.get(Stage.FINDINGS).apply("FindingsAsList", View.asList());
    PCollectionView<List<QuarantinedRecord>> quarantine = parts.get(Stage.QUARANTINE).apply("QuarantineAsList", View.asList());
    PCollectionView<List<FileReport>> files = parts.get(Stage.FILES).apply("FilesAsList", View.asList());
    PCollectionView<List<CellSource>> sources = parts.has(Stage.SOURCES) && publication.releases()
        ? parts.get(Stage.SOURCES).apply("SourcesAsList", View.asList()) : null;
    List<PCollectionView<?>> views = new java.util.ArrayList<>(List.of(cells, findings, quarantine, files));
    if (sources != null) {
      views.add(sources);
    }
    return parts.getPipeline()
        .apply("Once", Create.of(publication.target()))
        .apply("WriteFiles",
            ParDo.of(new WriteFn(ref, run, cells, findings, quarantine, files).inRelease(publication, sources))
                .withSideInputs(views));
  }

  static final class WriteFn extends DoFn<String, String> {
    private final ReferenceData ref;
    private final RunInfo run;
    private final PCollectionView<List<Observation>> cells;
    private final PCollectionView<List<Finding>> findings;
    private final PCollectionView<List<QuarantinedRecord>> quarantine;
    private final PCollectionView<List<FileReport>> files;
    private Publication publication;
    private PCollectionView<List<CellSource>> sources;

    WriteFn(ReferenceData ref, RunInfo run, PCollectionView<List<Observation>> cells, PCollectionView<List<Finding>> findings,
        PCollectionView<List<QuarantinedRecord>> quarantine, PCollectionView<List<FileReport>> files) {
      this.ref = ref;
      this.run = run;
      this.cells = cells;
      this.findings = findings;
      this.quarantine = quarantine;
      this.files = files;
    }

    WriteFn inRelease(Publication where, PCollectionView<List<CellSource>> lineage) {
      this.publication = where;
      this.sources = lineage;
      return this;
    }

    @ProcessElement
    public void process(@Element String output, ProcessContext c) throws IOException {
      Release release = ReleaseSteps.apply(ref,
          new Release(c.sideInput(cells), c.sideInput(findings), c.sideInput(quarantine), c.sideInput(files)));
      if (publication != null && publication.releases()) {
        List<CellSource> lineage = sources == null ? List.of() : c.sideInput(sources);
        ReleaseRun.publish(release, ref, run, lineage, publication, new eu.thbstat.output.ReleasePublisher()).forEach(c::output);
        return;
      }
      for (Map.Entry<String, byte[]> file : ReleaseWriter.render(release, ref, run).entrySet()) {
        write(output, file.getKey(), file.getValue());
        c.output(file.getKey());
      }
    }

    static void write(String folder, String name, byte[] bytes) throws IOException {
      ResourceId dir = FileSystems.matchNewResource(folder, true);
      ResourceId target = dir.resolve(name, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (WritableByteChannel channel = FileSystems.create(target, MimeTypes.BINARY);
          OutputStream out = Channels.newOutputStream(channel)) {
        out.write(bytes);
      }
    }
  }
}
