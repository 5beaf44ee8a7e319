package dev.traced.processor.validation;

import dev.traced.processor.model.SpanEnd;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides from a method's declared return type when its span ends, and what {@code return} in
 * attrs then reads. Only types on the compile class path are considered, so a project without
 * Reactor or RxJava never needs them.
 */
final class SpanEnds {

  /** Publisher types whose span ends on their terminal signal: exactly these classes. */
  private static final Map<String, SpanEnd> PUBLISHERS =
      Map.of(
          "reactor.core.publisher.Mono", SpanEnd.REACTOR_MONO,
          "reactor.core.publisher.Flux", SpanEnd.REACTOR_FLUX,
          "io.reactivex.rxjava3.core.Single", SpanEnd.RXJAVA_SINGLE,
          "io.reactivex.rxjava3.core.Maybe", SpanEnd.RXJAVA_MAYBE,
          "io.reactivex.rxjava3.core.Completable", SpanEnd.RXJAVA_COMPLETABLE,
          "io.reactivex.rxjava3.core.Observable", SpanEnd.RXJAVA_OBSERVABLE,
          "io.reactivex.rxjava3.core.Flowable", SpanEnd.RXJAVA_FLOWABLE);

  /**
   * Types whose work goes on after the method returns, but which traced cannot watch: the span
   * would end at return, too early (or, for a lazy stream, before the work even starts). In
   * order: the first the return type is assignable to names it in the warning.
   */
  private static final List<String> ENDS_TOO_EARLY =
      List.of(
          "java.util.concurrent.Future",
          "java.util.stream.BaseStream",
          "java.util.Iterator",
          "java.util.Spliterator",
          "reactor.core.publisher.Mono",
          "reactor.core.publisher.Flux",
          "io.reactivex.rxjava3.core.Single",
          "io.reactivex.rxjava3.core.Maybe",
          "io.reactivex.rxjava3.core.Completable",
          "io.reactivex.rxjava3.core.Observable",
          "io.reactivex.rxjava3.core.Flowable",
          "org.reactivestreams.Publisher",
          "java.util.concurrent.Flow.Publisher");

  /**
   * How a return type ends its span.
   *
   * @param spanEnd when the span ends without {@code endAtReturn}
   * @param value what {@code return} reads: the return type, the value an async result completes
   *     with, or null when there is none (void, or a result with no single value)
   * @param endsTooEarly for a type whose span ends at return although its work goes on, the
   *     supertype that says so ({@code java.util.concurrent.Future}); null otherwise
   */
  record Decision(SpanEnd spanEnd, TypeMirror value, String endsTooEarly) {}

  private final Types types;
  private final Elements elements;

  SpanEnds(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  Decision decide(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return new Decision(SpanEnd.RETURN, null, null);
    }
    if (!(returnType instanceof DeclaredType declared)) {
      return new Decision(SpanEnd.RETURN, returnType, null);
    }
    Optional<DeclaredType> stage = supertype(declared, "java.util.concurrent.CompletionStage");
    if (stage.isPresent()) {
      return new Decision(SpanEnd.COMPLETION_STAGE, typeArgument(stage.get()), null);
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    SpanEnd publisher = PUBLISHERS.get(name);
    if (publisher != null) {
      TypeMirror value = publisher.hasSingleValue() ? typeArgument(declared) : null;
      return new Decision(publisher, value, null);
    }
    for (String lateType : ENDS_TOO_EARLY) {
      if (supertype(declared, lateType).isPresent()) {
        return new Decision(SpanEnd.RETURN, returnType, lateType);
      }
    }
    return new Decision(SpanEnd.RETURN, returnType, null);
  }

  /** {@code type} seen as its supertype named {@code name}, with type arguments, if it is one. */
  private Optional<DeclaredType> supertype(DeclaredType type, String name) {
    TypeElement element = elements.getTypeElement(name);
    if (element == null || !types.isAssignable(types.erasure(type), types.erasure(element.asType()))) {
      return Optional.empty();
    }
    return find(type, element);
  }

  private Optional<DeclaredType> find(TypeMirror type, TypeElement target) {
    if (type instanceof DeclaredType declared
        && types.isSameType(types.erasure(declared), types.erasure(target.asType()))) {
      return Optional.of(declared);
    }
    for (TypeMirror parent : types.directSupertypes(type)) {
      Optional<DeclaredType> found = find(parent, target);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The value type of a one-argument async type; {@code Object} for a raw one. A wildcard stands
   * for its upper bound.
   */
  private TypeMirror typeArgument(DeclaredType type) {
    if (type.getTypeArguments().isEmpty()) {
      return elements.getTypeElement("java.lang.Object").asType();
    }
    TypeMirror argument = type.getTypeArguments().get(0);
    if (argument instanceof javax.lang.model.type.WildcardType wildcard) {
      return wildcard.getExtendsBound() != null
          ? wildcard.getExtendsBound()
          : elements.getTypeElement("java.lang.Object").asType();
    }
    return argument;
  }
}
