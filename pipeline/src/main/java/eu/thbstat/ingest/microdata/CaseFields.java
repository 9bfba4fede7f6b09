package eu.thbstat.ingest.microdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a case record that a mapping reads, each with a slot number; every other field
 * of the record is skipped unread. Multi-select fields (citizenship, forms of exploitation) may
 * hold a JSON list or a text of values joined by a separator.
 */
final class CaseFields {
  private final Map<String, Integer> slots = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Boolean> multi = new ArrayList<>();

  /** The slot of a field, added if new; -1 for no field (null). */
  int add(String name, boolean multiSelect) {
    if (name == null) {
      return -1;
    }
    Integer slot = slots.get(name);
    if (slot != null) {
      if (multiSelect) {
        multi.set(slot, true);
      }
      return slot;
    }
    slots.put(name, names.size());
    names.add(name);
    multi.add(multiSelect);
    return names.size() - 1;
  }

  /** The slot of a field name as read from a file, or -1 if the mapping does not read it. */
  int slot(String name) {
    Integer slot = slots.get(name);
    return slot == null ? -1 : slot;
  }

  int size() {
    return names.size();
  }

  String name(int slot) {
    return names.get(slot);
  }

  boolean multi(int slot) {
    return multi.get(slot);
  }

  List<String> names() {
    return List.copyOf(names);
  }
}
