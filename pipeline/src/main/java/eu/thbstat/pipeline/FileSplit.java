package eu.thbstat.pipeline;

import java.io.Serializable;

/**
 * A part of a submission file to read: the whole file, or the lines starting in the byte range
 * [start, end) of a large file of case records ({@link eu.thbstat.ingest.LineRange}).
 *
 * @param path the file as the file system names it
 * @param relative its path below the input folder (the name findings and the manifest give)
 * @param mappingId the mapping its name selects, null for none (or a documentation file)
 * @param index the split's number in the file, from 0
 * @param count the number of splits of the file (1: read whole)
 */
record FileSplit(String path, String relative, String mappingId, long size, int index, int count, long start, long end) implements Serializable {
  boolean whole() {
    return count == 1;
  }
}
