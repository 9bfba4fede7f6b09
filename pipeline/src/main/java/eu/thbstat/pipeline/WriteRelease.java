package eu.thbstat.pipeline;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.CellBatch;
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
import java.util.ArrayList;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

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
    // Everything goes to one worker under one key: a grouping pays the DirectRunner's per-key cost
    // once, where side inputs (View.asList) paid it per element.
    PCollectionList<ReleasePart> all = PCollectionList
        .of(parts.get(Stage.OBSERVATIONS).apply("CellsAsParts", MapElements.into(TypeDescriptor.of(ReleasePart.class)).via(ReleasePart::cells)))
        .and(parts.get(Stage.FINDINGS).apply("FindingsAsParts", MapElements.into(TypeDescriptor.of(ReleasePart.class)).via(ReleasePart::finding)))
        .and(parts.get(Stage.QUARANTINE).apply("QuarantineAsParts", MapElements.into(TypeDescriptor.of(ReleasePart.class)).via(ReleasePart::quarantined)))
        .and(parts.get(Stage.FILES).apply("FilesAsParts", MapElements.into(TypeDescriptor.of(ReleasePart.class)).via(ReleasePart::file)));
    if (parts.has(Stage.SOURCES) && publication.releases()) {
      all = all.and(parts.get(Stage.SOURCES).apply("SourcesAsParts", MapElements.into(TypeDescriptor.of(ReleasePart.class)).via(ReleasePart::sources)));
    }
    return all
        .apply("AllParts", Flatten.pCollections())
        .setCoder(SerializableCoder.of(ReleasePart.class))
        // as bytes: the DirectRunner copies a key's grouped values at every bundle, and copying bytes
        // is a memory copy where copying objects is a Java serialisation each time
        .apply("PartsAsBytes", MapElements.into(TypeDescriptor.of(byte[].class)).via((org.apache.beam.sdk.transforms.ProcessFunction<ReleasePart, byte[]>) ReleasePart::toBytes))
        .apply("OneRelease", WithKeys.of(publication.target()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
        .apply("GatherRelease", GroupByKey.create())
        .apply("WriteFiles", ParDo.of(new WriteFn(ref, run, publication)));
  }

  /** One element of the release on its way to the writer: one of cells, lineage, a finding, a rejected record, a file. */
  static final class ReleasePart implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final CellBatch cells;
    final CellBatch sources;
    final Finding finding;
    final QuarantinedRecord quarantined;
    final FileReport file;

    private static final SerializableCoder<ReleasePart> CODER = SerializableCoder.of(ReleasePart.class);

    byte[] toBytes() throws org.apache.beam.sdk.coders.CoderException {
      return org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(CODER, this);
    }

    static ReleasePart fromBytes(byte[] bytes) throws org.apache.beam.sdk.coders.CoderException {
      return org.apache.beam.sdk.util.CoderUtils.decodeFromByteArray(CODER, bytes);
    }

    private ReleasePart(CellBatch cells, CellBatch sources, Finding finding, QuarantinedRecord quarantined, FileReport file) {
      this.cells = cells;
      this.sources = sources;
      this.finding = finding;
      this.quarantined = quarantined;
      this.file = file;
    }

    static ReleasePart cells(CellBatch b) {
      return new ReleasePart(b, null, null, null, null);
    }

    static ReleasePart sources(CellBatch b) {
      return new ReleasePart(null, b, null, null, null);
    }

    static ReleasePart finding(Finding f) {
      return new ReleasePart(null, null, f, null, null);
    }

    static ReleasePart quarantined(QuarantinedRecord q) {
      return new ReleasePart(null, null, null, q, null);
    }

    static ReleasePart file(FileReport f) {
      return new ReleasePart(null, null, null, null, f);
    }
  }

  static final class WriteFn extends DoFn<KV<String, Iterable<byte[]>>, String> {
    private final ReferenceData ref;
    private final RunInfo run;
    private final Publication publication;

    WriteFn(ReferenceData ref, RunInfo run, Publication publication) {
      this.ref = ref;
      this.run = run;
      this.publication = publication;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<byte[]>> release, OutputReceiver<String> out) throws IOException {
      List<Observation> cells = new ArrayList<>();
      List<CellSource> lineage = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      List<QuarantinedRecord> quarantine = new ArrayList<>();
      List<FileReport> files = new ArrayList<>();
      for (byte[] bytes : release.getValue()) {
        ReleasePart part = ReleasePart.fromBytes(bytes);
        if (part.cells != null) {
          cells.addAll(part.cells.cells());
        } else if (part.sources != null) {
          lineage.addAll(part.sources.sources());
        } else if (part.finding != null) {
          findings.add(part.finding);
        } else if (part.quarantined != null) {
          quarantine.add(part.quarantined);
        } else if (part.file != null) {
          files.add(part.file);
        }
      }
      // the order of arrival is the runner's: the release puts everything in its canonical order
      Release assembled = ReleaseSteps.apply(ref, new Release(cells, findings, quarantine, files));
      String output = release.getKey();
      if (publication.releases()) {
        ReleaseRun.publish(assembled, ref, run, lineage, publication, new eu.thbstat.output.ReleasePublisher()).forEach(out::output);
        return;
      }
      for (Map.Entry<String, byte[]> file : ReleaseWriter.render(assembled, ref, run).entrySet()) {
        write(output, file.getKey(), file.getValue());
        out.output(file.getKey());
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
