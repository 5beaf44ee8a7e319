package dev.traced.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the traced build extension changes in a project's build, before Maven plans it: the
 * three things the README's manual setup writes out by hand, and the staging that feeds the weave.
 *
 * <ol>
 *   <li>the traced processor on {@code maven-compiler-plugin}'s processor path, after the
 *       processors already there;
 *   <li>traced's {@code stage-weave} goal right after javac, in {@code compile}, which hands the
 *       weave only the traced classes not woven yet and their aspects;
 *   <li>{@code aspectj-maven-plugin}, compiling those aspects and weaving those classes into the
 *       classes directory, in {@code process-classes};
 *   <li>traced's {@code check-weave} goal right after it, which fails the build if a
 *       {@code @Traced} method was not woven.
 * </ol>
 *
 * <p>Whatever the user writes out wins: a processor path entry they list is not added twice, an
 * {@code aspectj-maven-plugin} they declare is left as they wrote it, and a {@code check-weave}
 * execution they bind is not bound again. Each change is returned as a line for the build log.
 */
final class BuildSetup {

  static final String TRACED_GROUP_ID = "dev.traced";
  static final String PLUGIN_ARTIFACT_ID = "traced-maven-plugin";
  static final String PROCESSOR_ARTIFACT_ID = "traced-processor";
  static final String COMPILER_GROUP_ID = "org.apache.maven.plugins";
  static final String COMPILER_ARTIFACT_ID = "maven-compiler-plugin";
  static final String ASPECTJ_GROUP_ID = "dev.aspectj";
  static final String ASPECTJ_ARTIFACT_ID = "aspectj-maven-plugin";
  /** The MojoHaus plugin of the same name: a user who declares it has set the weave up. */
  static final String MOJOHAUS_GROUP_ID = "org.codehaus.mojo";
  static final String ASPECTJ_TOOLS_GROUP_ID = "org.aspectj";
  static final String WEAVE_EXECUTION_ID = "traced-weave";
  static final String CHECK_EXECUTION_ID = "traced-check-weave";
  static final String CHECK_GOAL = "check-weave";
  static final String STAGE_EXECUTION_ID = "traced-stage-weave";
  static final String STAGE_GOAL = "stage-weave";
  static final String PHASE = "process-classes";
  /** Where {@code stage-weave} puts what ajc weaves (its parameters' defaults). */
  static final String STAGED_CLASSES = "/traced/weave/classes";
  static final String STAGED_ASPECTS = "/traced/weave/aspects";
  /** The oldest maven-compiler-plugin with {@code annotationProcessorPaths} and {@code release}. */
  static final String OLDEST_COMPILER = "3.6";

  /**
   * The versions the extension puts into a build, those it was built and tested with.
   *
   * @param traced traced's own version, of the processor it adds
   * @param aspectjMavenPlugin the {@code dev.aspectj:aspectj-maven-plugin} version
   * @param aspectj the {@code org.aspectj:aspectjtools} version that plugin runs, unless the
   *     project's dependency management pins AspectJ
   * @param compiler the {@code maven-compiler-plugin} version put in place of one too old for a
   *     processor path and {@code release} (Maven 3.8's default, 3.1)
   */
  record Versions(String traced, String aspectjMavenPlugin, String aspectj, String compiler) {

    /** The versions this plugin was built with (traced-build.properties). */
    static Versions ofThisPlugin() {
      Properties properties = new Properties();
      try (InputStream in = BuildSetup.class.getResourceAsStream("traced-build.properties")) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Versions(
          properties.getProperty("traced.version"),
          properties.getProperty("aspectj-maven-plugin.version"),
          properties.getProperty("aspectj.version"),
          properties.getProperty("maven-compiler-plugin.version"));
    }
  }

  private final Versions versions;

  BuildSetup(Versions versions) {
    this.versions = versions;
  }

  /**
   * Sets up the build of {@code project}, which declares traced-maven-plugin (the extension only
   * calls this for such projects); returns what it changed, one line each.
   */
  List<String> apply(MavenProject project) {
    List<String> changes = new ArrayList<>();
    Build build = project.getBuild();
    Plugin traced = plugin(build, TRACED_GROUP_ID, PLUGIN_ARTIFACT_ID);
    if (traced == null) {
      throw new IllegalArgumentException(
          project.getId() + " does not declare " + PLUGIN_ARTIFACT_ID);
    }
    Plugin compiler = plugin(build, COMPILER_GROUP_ID, COMPILER_ARTIFACT_ID);
    if (compiler == null) {
      compiler = new Plugin();
      compiler.setGroupId(COMPILER_GROUP_ID);
      compiler.setArtifactId(COMPILER_ARTIFACT_ID);
      build.getPlugins().add(0, compiler);
    }
    if (olderThan(compiler.getVersion(), OLDEST_COMPILER)) {
      changes.add("maven-compiler-plugin " + versions.compiler() + " instead of "
          + compiler.getVersion() + ", which has no processor path or release option");
      compiler.setVersion(versions.compiler());
    }
    addProcessor(project, compiler, changes);
    if (plugin(build, ASPECTJ_GROUP_ID, ASPECTJ_ARTIFACT_ID) != null
        || plugin(build, MOJOHAUS_GROUP_ID, ASPECTJ_ARTIFACT_ID) != null) {
      changes.add("weave: aspectj-maven-plugin as your pom configures it");
    } else {
      String managedAspectJ = managedAspectJ(project);
      String aspectj = managedAspectJ != null ? managedAspectJ : versions.aspectj();
      Plugin weave = weavePlugin(project, compiler, aspectj);
      // Executions of one phase run in the order of their plugins: javac before the staging (in
      // compile), the weave before the check (in process-classes).
      List<Plugin> plugins = build.getPlugins();
      if (plugins.indexOf(compiler) > plugins.indexOf(traced)) {
        plugins.remove(compiler);
        plugins.add(plugins.indexOf(traced), compiler);
      }
      plugins.add(plugins.indexOf(traced), weave);
      if (!hasGoal(traced, STAGE_GOAL)) {
        Xpp3Dom stageConfiguration = new Xpp3Dom("configuration");
        stageConfiguration.addChild(
            element("aspectsDirectory", generatedSources(project, compiler)));
        traced.addExecution(
            execution(STAGE_EXECUTION_ID, "compile", STAGE_GOAL, stageConfiguration));
      }
      changes.add("weave: aspectj-maven-plugin " + versions.aspectjMavenPlugin()
          + " (AspectJ " + aspectj
          + (managedAspectJ != null ? ", as your dependency management pins it" : "")
          + ") weaves the traced classes javac compiled into " + build.getOutputDirectory()
          + ", in " + PHASE);
    }
    if (!hasGoal(traced, CHECK_GOAL)) {
      traced.addExecution(execution(CHECK_EXECUTION_ID, PHASE, CHECK_GOAL, null));
      changes.add("check: every @Traced method must be woven (traced:" + CHECK_GOAL + ")");
    }
    build.flushPluginMap();
    return changes;
  }

  /**
   * Appends the processor to the processor path of every compiler execution. Maven has already
   * copied the plugin's configuration into each execution (default-compile, default-testCompile),
   * so each is changed on its own, and so is the plugin's, for executions added later.
   *
   * <p>Where a configuration has no processor path, javac would have found processors on the
   * class path (Lombok, MapStruct, ...), which a processor path turns off: the path then lists
   * the project's dependencies first, so that javac finds the same processors, and ours.
   */
  private void addProcessor(MavenProject project, Plugin compiler, List<String> changes) {
    List<Xpp3Dom> configurations = new ArrayList<>();
    configurations.add(configuration(compiler));
    boolean emulatedClassPath = false;
    boolean processingOff = false;
    for (PluginExecution execution : compiler.getExecutions()) {
      if (execution.getConfiguration() == null) {
        execution.setConfiguration(new Xpp3Dom("configuration"));
      }
      configurations.add((Xpp3Dom) execution.getConfiguration());
    }
    for (Xpp3Dom configuration : configurations) {
      Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
      if (paths == null) {
        paths = new Xpp3Dom("annotationProcessorPaths");
        for (Dependency dependency : project.getDependencies()) {
          if (onCompileClassPath(dependency)) {
            paths.addChild(path(dependency));
          }
        }
        configuration.addChild(paths);
        emulatedClassPath = true;
      }
      if (!listsProcessor(paths)) {
        paths.addChild(processorPath());
      }
      Xpp3Dom proc = configuration.getChild("proc");
      processingOff |= proc != null && "none".equals(proc.getValue());
    }
    if (processingOff) {
      changes.add("warning: <proc>none</proc> turns annotation processing off, and with it"
          + " traced: no @Traced method will be woven");
    }
    changes.add("processor path: traced-processor " + versions.traced() + ", after "
        + (emulatedClassPath
            ? "the dependencies javac would have searched for processors"
            : "the processors your pom lists"));
  }

  private static boolean listsProcessor(Xpp3Dom paths) {
    for (Xpp3Dom path : paths.getChildren()) {
      if (TRACED_GROUP_ID.equals(text(path, "groupId"))
          && PROCESSOR_ARTIFACT_ID.equals(text(path, "artifactId"))) {
        return true;
      }
    }
    return false;
  }

  private Xpp3Dom processorPath() {
    Xpp3Dom path = new Xpp3Dom("path");
    path.addChild(element("groupId", TRACED_GROUP_ID));
    path.addChild(element("artifactId", PROCESSOR_ARTIFACT_ID));
    path.addChild(element("version", versions.traced()));
    return path;
  }

  /** Dependencies javac sees when it compiles main sources. */
  private static boolean onCompileClassPath(Dependency dependency) {
    String scope = dependency.getScope() == null ? "compile" : dependency.getScope();
    return (scope.equals("compile") || scope.equals("provided"))
        && (dependency.getType() == null || dependency.getType().equals("jar"));
  }

  private static Xpp3Dom path(Dependency dependency) {
    Xpp3Dom path = new Xpp3Dom("path");
    path.addChild(element("groupId", dependency.getGroupId()));
    path.addChild(element("artifactId", dependency.getArtifactId()));
    path.addChild(element("version", dependency.getVersion()));
    if (dependency.getClassifier() != null) {
      path.addChild(element("classifier", dependency.getClassifier()));
    }
    if (!dependency.getExclusions().isEmpty()) {
      Xpp3Dom exclusions = new Xpp3Dom("exclusions");
      for (Exclusion exclusion : dependency.getExclusions()) {
        Xpp3Dom element = new Xpp3Dom("exclusion");
        element.addChild(element("groupId", exclusion.getGroupId()));
        element.addChild(element("artifactId", exclusion.getArtifactId()));
        exclusions.addChild(element);
      }
      path.addChild(exclusions);
    }
    return path;
  }

  /**
   * {@code aspectj-maven-plugin} as the README's manual setup configures it, but fed by {@code
   * stage-weave}: ajc compiles only generated aspects (compiling {@code src/main/java} again
   * would run the processors again), only those of the traced classes javac compiled since the
   * last weave, and weaves only those classes; it writes them into the classes directory, over
   * javac's, so {@code META-INF} and everything else there stays where the jar expects it.
   */
  private Plugin weavePlugin(MavenProject project, Plugin compiler, String aspectj) {
    Plugin weave = new Plugin();
    weave.setGroupId(ASPECTJ_GROUP_ID);
    weave.setArtifactId(ASPECTJ_ARTIFACT_ID);
    weave.setVersion(versions.aspectjMavenPlugin());
    Dependency tools = new Dependency();
    tools.setGroupId(ASPECTJ_TOOLS_GROUP_ID);
    tools.setArtifactId("aspectjtools");
    tools.setVersion(aspectj);
    weave.addDependency(tools);

    Xpp3Dom configuration = new Xpp3Dom("configuration");
    String release = compilerSetting(project, compiler, "release");
    if (release != null) {
      configuration.addChild(element("release", release));
    } else {
      String target = compilerSetting(project, compiler, "target");
      configuration.addChild(element("complianceLevel", target != null ? target : "17"));
    }
    String encoding = compilerSetting(project, compiler, "encoding");
    if (encoding == null) {
      encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    }
    if (encoding != null) {
      configuration.addChild(element("encoding", encoding));
    }
    // The processors ran in javac. ajc would run those it finds on the class path again
    // (Lombok, a provided dependency, then warns that ajc is not a compiler it supports).
    configuration.addChild(element("proc", "none"));
    String target = project.getBuild().getDirectory();
    Xpp3Dom source = new Xpp3Dom("source");
    source.addChild(element("basedir", target + STAGED_ASPECTS));
    Xpp3Dom includes = new Xpp3Dom("includes");
    includes.addChild(element("include", "**/*.aj"));
    source.addChild(includes);
    Xpp3Dom sources = new Xpp3Dom("sources");
    sources.addChild(source);
    configuration.addChild(sources);
    Xpp3Dom weaveDirectories = new Xpp3Dom("weaveDirectories");
    weaveDirectories.addChild(element("weaveDirectory", target + STAGED_CLASSES));
    configuration.addChild(weaveDirectories);
    // ajc's argument file, with this machine's paths in it, would otherwise land in the classes
    // it weaves in place, and so in the jar
    configuration.addChild(element("argumentFileDirectory", target + "/traced/weave"));
    Xpp3Dom arguments = new Xpp3Dom("additionalCompilerArgs");
    // an aspect that matched nothing fails the build instead of shipping untraced code
    arguments.addChild(element("arg", "-Xlint:adviceDidNotMatch=error"));
    configuration.addChild(arguments);

    weave.addExecution(execution(WEAVE_EXECUTION_ID, PHASE, "compile", configuration));
    return weave;
  }

  private static PluginExecution execution(
      String id, String phase, String goal, Xpp3Dom configuration) {
    PluginExecution execution = new PluginExecution();
    execution.setId(id);
    execution.setPhase(phase);
    execution.addGoal(goal);
    execution.setConfiguration(configuration);
    return execution;
  }

  /** Where javac's processors write sources: the traced processor's aspects. */
  private static String generatedSources(MavenProject project, Plugin compiler) {
    String configured = text(configuration(compiler), "generatedSourcesDirectory");
    return configured != null
        ? configured
        : project.getBuild().getDirectory() + "/generated-sources/annotations";
  }

  /**
   * The AspectJ release the project's dependency management pins ({@code aspectjtools}, else
   * {@code aspectjrt}), or null. Spring Boot's parent pins both to its {@code aspectj.version}:
   * ajc then is of the release of the {@code aspectjrt} the woven classes run on, which must be
   * at least as new as the ajc that wove them.
   */
  private static String managedAspectJ(MavenProject project) {
    if (project.getDependencyManagement() == null) {
      return null;
    }
    for (String artifactId : List.of("aspectjtools", "aspectjrt")) {
      for (Dependency managed : project.getDependencyManagement().getDependencies()) {
        if (ASPECTJ_TOOLS_GROUP_ID.equals(managed.getGroupId())
            && artifactId.equals(managed.getArtifactId())
            && managed.getVersion() != null) {
          return managed.getVersion();
        }
      }
    }
    return null;
  }

  /**
   * A compiler setting as javac gets it: the plugin's configuration, else its user property
   * ({@code maven.compiler.release}, ...). Null if neither is set.
   */
  private static String compilerSetting(MavenProject project, Plugin compiler, String name) {
    String configured = text(configuration(compiler), name);
    if (configured != null && !configured.startsWith("${")) {
      return configured;
    }
    String property = project.getProperties().getProperty("maven.compiler." + name);
    return property == null || property.isBlank() ? null : property.trim();
  }

  /** Whether {@code version} (null: none given) comes before {@code oldest}, numerically. */
  static boolean olderThan(String version, String oldest) {
    if (version == null) {
      return true;
    }
    String[] have = version.split("[.-]");
    String[] need = oldest.split("\\.");
    for (int i = 0; i < need.length; i++) {
      int part;
      try {
        part = i < have.length ? Integer.parseInt(have[i]) : 0;
      } catch (NumberFormatException notANumber) {
        return false;
      }
      int wanted = Integer.parseInt(need[i]);
      if (part != wanted) {
        return part < wanted;
      }
    }
    return false;
  }

  private static boolean hasGoal(Plugin plugin, String goal) {
    for (PluginExecution execution : plugin.getExecutions()) {
      if (execution.getGoals().contains(goal)) {
        return true;
      }
    }
    return false;
  }

  private static Plugin plugin(Build build, String groupId, String artifactId) {
    for (Plugin plugin : build.getPlugins()) {
      if (groupId.equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId())) {
        return plugin;
      }
    }
    return null;
  }

  /** The plugin's configuration, created empty if it has none. */
  private static Xpp3Dom configuration(Plugin plugin) {
    if (plugin.getConfiguration() == null) {
      plugin.setConfiguration(new Xpp3Dom("configuration"));
    }
    return (Xpp3Dom) plugin.getConfiguration();
  }

  private static String text(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    return child == null || child.getValue() == null ? null : child.getValue().trim();
  }

  private static Xpp3Dom element(String name, String value) {
    Xpp3Dom element = new Xpp3Dom(name);
    element.setValue(value);
    return element;
  }
}
