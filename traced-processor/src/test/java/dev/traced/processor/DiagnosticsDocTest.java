package dev.traced.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.processor.diagnostics.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/diagnostics.md} complete: one section {@code ### traced:<id>} per entry of
 * {@link Message}, in catalogue order, none for an id that no longer exists, each stating the
 * entry's kind as {@code Kind: error} or {@code Kind: warning} and showing the message it
 * prints; and a row in the table of contents with the same kind.
 */
class DiagnosticsDocTest {

  /** The page, relative to the module directory, where surefire runs. */
  private static final Path PAGE = Path.of("..", "docs", "diagnostics.md");

  private static final String HEADING = "### traced:";

  private static List<String> lines;

  /** The text of each {@code ### traced:<id>} section by id, in page order (ids may repeat). */
  private static List<Map.Entry<String, String>> sections;

  @BeforeAll
  static void readPage() throws IOException {
    lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    sections = sections(lines);
  }

  @Test
  void everyCatalogueEntryHasExactlyOneSectionAndNoSectionIsStale() {
    List<String> headings = sections.stream().map(Map.Entry::getKey).collect(Collectors.toList());
    assertThat(headings).as("section headings in %s", PAGE).doesNotHaveDuplicates();
    assertThat(headings)
        .as("the ids of the \"%s<id>\" sections of %s", HEADING, PAGE)
        .containsExactlyInAnyOrderElementsOf(ids());
  }

  @Test
  void sectionsAreInCatalogueOrder() {
    List<String> headings = sections.stream().map(Map.Entry::getKey).collect(Collectors.toList());
    assertThat(headings).as("section order in %s", PAGE).containsExactlyElementsOf(ids());
  }

  @Test
  void everySectionStatesItsKind() {
    for (Map.Entry<String, String> section : sections) {
      Message message = Message.byId(section.getKey()).orElse(null);
      if (message == null) {
        continue; // reported by everyCatalogueEntryHasExactlyOneSectionAndNoSectionIsStale
      }
      List<String> kindLines =
          section.getValue().lines()
              .map(String::strip)
              .filter(line -> line.startsWith("- Kind: "))
              .collect(Collectors.toList());
      assertThat(kindLines)
          .as("the \"- Kind: ...\" line of section %s", section.getKey())
          .containsExactly("- Kind: " + kind(message));
    }
  }

  @Test
  void everySectionShowsTheMessageItPrints() {
    for (Map.Entry<String, String> section : sections) {
      assertThat(section.getValue())
          .as("section %s shows a message starting with its id", section.getKey())
          .contains("[" + section.getKey() + "] ");
    }
  }

  @Test
  void tableOfContentsListsEveryEntryWithItsKind() {
    for (Message message : Message.values()) {
      String link = "[`" + message.id() + "`](#" + message.id().replace(":", "") + ")";
      List<String> rows =
          lines.stream()
              .filter(line -> line.startsWith("| " + link + " |"))
              .collect(Collectors.toList());
      assertThat(rows).as("table of contents row of %s", message.id()).hasSize(1);
      assertThat(rows.get(0))
          .as("table of contents row of %s", message.id())
          .startsWith("| " + link + " | " + kind(message) + " | ");
    }
  }

  private static List<String> ids() {
    return Arrays.stream(Message.values()).map(Message::id).collect(Collectors.toList());
  }

  /** {@code error} or {@code warning}, as the page writes it. */
  private static String kind(Message message) {
    return message.kind().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Each {@code ### traced:<id>} section: from its heading to the next heading of any level.
   * Lines inside fenced code blocks are never headings (a shell comment starts with {@code #}).
   */
  private static List<Map.Entry<String, String>> sections(List<String> lines) {
    List<Map.Entry<String, String>> sections = new ArrayList<>();
    String id = null;
    StringBuilder text = new StringBuilder();
    boolean inCode = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      }
      if (!inCode && line.startsWith("#")) {
        if (id != null) {
          sections.add(Map.entry(id, text.toString()));
        }
        id = line.startsWith(HEADING) ? "traced:" + line.substring(HEADING.length()).strip() : null;
        text.setLength(0);
        continue;
      }
      text.append(line).append('\n');
    }
    if (id != null) {
      sections.add(Map.entry(id, text.toString()));
    }
    return sections;
  }
}
