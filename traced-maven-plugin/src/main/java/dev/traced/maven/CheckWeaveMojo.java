package dev.traced.maven;

import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.CatalogueLoader;
import dev.traced.catalogue.WeaveCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a {@code @Traced} method in the compiled classes was not woven: a weave
 * that was left out, pointed at the wrong directory or run before the compiler would otherwise
 * ship classes that never make a span. Runs after the weave, in {@code process-classes}; the
 * build extension binds it, and a manual setup can bind it too.
 */
@Mojo(name = "check-weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public final class CheckWeaveMojo extends AbstractMojo {

  /** The woven classes. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true, readonly = true)
  private File classesDirectory;

  /** Skips the check. */
  @Parameter(property = "traced.checkWeave.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path classes = classesDirectory.toPath();
    if (skip || !Files.isDirectory(classes)) {
      return;
    }
    WeaveCheck.Result result;
    try {
      Catalogue catalogue = Files.isRegularFile(classes.resolve(Catalogue.JSON_FILE))
          ? CatalogueLoader.load(classes.toString())
          : new Catalogue(List.of());
      result = WeaveCheck.check(classes, catalogue);
    } catch (IOException | CatalogueLoader.LoadException e) {
      throw new MojoExecutionException("traced cannot check the weave of " + classes, e);
    }
    if (result.unwoven().isEmpty()) {
      getLog().info("[traced] all " + result.tracedMethods() + " @Traced methods are woven");
      return;
    }
    StringBuilder message = new StringBuilder()
        .append(result.unwoven().size()).append(" of ").append(result.tracedMethods())
        .append(" @Traced methods in ").append(classes).append(" were not woven:\n");
    boolean processorMissed = false;
    for (WeaveCheck.Unwoven method : result.unwoven()) {
      message.append("  ").append(method.describe()).append('\n');
      processorMissed |= method.spanName() == null;
    }
    message.append(processorMissed
        ? "The traced processor did not run on them: list dev.traced:traced-processor in"
            + " maven-compiler-plugin's <annotationProcessorPaths>, or let traced-maven-plugin"
            + " with <extensions>true</extensions> do it."
        : "Their aspects were not woven into them: aspectj-maven-plugin must run in"
            + " process-classes, compile the generated .aj files and weave " + classes
            + " in place (<weaveDirectories>), or let traced-maven-plugin with"
            + " <extensions>true</extensions> set it up.");
    throw new MojoFailureException(message.toString());
  }
}
