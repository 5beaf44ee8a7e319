package dev.traced.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * What the build extension does to a project model, as Maven hands it over after reading the
 * pom: the compiler's configuration already copied into its lifecycle executions.
 */
class BuildSetupTest {

  private static final BuildSetup.Versions VERSIONS =
      new BuildSetup.Versions("9.9.9", "1.14.1", "1.9.25", "3.14.0");

  private final BuildSetup setup = new BuildSetup(VERSIONS);

  @Test
  void theProcessorGoesAfterTheProcessorsThePomLists() {
    MavenProject project = project("3.14.0", "<annotationProcessorPaths>"
        + path("org.projectlombok", "lombok", "1.18.48") + "</annotationProcessorPaths>");

    List<String> changes = setup.apply(project);

    for (Xpp3Dom configuration : compilerConfigurations(project)) {
      assertThat(paths(configuration)).containsExactly(
          "org.projectlombok:lombok:1.18.48", "dev.traced:traced-processor:9.9.9");
    }
    assertThat(changes).contains(
        "processor path: traced-processor 9.9.9, after the processors your pom lists");
  }

  @Test
  void withoutAProcessorPathTheDependenciesJavacWouldSearchComeFirst() {
    MavenProject project = project("3.14.0", "");
    project.getModel().addDependency(dependency("org.projectlombok", "lombok", "provided"));
    project.getModel().addDependency(dependency("org.example", "library", null));
    project.getModel().addDependency(dependency("org.junit.jupiter", "junit-jupiter", "test"));

    List<String> changes = setup.apply(project);

    for (Xpp3Dom configuration : compilerConfigurations(project)) {
      assertThat(paths(configuration)).containsExactly(
          "org.projectlombok:lombok:1.0", "org.example:library:1.0",
          "dev.traced:traced-processor:9.9.9");
    }
    assertThat(changes).contains("processor path: traced-processor 9.9.9, after the"
        + " dependencies javac would have searched for processors");
  }

  @Test
  void theWeaveIsAddedBeforeTheCheckAsTheReadmeConfiguresIt() {
    MavenProject project = project("3.14.0", "");
    project.getProperties().setProperty("maven.compiler.release", "21");
    project.getProperties().setProperty("project.build.sourceEncoding", "UTF-8");

    setup.apply(project);

    List<Plugin> plugins = project.getBuild().getPlugins();
    assertThat(plugins).extracting(Plugin::getArtifactId).containsExactly(
        "maven-compiler-plugin", "aspectj-maven-plugin", "traced-maven-plugin");
    Plugin weave = plugins.get(1);
    assertThat(weave.getGroupId()).isEqualTo("dev.aspectj");
    assertThat(weave.getVersion()).isEqualTo("1.14.1");
    assertThat(weave.getDependencies()).singleElement().satisfies(tools ->
        assertThat(tools.getManagementKey() + ":" + tools.getVersion())
            .isEqualTo("org.aspectj:aspectjtools:jar:1.9.25"));
    PluginExecution execution = weave.getExecutions().get(0);
    assertThat(execution.getId()).isEqualTo("traced-weave");
    assertThat(execution.getPhase()).isEqualTo("process-classes");
    assertThat(execution.getGoals()).containsExactly("compile");
    assertThat(compact(execution.getConfiguration())).isEqualTo("<configuration>"
        + "<release>21</release><encoding>UTF-8</encoding><proc>none</proc>"
        + "<sources><source><basedir>/p/target/traced/weave/aspects</basedir>"
        + "<includes><include>**/*.aj</include></includes></source></sources>"
        + "<weaveDirectories><weaveDirectory>/p/target/traced/weave/classes</weaveDirectory>"
        + "</weaveDirectories>"
        + "<argumentFileDirectory>/p/target/traced/weave</argumentFileDirectory>"
        + "<additionalCompilerArgs><arg>-Xlint:adviceDidNotMatch=error</arg>"
        + "</additionalCompilerArgs></configuration>");
    PluginExecution stage = plugins.get(2).getExecutions().get(0);
    assertThat(stage.getId()).isEqualTo("traced-stage-weave");
    assertThat(stage.getPhase()).isEqualTo("compile");
    assertThat(stage.getGoals()).containsExactly("stage-weave");
    assertThat(compact(stage.getConfiguration())).isEqualTo("<configuration>"
        + "<aspectsDirectory>/p/target/generated-sources/annotations</aspectsDirectory>"
        + "</configuration>");
    PluginExecution check = plugins.get(2).getExecutions().get(1);
    assertThat(check.getId()).isEqualTo("traced-check-weave");
    assertThat(check.getPhase()).isEqualTo("process-classes");
    assertThat(check.getGoals()).containsExactly("check-weave");
  }

  /** Spring Boot's parent pins aspectjrt and aspectjtools to its aspectj.version. */
  @Test
  void theWeaveRunsTheAspectJTheDependencyManagementPins() {
    MavenProject boot = project("3.14.0", "");
    DependencyManagement management = new DependencyManagement();
    management.addDependency(dependency("org.aspectj", "aspectjrt", "1.9.24", null));
    management.addDependency(dependency("org.aspectj", "aspectjtools", "1.9.24", null));
    boot.getModel().setDependencyManagement(management);

    List<String> changes = setup.apply(boot);

    assertThat(weaveTools(boot)).isEqualTo("org.aspectj:aspectjtools:jar:1.9.24");
    assertThat(changes).contains("weave: aspectj-maven-plugin 1.14.1 (AspectJ 1.9.24, as your"
        + " dependency management pins it) weaves the traced classes javac compiled into"
        + " /p/target/classes, in process-classes");

    MavenProject runtimeOnly = project("3.14.0", "");
    DependencyManagement rt = new DependencyManagement();
    rt.addDependency(dependency("org.aspectj", "aspectjrt", "1.9.22", null));
    runtimeOnly.getModel().setDependencyManagement(rt);
    setup.apply(runtimeOnly);
    assertThat(weaveTools(runtimeOnly)).isEqualTo("org.aspectj:aspectjtools:jar:1.9.22");

    MavenProject unmanaged = project("3.14.0", "");
    assertThat(setup.apply(unmanaged)).contains("weave: aspectj-maven-plugin 1.14.1 (AspectJ"
        + " 1.9.25) weaves the traced classes javac compiled into /p/target/classes,"
        + " in process-classes");
    assertThat(weaveTools(unmanaged)).isEqualTo("org.aspectj:aspectjtools:jar:1.9.25");
  }

  @Test
  void aWeaveThePomDeclaresIsLeftAsWritten() {
    for (String groupId : List.of("dev.aspectj", "org.codehaus.mojo")) {
      MavenProject project = project("3.14.0", "");
      Plugin own = new Plugin();
      own.setGroupId(groupId);
      own.setArtifactId("aspectj-maven-plugin");
      project.getBuild().addPlugin(own);

      List<String> changes = setup.apply(project);

      assertThat(project.getBuild().getPlugins()).extracting(Plugin::getArtifactId)
          .containsExactly("maven-compiler-plugin", "traced-maven-plugin",
              "aspectj-maven-plugin");
      assertThat(own.getExecutions()).isEmpty();
      assertThat(changes).contains("weave: aspectj-maven-plugin as your pom configures it");
    }
  }

  @Test
  void applyingTwiceChangesNothingMore() {
    MavenProject project = project("3.14.0", "");
    setup.apply(project);
    setup.apply(project);

    for (Xpp3Dom configuration : compilerConfigurations(project)) {
      assertThat(paths(configuration)).containsOnlyOnce("dev.traced:traced-processor:9.9.9");
    }
    assertThat(project.getBuild().getPlugins()).extracting(Plugin::getArtifactId)
        .containsExactly("maven-compiler-plugin", "aspectj-maven-plugin", "traced-maven-plugin");
    assertThat(tracedPlugin(project).getExecutions()).extracting(PluginExecution::getId)
        .containsExactly("traced-stage-weave", "traced-check-weave");
  }

  @Test
  void aCheckThePomBindsIsNotBoundTwice() {
    MavenProject project = project("3.14.0", "");
    PluginExecution own = new PluginExecution();
    own.setId("mine");
    own.addGoal("check-weave");
    tracedPlugin(project).addExecution(own);

    setup.apply(project);

    assertThat(tracedPlugin(project).getExecutions()).extracting(PluginExecution::getId)
        .containsExactly("mine", "traced-stage-weave");
  }

  @Test
  void aCompilerTooOldForAProcessorPathIsReplaced() {
    MavenProject project = project("3.1", "");
    assertThat(setup.apply(project)).contains("maven-compiler-plugin 3.14.0 instead of 3.1,"
        + " which has no processor path or release option");
    assertThat(compiler(project).getVersion()).isEqualTo("3.14.0");

    MavenProject recent = project("3.13.0", "");
    setup.apply(recent);
    assertThat(compiler(recent).getVersion()).isEqualTo("3.13.0");
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(BuildSetup.olderThan("3.1", "3.6")).isTrue();
    assertThat(BuildSetup.olderThan("3.5.1", "3.6")).isTrue();
    assertThat(BuildSetup.olderThan(null, "3.6")).isTrue();
    assertThat(BuildSetup.olderThan("3.6", "3.6")).isFalse();
    assertThat(BuildSetup.olderThan("3.10.1", "3.6")).isFalse();
    assertThat(BuildSetup.olderThan("4.0.0-beta-1", "3.6")).isFalse();
  }

  @Test
  void processingTurnedOffIsAWarning() {
    MavenProject project = project("3.14.0", "<proc>none</proc>");
    assertThat(setup.apply(project)).contains("warning: <proc>none</proc> turns annotation"
        + " processing off, and with it traced: no @Traced method will be woven");
  }

  /**
   * A project as Maven hands it to the extension: the compiler with {@code configuration} at
   * plugin level and copied into default-compile and default-testCompile, then traced's plugin.
   */
  private static MavenProject project(String compilerVersion, String configuration) {
    Model model = new Model();
    model.setGroupId("example");
    model.setArtifactId("shop");
    model.setVersion("1");
    Build build = new Build();
    build.setDirectory("/p/target");
    build.setOutputDirectory("/p/target/classes");
    model.setBuild(build);
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    compiler.setVersion(compilerVersion);
    compiler.setConfiguration(dom(configuration));
    for (String goal : List.of("compile", "testCompile")) {
      PluginExecution execution = new PluginExecution();
      execution.setId("default-" + goal);
      execution.addGoal(goal);
      execution.setConfiguration(dom(configuration));
      compiler.addExecution(execution);
    }
    build.addPlugin(compiler);
    Plugin traced = new Plugin();
    traced.setGroupId("dev.traced");
    traced.setArtifactId("traced-maven-plugin");
    traced.setVersion("9.9.9");
    build.addPlugin(traced);
    return new MavenProject(model);
  }

  private static Xpp3Dom dom(String children) {
    try {
      return org.codehaus.plexus.util.xml.Xpp3DomBuilder.build(
          new java.io.StringReader("<configuration>" + children + "</configuration>"));
    } catch (Exception e) {
      throw new IllegalArgumentException(children, e);
    }
  }

  private static String path(String groupId, String artifactId, String version) {
    return "<path><groupId>" + groupId + "</groupId><artifactId>" + artifactId
        + "</artifactId><version>" + version + "</version></path>";
  }

  private static Dependency dependency(String groupId, String artifactId, String scope) {
    return dependency(groupId, artifactId, "1.0", scope);
  }

  private static Dependency dependency(String groupId, String artifactId, String version,
      String scope) {
    Dependency dependency = new Dependency();
    dependency.setGroupId(groupId);
    dependency.setArtifactId(artifactId);
    dependency.setVersion(version);
    dependency.setScope(scope);
    return dependency;
  }

  /** {@code groupId:artifactId:type:version} of the added weave's one plugin dependency. */
  private static String weaveTools(MavenProject project) {
    Dependency tools = project.getBuild().getPlugins().stream()
        .filter(p -> p.getArtifactId().equals("aspectj-maven-plugin")).findFirst().orElseThrow()
        .getDependencies().get(0);
    return tools.getManagementKey() + ":" + tools.getVersion();
  }

  private static Plugin compiler(MavenProject project) {
    return project.getBuild().getPlugins().get(0);
  }

  private static Plugin tracedPlugin(MavenProject project) {
    return project.getBuild().getPlugins().stream()
        .filter(p -> p.getArtifactId().equals("traced-maven-plugin")).findFirst().orElseThrow();
  }

  /** The plugin-level configuration of the compiler and that of each of its executions. */
  private static List<Xpp3Dom> compilerConfigurations(MavenProject project) {
    Plugin compiler = compiler(project);
    List<Xpp3Dom> configurations = new java.util.ArrayList<>();
    configurations.add((Xpp3Dom) compiler.getConfiguration());
    for (PluginExecution execution : compiler.getExecutions()) {
      configurations.add((Xpp3Dom) execution.getConfiguration());
    }
    return configurations;
  }

  /** {@code groupId:artifactId:version} of each processor path entry. */
  private static List<String> paths(Xpp3Dom configuration) {
    List<String> paths = new java.util.ArrayList<>();
    for (Xpp3Dom path : configuration.getChild("annotationProcessorPaths").getChildren()) {
      paths.add(path.getChild("groupId").getValue() + ":" + path.getChild("artifactId").getValue()
          + ":" + path.getChild("version").getValue());
    }
    return paths;
  }

  private static String compact(Object dom) {
    return dom.toString().replaceAll(">\\s+<", "><").replaceAll("<\\?xml[^>]*>", "").trim();
  }
}
