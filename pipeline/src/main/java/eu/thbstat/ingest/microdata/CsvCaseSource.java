package eu.thbstat.ingest.microdata;

import eu.thbstat.reference.Mapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Case records as CSV (Commons CSV, streaming): a header row naming the fields, one row per
 * record, the dialect and encoding of the mapping's csv section. Multi-select values are joined
 * in one cell by the mapping's multi_separator.
 */
final class CsvCaseSource implements CaseSource {
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int[] index;
  private final int headerSize;
  private final long lineOffset;
  private final List<String> header;
  private final List<String> missing = new ArrayList<>();

  CsvCaseSource(InputStream in, Mapping.Csv dialect, CaseFields fields) throws IOException {
    try {
      Charset charset = Charset.forName(dialect.encoding());
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      for (int i = 0; i < dialect.skipLines(); i++) {
        reader.readLine();
      }
      CSVFormat format = CSVFormat.DEFAULT.builder()
          .setDelimiter(dialect.delimiter())
          .setQuote(dialect.quote().charAt(0))
          .setHeader()
          .setSkipHeaderRecord(true)
          .setAllowMissingColumnNames(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .setIgnoreEmptyLines(true)
          .get();
      this.parser = format.parse(reader);
    } catch (IOException | IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
      throw new Stopped(dialect.skipLines() + 1, "the header cannot be read: " + MicrodataReader.rootMessage(e));
    }
    this.lineOffset = dialect.skipLines();
    this.header = parser.getHeaderNames();
    this.headerSize = header.size();
    this.index = new int[fields.size()];
    for (int slot = 0; slot < fields.size(); slot++) {
      index[slot] = header.indexOf(fields.name(slot));
      if (index[slot] < 0) {
        missing.add(fields.name(slot));
      }
    }
    this.records = parser.iterator();
  }

  /** Fields the mapping names that the header does not have. */
  List<String> missing() {
    return missing;
  }

  List<String> header() {
    return header;
  }

  long headerLine() {
    return lineOffset + 1;
  }

  @Override
  public boolean next(CaseRecord r) throws IOException {
    long line = lineOffset + parser.getCurrentLineNumber() + 1;
    CSVRecord rec;
    try {
      if (!records.hasNext()) {
        return false;
      }
      rec = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new Stopped(line, "the CSV cannot be parsed from line " + line + " on: " + MicrodataReader.rootMessage(e) + "; the rows before it are read");
    }
    r.reset(line, rec.getRecordNumber());
    if (rec.size() != headerSize) {
      r.unreadable("RECORD_RAGGED", "", Map.of("found", rec.size(), "expected", headerSize));
      return true;
    }
    for (int slot = 0; slot < index.length; slot++) {
      r.values[slot] = rec.get(index[slot]);
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
