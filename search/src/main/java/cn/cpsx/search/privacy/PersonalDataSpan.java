package cn.cpsx.search.privacy;

/**
 * Personal data found in a text: its kind, where it was written ({@code [start, end)} in the
 * original text) and what replaces it.
 */
record PersonalDataSpan(PersonalDataKind kind, int start, int end, String mask) {

  boolean overlaps(PersonalDataSpan other) {
    return start < other.end && other.start < end;
  }
}
