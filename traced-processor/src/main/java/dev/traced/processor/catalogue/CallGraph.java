package dev.traced.processor.catalogue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.traced.processor.validation.TracedMethodValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The static span topology: which {@code @Traced} methods a traced method's body calls
 * directly, each a possible child span.
 *
 * <p>javac attributes method bodies only after annotation processing, so no call in a body has
 * a resolved element yet. The receiver of each call is therefore resolved here from what is
 * known: {@code m()} and {@code this.m()} on the enclosing classes, {@code x.m()} on the declared
 * type of a parameter, a local variable with a written type (or {@code var x = new T(...)}) or a
 * field, {@code T.m()} on a type named through the imports, the package or {@code java.lang},
 * and {@code new T(...).m()}. Methods are matched by name and number of arguments, so an
 * overloaded name may give an edge to each overload. Calls on the result of another call, in
 * lambdas, method references and local or anonymous classes are not followed; a virtual call
 * gives its static target, not the overriding methods. Docs: docs/catalogue.md.
 */
final class CallGraph {

  private final Trees trees;
  private final Elements elements;
  private final Types types;

  CallGraph(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
  }

  /** The ids of the traced methods {@code method}'s body may call directly, sorted. */
  List<String> children(ExecutableElement method) {
    if (trees == null) {
      return List.of();
    }
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return List.of();
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    CompilationUnitTree unit = path.getCompilationUnit();
    Map<String, TypeMirror> parameters = new HashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.put(parameter.getSimpleName().toString(), parameter.asType());
    }
    TreeSet<String> children = new TreeSet<>();
    Map<String, TypeElement> locals = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        TypeElement type = null;
        Tree typeTree = variable.getType();
        if (typeTree != null && !typeTree.toString().equals("var")) {
          type = typeNamed(typeTree, owner, unit);
        } else if (variable.getInitializer() instanceof NewClassTree created) {
          type = typeNamed(created.getIdentifier(), owner, unit);
        }
        if (type != null) {
          locals.put(variable.getName().toString(), type);
        } else {
          locals.remove(variable.getName().toString()); // hides a field of the same name
        }
        return super.visitVariable(variable, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        int arity = call.getArguments().size();
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof IdentifierTree name) {
          for (Element type = owner; type instanceof TypeElement t; type = t.getEnclosingElement()) {
            if (addTraced(t, name.getName().toString(), arity, children)) {
              break;
            }
          }
        } else if (select instanceof MemberSelectTree member) {
          TypeElement receiver = receiverType(member.getExpression(), owner, unit, parameters,
              locals);
          if (receiver != null) {
            addTraced(receiver, member.getIdentifier().toString(), arity, children);
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      // Code in these runs later or elsewhere, if at all: not a direct child.
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree local, Void unused) {
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree created, Void unused) {
        // scan the arguments, never an anonymous class body
        scan(created.getEnclosingExpression(), unused);
        scan(created.getArguments(), unused);
        return null;
      }
    }.scan(tree.getBody(), null);
    return new ArrayList<>(children);
  }

  /** Adds the traced methods of {@code type} (inherited ones too); whether it has any so named. */
  private boolean addTraced(TypeElement type, String name, int arity, TreeSet<String> into) {
    boolean named = false;
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!candidate.getSimpleName().contentEquals(name)) {
        continue;
      }
      named = true;
      int parameters = candidate.getParameters().size();
      boolean fits = parameters == arity || (candidate.isVarArgs() && arity >= parameters - 1);
      if (fits && TracedMethodValidator.tracedAnnotation(candidate).isPresent()) {
        into.add(SpanCatalogue.id(candidate, types));
      }
    }
    return named;
  }

  /** The static type of a call's receiver, when it can be told without attribution. */
  private TypeElement receiverType(
      ExpressionTree receiver,
      TypeElement owner,
      CompilationUnitTree unit,
      Map<String, TypeMirror> parameters,
      Map<String, TypeElement> locals) {
    if (receiver instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      if (name.equals("this")) {
        return owner;
      }
      if (name.equals("super")) {
        return typeOf(owner.getSuperclass());
      }
      if (locals.containsKey(name)) {
        return locals.get(name);
      }
      if (parameters.containsKey(name)) {
        return typeOf(parameters.get(name));
      }
      TypeElement field = fieldType(owner, name);
      if (field != null) {
        return field;
      }
      return typeNamed(identifier, owner, unit); // a static call: T.m()
    }
    if (receiver instanceof MemberSelectTree member) {
      if (member.getExpression() instanceof IdentifierTree self
          && self.getName().contentEquals("this")) {
        return fieldType(owner, member.getIdentifier().toString());
      }
      return typeNamed(member, owner, unit); // a.b.T.m() or Outer.Inner.m()
    }
    if (receiver instanceof NewClassTree created && created.getClassBody() == null) {
      return typeNamed(created.getIdentifier(), owner, unit);
    }
    return null; // the result of a call, a cast, an array element ...: not followed
  }

  /** The type of the field {@code name} of {@code owner} or its enclosing classes. */
  private TypeElement fieldType(TypeElement owner, String name) {
    for (Element type = owner; type instanceof TypeElement t; type = t.getEnclosingElement()) {
      for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(t))) {
        if (field.getSimpleName().contentEquals(name)) {
          return typeOf(field.asType());
        }
      }
    }
    return null;
  }

  private TypeElement typeOf(TypeMirror type) {
    if (type == null) {
      return null;
    }
    if (type.getKind() == TypeKind.TYPEVAR) {
      type = types.erasure(type);
    }
    return type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element ? element : null;
  }

  /**
   * The type a source name refers to in {@code unit}: a nested type of the enclosing classes, a
   * single-type import, a type of the same package, an on-demand import, {@code java.lang}; or a
   * qualified name.
   */
  private TypeElement typeNamed(Tree tree, TypeElement owner, CompilationUnitTree unit) {
    if (tree instanceof ParameterizedTypeTree parameterized) {
      tree = parameterized.getType();
    }
    if (tree == null) {
      return null;
    }
    String name = tree.toString();
    if (name.contains("<") || name.contains("[")) {
      return null;
    }
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    TypeElement start = simpleType(first, owner, unit);
    if (start != null) {
      return rest.isEmpty() ? start : elements.getTypeElement(start.getQualifiedName() + rest);
    }
    return dot < 0 ? null : elements.getTypeElement(name);
  }

  private TypeElement simpleType(String name, TypeElement owner, CompilationUnitTree unit) {
    for (Element type = owner; type instanceof TypeElement t; type = t.getEnclosingElement()) {
      if (t.getSimpleName().contentEquals(name)) {
        return t;
      }
      for (TypeElement nested : ElementFilter.typesIn(elements.getAllMembers(t))) {
        if (nested.getSimpleName().contentEquals(name)) {
          return nested;
        }
      }
    }
    List<String> onDemand = new ArrayList<>();
    for (ImportTree imported : unit.getImports()) {
      if (imported.isStatic()) {
        continue;
      }
      String qualified = imported.getQualifiedIdentifier().toString();
      if (qualified.endsWith("." + name)) {
        TypeElement type = elements.getTypeElement(qualified);
        if (type != null) {
          return type;
        }
      } else if (qualified.endsWith(".*")) {
        onDemand.add(qualified.substring(0, qualified.length() - 1));
      }
    }
    PackageElement pkg = elements.getPackageOf(owner);
    String prefix = pkg.isUnnamed() ? "" : pkg.getQualifiedName() + ".";
    TypeElement samePackage = elements.getTypeElement(prefix + name);
    if (samePackage != null) {
      return samePackage;
    }
    for (String packagePrefix : onDemand) {
      TypeElement type = elements.getTypeElement(packagePrefix + name);
      if (type != null && type.getKind() != ElementKind.PACKAGE) {
        return type;
      }
    }
    return elements.getTypeElement("java.lang." + name);
  }
}
