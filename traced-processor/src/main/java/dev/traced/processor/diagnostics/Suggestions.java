package dev.traced.processor.diagnostics;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a misspelled name: the closest candidate, if one is close enough. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code written}: one that differs only in case, else the one with
   * the fewest single-character edits, if that is at most a third of the name's length (and at
   * least one). Ties go to the earlier candidate, so the answer is deterministic.
   */
  public static Optional<String> closest(String written, Collection<String> candidates) {
    String lower = written.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(candidate);
      }
    }
    int allowed = Math.max(1, written.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance, with a swap of two neighbouring characters counted as one edit. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
