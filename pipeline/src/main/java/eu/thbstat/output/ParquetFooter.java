package eu.thbstat.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer canonical, so that the same rows give the same bytes in every JVM.
 * parquet-mr 1.13 collects each column chunk's encodings in a {@code HashSet} of enum constants,
 * whose order follows identity hash codes and so changes from one process to the next (the same
 * cube written by two runs differed in the order of those lists only). This sorts every encodings
 * list by the encoding's number; the footer keeps its length, the data pages are untouched.
 */
public final class ParquetFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooter() {}

  /** The file with every column chunk's encodings in ascending order. */
  public static byte[] canonical(byte[] file) {
    int n = file.length;
    if (n < 12 || !endsWithMagic(file)) {
      throw new IllegalArgumentException("not a Parquet file (no PAR1 at its end)");
    }
    int footerLength = ByteBuffer.wrap(file, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = n - 8 - footerLength;
    try {
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(file, footerStart, footerLength));
      for (RowGroup group : meta.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData column = chunk.getMeta_data();
          if (column != null && column.getEncodings() != null) {
            List<Encoding> sorted = new ArrayList<>(column.getEncodings());
            sorted.sort(Comparator.comparingInt(Encoding::getValue));
            column.setEncodings(sorted);
          }
        }
      }
      ByteArrayOutputStream footer = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(meta, footer);
      if (footer.size() != footerLength) {
        throw new IllegalStateException("the canonical Parquet footer has " + footer.size() + " bytes, not " + footerLength);
      }
      byte[] out = file.clone();
      System.arraycopy(footer.toByteArray(), 0, out, footerStart, footerLength);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the footer of a Parquet file written in memory", e);
    }
  }

  private static boolean endsWithMagic(byte[] file) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (file[file.length - MAGIC.length + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
