package eu.thbstat.ingest.microdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case record as read, reused from record to record: the value of each field the mapping
 * reads (by slot), where it is in the file, and why it cannot be read, if it cannot.
 */
final class CaseRecord {
  /** Text of each field by slot; null when the record does not have the field. */
  final String[] values;
  /** For multi-select fields given as a JSON list: the list's values (else empty). */
  final List<List<String>> lists;
  /** Whether the field of a slot was given as a JSON list. */
  final boolean[] isList;
  /** Whether a JSON record of the file has had the field of a slot (not reset between records). */
  final boolean[] seen;
  long line;
  long number;
  String unreadableRule;
  String unreadableField = "";
  Map<String, Object> unreadableDetails;

  CaseRecord(int slots) {
    values = new String[slots];
    lists = new ArrayList<>(slots);
    isList = new boolean[slots];
    seen = new boolean[slots];
    for (int i = 0; i < slots; i++) {
      lists.add(new ArrayList<>(4));
    }
  }

  void reset(long atLine, long recordNumber) {
    for (int i = 0; i < values.length; i++) {
      values[i] = null;
      if (isList[i]) {
        lists.get(i).clear();
        isList[i] = false;
      }
    }
    line = atLine;
    number = recordNumber;
    unreadableRule = null;
    unreadableField = "";
    unreadableDetails = null;
  }

  /** The record cannot be read: CASE_UNREADABLE, for the reason given. */
  void unreadable(String field, String reason) {
    unreadable("CASE_UNREADABLE", field, Map.of("reason", reason));
  }

  /** The record cannot be read (the first reason found is kept). */
  void unreadable(String rule, String field, Map<String, Object> details) {
    if (unreadableRule == null) {
      unreadableRule = rule;
      unreadableField = field;
      unreadableDetails = details;
    }
  }

  boolean readable() {
    return unreadableRule == null;
  }

  /** The field's text, trimmed; "" when absent or null. */
  String text(int slot) {
    String v = values[slot];
    return v == null ? "" : v.trim();
  }
}
