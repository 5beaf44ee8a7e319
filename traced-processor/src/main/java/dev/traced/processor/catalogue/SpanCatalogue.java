package dev.traced.processor.catalogue;

import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.CatalogueJson;
import dev.traced.catalogue.CatalogueText;
import dev.traced.catalogue.WeaverRegistry;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.AttributeValue;
import dev.traced.processor.model.SpanAttribute;
import dev.traced.processor.model.TracedMethod;
import dev.traced.processor.validation.SemanticConventions;
import dev.traced.processor.validation.TracedMethodValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Collects the span catalogue of one compilation and writes it when processing is over: {@code
 * META-INF/traced/spans.json}, {@code spans.md}, and the Weaver registry {@code
 * registry/spans.yaml} with its {@code registry/manifest.yaml}, in the class output, so the
 * module's jar carries them. It is written for every compilation the processor runs in, also
 * when the module has no traced method (an empty catalogue says "traced, no spans", which {@code
 * diff} can compare against), and it never throws: a failure is a {@link
 * Message#CATALOGUE_WRITE_FAILED} error.
 *
 * <p>A compilation may see only some of the module's sources (an IDE's or a build tool's
 * incremental compile). The previous catalogue's entries of classes not compiled this time are
 * therefore kept, as long as their class still exists and still has that traced method; entries
 * of compiled classes are replaced; everything else is dropped. The same compilation also removes
 * compiled aspects ({@code X_Traced.class}) that traced generated in an earlier build for a class
 * that is gone or no longer traced: see {@link StaleAspects}.
 */
public final class SpanCatalogue {

  private final Filer filer;
  private final Messager messager;
  private final Elements elements;
  private final Types types;
  private final CallGraph callGraph;

  /** The entries of this compilation, by id. */
  private final Map<String, Catalogue.Span> spans = new LinkedHashMap<>();

  /** The top-level classes compiled from source in this compilation. */
  private final Set<String> compiled = new LinkedHashSet<>();

  /** The aspects written in this compilation ({@code p.X_Traced}). */
  private final Set<String> aspects = new LinkedHashSet<>();

  private boolean written;

  /** @param trees javac's tree API, or null under another compiler */
  public SpanCatalogue(ProcessingEnvironment env, Trees trees) {
    this.filer = env.getFiler();
    this.messager = env.getMessager();
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.callGraph = new CallGraph(trees, elements, types);
  }

  /**
   * Adds the traced methods of one top-level class whose aspect was just written.
   *
   * @param methods the methods' elements, in the same order as {@code models}
   */
  public void add(
      String aspectName,
      List<ExecutableElement> methods,
      List<TracedMethod> models,
      SemanticConventions conventions) {
    aspects.add(aspectName);
    for (int i = 0; i < methods.size(); i++) {
      Catalogue.Span span = span(methods.get(i), models.get(i), conventions);
      spans.put(span.id(), span);
    }
  }

  /**
   * Notes the classes compiled in this round and, once processing is over, writes the catalogue
   * and removes stale aspects. Never throws.
   */
  public void afterRound(RoundEnvironment round) {
    try {
      for (Element root : round.getRootElements()) {
        if (root instanceof TypeElement type) {
          compiled.add(type.getQualifiedName().toString());
        }
      }
      if (!round.processingOver() || written) {
        return;
      }
      written = true;
      Catalogue catalogue = new Catalogue(merged());
      URI json = write(Catalogue.JSON_FILE, CatalogueJson.write(catalogue));
      write(Catalogue.MARKDOWN_FILE, CatalogueText.markdown(catalogue));
      write(Catalogue.WEAVER_FILE, WeaverRegistry.write(catalogue));
      write(Catalogue.WEAVER_MANIFEST_FILE,
          WeaverRegistry.manifest(catalogue, SemanticConventions.schemaUrl()));
      if (json != null) {
        new StaleAspects(elements).remove(json, Catalogue.JSON_FILE, aspects, this::report);
      }
    } catch (RuntimeException | LinkageError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      messager.printMessage(Message.INTERNAL_ERROR.kind(), Message.INTERNAL_ERROR.format(e, trace));
    }
  }

  private void report(String file, Exception e) {
    messager.printMessage(
        Message.CATALOGUE_WRITE_FAILED.kind(),
        Message.CATALOGUE_WRITE_FAILED.format(file, String.valueOf(e)));
  }

  /** Writes a file of the catalogue; returns where it went, or null if it could not be written. */
  private URI write(String path, String text) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        writer.write(text);
      }
      return file.toUri();
    } catch (IOException | RuntimeException e) {
      report(path, e);
      return null;
    }
  }

  /** This compilation's entries, and the previous catalogue's that still hold (see the class doc). */
  private List<Catalogue.Span> merged() {
    List<Catalogue.Span> all = new ArrayList<>(spans.values());
    for (Catalogue.Span old : previous()) {
      if (!spans.containsKey(old.id()) && stillTraced(old)) {
        all.add(old);
      }
    }
    return all;
  }

  private List<Catalogue.Span> previous() {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", Catalogue.JSON_FILE);
      return CatalogueJson.read(file.getCharContent(true).toString()).spans();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return List.of(); // none yet, or unreadable: this compilation's entries are all there is
    }
  }

  /** Whether the method of an old entry is still traced, in a class not compiled this time. */
  private boolean stillTraced(Catalogue.Span old) {
    TypeElement type = elements.getTypeElement(old.className());
    if (type == null || compiled.contains(topLevel(type).getQualifiedName().toString())) {
      return false;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (TracedMethodValidator.tracedAnnotation(method).isPresent()
          && id(method, types).equals(old.id())) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement topLevel(TypeElement type) {
    Element element = type;
    while (!(element.getEnclosingElement() instanceof PackageElement)) {
      element = element.getEnclosingElement();
    }
    return (TypeElement) element;
  }

  /** {@code a.Outer.Inner#place(a.Order, int)}: the method's identity in a class path. */
  static String id(ExecutableElement method, Types types) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName()
        + "#" + signature(method, types);
  }

  private static String signature(ExecutableElement method, Types types) {
    return method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> TypeName.get(types.erasure(p.asType())).toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private Catalogue.Span span(
      ExecutableElement method, TracedMethod model, SemanticConventions conventions) {
    List<Catalogue.Attribute> attributes = new ArrayList<>();
    for (SpanAttribute attribute : model.attributes()) {
      attributes.add(attribute(attribute, conventions));
    }
    return new Catalogue.Span(
        id(method, types),
        model.spanName(),
        model.spanKind().name(),
        model.declaringType(),
        signature(method, types),
        model.sourceFile() == null ? "" : model.sourceFile(),
        model.line(),
        Javadoc.summary(elements.getDocComment(method)),
        model.spanEnd().name(),
        model.newTrace(),
        model.expectedExceptions(),
        attributes,
        callGraph.children(method));
  }

  private static Catalogue.Attribute attribute(
      SpanAttribute attribute, SemanticConventions conventions) {
    String from;
    String value;
    boolean optional;
    if (attribute.value() instanceof AttributeValue.Literal literal) {
      from = "literal";
      value = literal.value() instanceof String s ? "'" + s + "'" : String.valueOf(literal.value());
      optional = false;
    } else {
      AttributeValue.Path path = (AttributeValue.Path) attribute.value();
      StringBuilder text = new StringBuilder(path.fromReturn() ? "return" : path.root());
      path.steps().forEach(step -> text.append('.').append(step.name()));
      value = text.toString();
      from = path.fromReturn() ? "return" : path.steps().isEmpty() ? "parameter" : "path";
      // Always there only when read from a parameter of a type that is never null and converts
      // without a check: a primitive, or a value the conversion cannot lose.
      optional = path.fromReturn()
          || !path.steps().isEmpty()
          || path.optionalOf() != null
          || path.conversion().needsNullCheck()
          || path.conversion() == AttributeValue.Conversion.DIRECT_NULLABLE
          || path.runsApplicationCode();
    }
    Optional<SemanticConventions.Convention> convention = conventions.lookup(attribute.key());
    String status = "none";
    String deprecation = "";
    if (convention.isPresent()) {
      if (convention.get().deprecation().isPresent()) {
        status = "deprecated";
        deprecation = convention.get().deprecation().get().strip();
      } else {
        status = convention.get().stable() ? "stable" : "incubating";
      }
    }
    return new Catalogue.Attribute(
        attribute.key(), attribute.type().displayName(), from, value, optional, status,
        deprecation);
  }
}
