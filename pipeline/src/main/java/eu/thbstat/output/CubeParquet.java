package eu.thbstat.output;

import eu.thbstat.model.Observation;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;

/**
 * The harmonised cube as a Parquet file, written with Beam's ParquetIO sink: one column per
 * dimension (time as an integer), obs_value as a nullable double (null = not available), flags,
 * footnotes and provenance.
 */
public final class CubeParquet {
  private CubeParquet() {}

  public static Schema schema(CommonModel model) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("observation").namespace("eu.thbstat").fields();
    for (Dimension d : model.dimensions()) {
      fields = d.id().equals(Dimension.TIME) ? fields.requiredInt(d.id()) : fields.requiredString(d.id());
    }
    return fields
        .optionalDouble("obs_value")
        .requiredString("obs_flag")
        .requiredString("footnotes")
        .requiredString("origin")
        .requiredString("source_file")
        .requiredLong("source_line")
        .endRecord();
  }

  public static byte[] write(CommonModel model, List<Observation> cells) {
    Schema schema = schema(model);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ParquetIO.Sink sink = ParquetIO.sink(schema);
    try (WritableByteChannel channel = Channels.newChannel(bytes)) {
      sink.open(channel);
      for (Observation o : cells) {
        GenericRecord r = new GenericData.Record(schema);
        for (Dimension d : model.dimensions()) {
          String code = o.key().get(d.index());
          r.put(d.id(), d.id().equals(Dimension.TIME) ? (Object) Integer.parseInt(code) : code);
        }
        r.put("obs_value", o.value());
        r.put("obs_flag", o.flags());
        r.put("footnotes", String.join(" ", o.footnotes()));
        r.put("origin", o.origin().name());
        r.put("source_file", o.file());
        r.put("source_line", o.line());
        sink.write(r);
      }
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the Parquet cube to memory", e);
    }
    // parquet-mr orders each column's encodings by identity hash codes: sort them, for the same bytes in every run
    return ParquetFooter.canonical(bytes.toByteArray());
  }
}
