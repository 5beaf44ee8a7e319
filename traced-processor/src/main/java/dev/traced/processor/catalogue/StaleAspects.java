package dev.traced.processor.catalogue;

import dev.traced.processor.validation.TracedMethodValidator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Removes compiled aspects that an earlier build generated for a class that no longer has
 * {@code @Traced} methods (deleted, renamed, or its annotations removed).
 *
 * <p>Why here: ajc compiles {@code X_Traced.aj} into {@code target/classes/p/X_Traced.class},
 * after javac. maven-compiler-plugin's incremental rebuild deletes the classes and generated
 * sources that javac created before ({@code target/maven-status/.../createdFiles.lst}, and since
 * 3.12 the whole generated-sources directory), but never ajc's output, which it did not see being
 * created. The stale aspect then sits in the directory ajc weaves, is applied as an aspect, and
 * fails the weave ({@code cantFindType}, {@code adviceDidNotMatch}) until {@code mvn clean}.
 * Only javac's run sees both the old output and what the sources now trace, so the processor
 * removes it.
 *
 * <p>A file is removed only when all of these hold: it is {@code p/X_Traced.class} (or one of its
 * {@code X_Traced$...} classes) in the class output directory; this compilation did not
 * generate the aspect {@code p.X_Traced}; its bytes are an AspectJ aspect ({@code
 * org.aspectj.weaver.Aspect}) that calls traced's runtime ({@code dev/traced/runtime/}); and
 * the class {@code p.X} cannot be found or has no {@code @Traced} method in it or its nested
 * classes. An aspect of a class that still has traced methods but was not compiled this time
 * (a partial compile) stays. Nothing is done when the class output is not a directory on disk.
 */
final class StaleAspects {

  private static final String SUFFIX = "_Traced";

  private final Elements elements;

  StaleAspects(Elements elements) {
    this.elements = elements;
  }

  /**
   * Removes the stale aspects; {@code failed} hears of each file that could not be removed.
   *
   * @param written where a file was written into the class output in this compilation, found
   *     through the Filer (which refuses to open a file it created, even to ask where it is)
   * @param writtenPath that file's path relative to the class output
   * @param generated the aspects generated in this compilation ({@code p.X_Traced})
   */
  void remove(
      URI written,
      String writtenPath,
      Set<String> generated,
      BiConsumer<String, Exception> failed) {
    Path root = classOutput(written, writtenPath);
    if (root == null || !Files.isDirectory(root)) {
      return;
    }
    List<Path> candidates;
    try (Stream<Path> files = Files.walk(root)) {
      candidates = files
          .filter(f -> f.getFileName().toString().endsWith(SUFFIX + ".class"))
          .sorted()
          .toList();
    } catch (IOException | RuntimeException e) {
      failed.accept(root.toString(), e);
      return;
    }
    for (Path file : candidates) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      String aspect = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      String traced = aspect.substring(0, aspect.length() - SUFFIX.length());
      if (generated.contains(aspect) || !isTracedAspect(file) || stillTraced(traced)) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
        String nestedPrefix = file.getFileName().toString().replace(".class", "$");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
          for (Path sibling : siblings
              .filter(s -> s.getFileName().toString().startsWith(nestedPrefix))
              .toList()) {
            Files.deleteIfExists(sibling);
          }
        }
      } catch (IOException | RuntimeException e) {
        failed.accept(file.toString(), e);
      }
    }
  }

  /** The class output directory on disk, or null when it is not one (an in-memory one in tests). */
  private static Path classOutput(URI written, String writtenPath) {
    if (!"file".equals(written.getScheme())) {
      return null;
    }
    try {
      Path path = Path.of(written);
      for (int i = 0; i < writtenPath.split("/").length; i++) {
        path = path.getParent();
      }
      return path;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isTracedAspect(Path file) {
    try {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return bytes.contains("org.aspectj.weaver.Aspect") && bytes.contains("dev/traced/runtime/");
    } catch (IOException e) {
      return false;
    }
  }

  private boolean stillTraced(String className) {
    TypeElement type = elements.getTypeElement(className);
    return type != null && hasTracedMethod(type);
  }

  private static boolean hasTracedMethod(TypeElement type) {
    List<Element> members = new ArrayList<>(type.getEnclosedElements());
    for (Element member : members) {
      if (member instanceof ExecutableElement method
          && TracedMethodValidator.tracedAnnotation(method).isPresent()) {
        return true;
      }
      if (member instanceof TypeElement nested && hasTracedMethod(nested)) {
        return true;
      }
    }
    return false;
  }
}
