package dev.traced.processor.validation;

import dev.traced.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The properties a path step can read on a value, resolved at compile time in this order: a
 * record component or a no-arg method {@code x()}, a getter {@code getX()} (or {@code isX()}
 * returning a boolean), then a field {@code x}. Only members the traced class could use itself
 * count; static members and methods that take parameters, return nothing or declare checked
 * exceptions are not properties. Steps that could change what the traced method does are refused
 * before any of that ({@link StatefulSteps}): nothing is read from a source such as an iterator,
 * and no method is called that changes, waits for or runs its receiver.
 */
final class Properties {

  /**
   * A property that can be read.
   *
   * @param name the name a path uses
   * @param access the member access that reads it: {@code id()}, {@code getId()}, {@code id}
   * @param type its type as seen on the receiver, type arguments applied
   * @param declaredType the erasure of the member's own declared type: what the access yields
   *     on a raw receiver, which the advice has
   */
  record Property(String name, String access, TypeMirror type, TypeMirror declaredType) {}

  /** A member with the wanted name that cannot be read, and why (for the message). */
  record Unreadable(String member, String reason) {}

  /**
   * The outcome of looking a name up: the property, or why there is none that may be read (a
   * refused step, or a member that cannot be read), or neither when nothing has the name.
   */
  record Lookup(
      Optional<Property> property,
      Optional<StatefulSteps.Refusal> refused,
      Optional<Unreadable> unreadable) {}

  /** The outcome when nothing has the name. */
  private static final Lookup NOTHING =
      new Lookup(Optional.empty(), Optional.empty(), Optional.empty());

  private static final Set<String> OBJECT_METHODS =
      Set.of("getClass", "hashCode", "toString", "clone", "notify", "notifyAll", "wait");

  /** Accessors of the JDK's Optionals that throw when empty: valid, but never worth suggesting. */
  private static final Set<String> THROW_WHEN_EMPTY =
      Set.of("get", "orElseThrow", "getAsInt", "getAsLong", "getAsDouble");

  private final Types types;
  private final Elements elements;
  private final TypeMirror exception;
  private final TypeMirror runtimeException;
  private final StatefulSteps statefulSteps;

  Properties(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.statefulSteps = new StatefulSteps(types, elements);
    this.exception = elements.getTypeElement("java.lang.Exception").asType();
    this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
  }

  /** Looks {@code name} up on a value of {@code type}, as code in {@code from} would see it. */
  Lookup lookup(TypeMirror type, String name, TypeElement from) {
    if (type.getKind() == TypeKind.ARRAY) {
      return name.equals("length")
          ? found(new Property("length", "length", intType(), intType()))
          : NOTHING;
    }
    DeclaredType receiver = receiverOf(type);
    if (receiver == null) {
      return NOTHING;
    }
    Optional<StatefulSteps.Source> source = statefulSteps.source(receiver);
    if (source.isPresent()) {
      return refused(source.get()); // whatever the name: nothing is read from a source
    }
    Map<String, Candidate> candidates = candidates(receiver, from);
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    Unreadable firstUnreadable = null;
    for (String memberName : List.of(name, "get" + capitalized, "is" + capitalized)) {
      Candidate method = candidates.get(memberName + "()");
      if (method == null
          || (!memberName.equals(name)
              && (method.property() == null || !method.property().name().equals(name)))) {
        continue; // getX() and isX() count for x only when they are its getter
      }
      if (method.refused() != null) {
        return refused(method.refused()); // the call itself is wrong, readable or not
      }
      if (method.unreadable() == null) {
        return found(method.property());
      }
      firstUnreadable = firstUnreadable != null ? firstUnreadable : method.unreadable();
    }
    Candidate field = candidates.get(name);
    if (field != null && field.unreadable() == null) {
      return found(field.property());
    }
    if (firstUnreadable == null && field != null) {
      firstUnreadable = field.unreadable();
    }
    return new Lookup(Optional.empty(), Optional.empty(), Optional.ofNullable(firstUnreadable));
  }

  /**
   * Every readable property of {@code type} by the name a path would use, in member order,
   * without those every object has ({@code hashCode}, {@code toString}, ...) and without refused
   * steps, so that no message ever suggests one.
   */
  List<Property> readable(TypeMirror type, TypeElement from) {
    if (type.getKind() == TypeKind.ARRAY) {
      return List.of(new Property("length", "length", intType(), intType()));
    }
    DeclaredType receiver = receiverOf(type);
    if (receiver == null || statefulSteps.source(receiver).isPresent()) {
      return List.of();
    }
    Map<String, Property> byName = new LinkedHashMap<>();
    for (Candidate candidate : candidates(receiver, from).values()) {
      boolean throwsWhenEmpty =
          THROW_WHEN_EMPTY.contains(candidate.memberName())
              && ((TypeElement) receiver.asElement())
                  .getQualifiedName().toString().startsWith("java.util.Optional");
      if (candidate.unreadable() == null
          && candidate.refused() == null
          && !OBJECT_METHODS.contains(candidate.memberName())
          && !throwsWhenEmpty) {
        byName.putIfAbsent(candidate.property().name(), candidate.property());
      }
    }
    return List.copyOf(byName.values());
  }

  /** The names {@link #lookup} would accept, for "did you mean". */
  List<String> names(TypeMirror type, TypeElement from) {
    return readable(type, from).stream().map(Property::name).collect(Collectors.toList());
  }

  /**
   * A member and the property it would be, keyed by {@code name()} for methods, name for fields;
   * {@code refused} is set for a method that is a refused step.
   */
  private record Candidate(
      String memberName, Property property, StatefulSteps.Call refused, Unreadable unreadable) {}

  private Map<String, Candidate> candidates(DeclaredType receiver, TypeElement from) {
    TypeElement element = (TypeElement) receiver.asElement();
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    List<? extends Element> members = elements.getAllMembers(element);
    List<ExecutableElement> methods = ElementFilter.methodsIn(members);
    for (ExecutableElement method : methods) {
      if (method.getParameters().isEmpty()) {
        String memberName = method.getSimpleName().toString();
        TypeMirror type = ((ExecutableType) types.asMemberOf(receiver, method)).getReturnType();
        Property property =
            new Property(
                propertyName(memberName, isBoolean(type)), memberName + "()", type,
                types.erasure(method.getReturnType()));
        candidates.putIfAbsent(
            memberName + "()",
            candidate(
                memberName, property, statefulSteps.call(method, element).orElse(null),
                unreadableMethodReason(method, from), element));
      }
    }
    for (ExecutableElement method : methods) {
      if (!method.getParameters().isEmpty()) {
        String memberName = method.getSimpleName().toString();
        String parameters =
            method.getParameters().stream()
                .map(p -> TypeNames.withoutPackages(types.erasure(p.asType()).toString()))
                .collect(Collectors.joining(", ", "(", ")"));
        candidates.putIfAbsent(
            memberName + "()",
            new Candidate(
                memberName, null, null,
                new Unreadable(
                    element.getSimpleName() + "." + memberName + parameters,
                    "it takes parameters, and a property takes none")));
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(members)) {
      String name = field.getSimpleName().toString();
      TypeMirror type = types.asMemberOf(receiver, field);
      Property property = new Property(name, name, type, types.erasure(field.asType()));
      candidates.putIfAbsent(
          name, candidate(name, property, null, unreadableReason(field, from), element));
    }
    return candidates;
  }

  private static Candidate candidate(
      String memberName,
      Property property,
      StatefulSteps.Call refused,
      String reason,
      TypeElement owner) {
    String member = property == null || property.access().endsWith("()")
        ? memberName + "()"
        : memberName;
    return new Candidate(
        memberName, property, refused,
        reason == null ? null : new Unreadable(owner.getSimpleName() + "." + member, reason));
  }

  /**
   * The name a path uses for a no-arg method: {@code customer} for {@code getCustomer()}, and for
   * {@code isActive()} when it returns a boolean; the method's own name otherwise.
   */
  private static String propertyName(String methodName, boolean returnsBoolean) {
    String prefix = methodName.startsWith("get") ? "get"
        : methodName.startsWith("is") && returnsBoolean ? "is"
        : null;
    if (prefix == null
        || methodName.length() == prefix.length()
        || !Character.isUpperCase(methodName.charAt(prefix.length()))) {
      return methodName;
    }
    String rest = methodName.substring(prefix.length());
    // As java.beans does it: URL stays URL, Name becomes name.
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  private String unreadableMethodReason(ExecutableElement method, TypeElement from) {
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return "it returns nothing";
    }
    String reason = unreadableReason(method, from);
    if (reason != null) {
      return reason;
    }
    List<String> checked = new ArrayList<>();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (types.isSubtype(thrown, exception) && !types.isSubtype(thrown, runtimeException)) {
        checked.add(((DeclaredType) thrown).asElement().getSimpleName().toString());
      }
    }
    if (!checked.isEmpty()) {
      return "it declares " + String.join(", ", checked)
          + ", and reading an attribute must never make the traced method fail";
    }
    return null;
  }

  /** Why code in {@code from} cannot read {@code member} as a property, or null if it can. */
  private String unreadableReason(Element member, TypeElement from) {
    Set<Modifier> modifiers = member.getModifiers();
    if (modifiers.contains(Modifier.STATIC)) {
      return "it is static, and a path reads properties of the value";
    }
    TypeElement owner = (TypeElement) member.getEnclosingElement();
    boolean isInterfaceMember = owner.getKind().isInterface();
    if (modifiers.contains(Modifier.PUBLIC) || (isInterfaceMember
        && !modifiers.contains(Modifier.PRIVATE))) {
      return accessibleType(owner, from) ? null : "its class is not accessible from "
          + from.getSimpleName();
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      return outermost(owner).equals(outermost(from))
          ? null
          : "it is private in " + owner.getSimpleName();
    }
    boolean samePackage = elements.getPackageOf(owner).equals(elements.getPackageOf(from));
    if (samePackage) {
      return null;
    }
    if (modifiers.contains(Modifier.PROTECTED)
        && types.isSubtype(types.erasure(from.asType()), types.erasure(owner.asType()))) {
      return null;
    }
    return (modifiers.contains(Modifier.PROTECTED) ? "it is protected" : "it is package-private")
        + " in " + owner.getSimpleName() + ", in another package";
  }

  /** Whether code in {@code from} can name {@code type}. */
  boolean accessibleType(TypeElement type, TypeElement from) {
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      Set<Modifier> modifiers = t.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE) && !outermost(t).equals(outermost(from))) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PRIVATE)
          && !elements.getPackageOf(t).equals(elements.getPackageOf(from))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The declared type whose members a value of {@code type} has: the type itself, or the first
   * bound of a type variable (which is what the advice, seeing the erasure, can call).
   */
  DeclaredType receiverOf(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      return declared;
    }
    if (type instanceof TypeVariable variable) {
      TypeMirror bound = variable.getUpperBound();
      if (bound instanceof IntersectionType intersection) {
        bound = intersection.getBounds().get(0);
      }
      return receiverOf(bound);
    }
    return null;
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement outer = type;
    while (!(outer.getEnclosingElement() instanceof PackageElement)) {
      Element enclosing = outer.getEnclosingElement();
      if (!(enclosing instanceof TypeElement enclosingType)) {
        return outer;
      }
      outer = enclosingType;
    }
    return outer;
  }

  private boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN
        || (type instanceof DeclaredType declared
            && ((TypeElement) declared.asElement())
                .getQualifiedName()
                .contentEquals("java.lang.Boolean"));
  }

  private TypeMirror intType() {
    return types.getPrimitiveType(TypeKind.INT);
  }

  private static Lookup found(Property property) {
    return new Lookup(Optional.of(property), Optional.empty(), Optional.empty());
  }

  private static Lookup refused(StatefulSteps.Refusal refusal) {
    return new Lookup(Optional.empty(), Optional.of(refusal), Optional.empty());
  }
}
