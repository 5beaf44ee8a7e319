package dev.traced.maven;

import java.util.List;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traced build extension: loaded when a project declares {@code traced-maven-plugin} with
 * {@code <extensions>true</extensions>}, it sets up each such project's build ({@link
 * BuildSetup}) after Maven has read the projects and before it plans their builds. Registered in
 * {@code META-INF/plexus/components.xml}: Maven 3.8 does not read a Sisu index in a plugin that
 * is loaded as a build extension.
 */
public final class TracedBuildExtension extends AbstractMavenLifecycleParticipant {

  private static final Logger logger = LoggerFactory.getLogger(TracedBuildExtension.class);

  @Override
  public void afterProjectsRead(MavenSession session) {
    BuildSetup setup = new BuildSetup(BuildSetup.Versions.ofThisPlugin());
    for (MavenProject project : session.getProjects()) {
      if (declaresThisPlugin(project)) {
        List<String> changes = setup.apply(project);
        for (String change : changes) {
          if (change.startsWith("warning: ")) {
            logger.warn("[traced] {}: {}", project.getArtifactId(), change.substring(9));
          } else {
            logger.info("[traced] {}: {}", project.getArtifactId(), change);
          }
        }
      }
    }
  }

  private static boolean declaresThisPlugin(MavenProject project) {
    for (Plugin plugin : project.getBuildPlugins()) {
      if (BuildSetup.TRACED_GROUP_ID.equals(plugin.getGroupId())
          && BuildSetup.PLUGIN_ARTIFACT_ID.equals(plugin.getArtifactId())) {
        return true;
      }
    }
    return false;
  }
}
