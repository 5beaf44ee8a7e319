package dev.traced.maven;

import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.WeaveCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts what the weave has to do in two folders, so that ajc works on no more than that: the
 * classes of every top-level class that has a {@code @Traced} method not woven yet (the class and
 * its nested classes, which its one aspect advises), and those classes' aspects. ajc reads them
 * from there and writes the woven classes into the classes directory, over javac's.
 *
 * <p>So ajc weaves only traced classes, not every class of the project, and when javac compiled
 * nothing since the last weave, both folders are empty and ajc has nothing to do: {@code
 * aspectj-maven-plugin} skips it. What is woven already is told by the class files themselves
 * ({@link WeaveCheck}), not by time stamps. The build extension binds this goal right after
 * javac, in {@code compile}, and points the weave at the two folders.
 */
@Mojo(name = "stage-weave", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public final class StageWeaveMojo extends AbstractMojo {

  /** Where javac wrote the classes, and where the weave writes them back woven. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true, readonly = true)
  private File classesDirectory;

  /** Where the traced processor wrote the aspects. */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-sources/annotations",
      required = true)
  private File aspectsDirectory;

  /** The classes for ajc to weave. */
  @Parameter(defaultValue = "${project.build.directory}/traced/weave/classes", required = true)
  private File stagedClassesDirectory;

  /** The aspects for ajc to compile. */
  @Parameter(defaultValue = "${project.build.directory}/traced/weave/aspects", required = true)
  private File stagedAspectsDirectory;

  @Override
  public void execute() throws MojoExecutionException {
    Path classes = classesDirectory.toPath();
    Path stagedClasses = stagedClassesDirectory.toPath();
    Path stagedAspects = stagedAspectsDirectory.toPath();
    try {
      empty(stagedClasses);
      empty(stagedAspects);
      if (!Files.isDirectory(classes)) {
        return;
      }
      Set<String> topLevelClasses = new TreeSet<>();
      for (WeaveCheck.Unwoven method : WeaveCheck.check(classes, new Catalogue(List.of()))
          .unwoven()) {
        String file = method.classFile();
        int nested = file.indexOf('$', file.lastIndexOf('/') + 1);
        topLevelClasses.add(file.substring(0, nested >= 0 ? nested : file.length() - 6));
      }
      for (String topLevel : topLevelClasses) {
        stageClasses(classes, topLevel, stagedClasses);
        Path aspect = aspectsDirectory.toPath().resolve(topLevel + "_Traced.aj");
        if (Files.isRegularFile(aspect)) {
          copy(aspect, stagedAspects.resolve(topLevel + "_Traced.aj"));
        }
      }
      getLog().info("[traced] " + topLevelClasses.size() + " traced "
          + (topLevelClasses.size() == 1 ? "class" : "classes") + " to weave");
    } catch (IOException e) {
      throw new MojoExecutionException("traced cannot stage the weave of " + classes, e);
    }
  }

  /** {@code shop/Orders.class} and every {@code shop/Orders$*.class}. */
  private static void stageClasses(Path classes, String topLevel, Path staged)
      throws IOException {
    Path directory = classes.resolve(topLevel).getParent();
    String simpleName = classes.resolve(topLevel).getFileName().toString();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals(simpleName + ".class") || name.startsWith(simpleName + "$")
            && name.endsWith(".class")) {
          copy(file, staged.resolve(classes.relativize(file).toString()));
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    // A fresh time stamp: aspectj-maven-plugin compiles only sources newer than its last build.
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes what {@code directory} holds, and creates it if it is missing. */
  private static void empty(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          if (!file.equals(directory)) {
            Files.delete(file);
          }
        }
      }
    }
    Files.createDirectories(directory);
  }
}
