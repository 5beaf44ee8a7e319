package dev.traced.catalogue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods a class file declares, and which of them carry {@code @Traced}: just enough of the
 * class file format (JVMS chapter 4) to tell a woven class from one that was not, without a
 * bytecode library.
 */
final class ClassFileMethods {

  /** The descriptor of {@code @dev.traced.Traced}, kept in the class file (retention CLASS). */
  static final String TRACED_DESCRIPTOR = "Ldev/traced/Traced;";

  /**
   * One method.
   *
   * @param traced whether it carries {@code @Traced}
   */
  record Method(String name, String descriptor, boolean traced) {}

  private ClassFileMethods() {}

  /** The methods of the class file {@code bytes}; an IOException if it is not one. */
  static List<Method> read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    String[] utf8 = constantPool(in);
    in.readUnsignedShort(); // access flags
    in.readUnsignedShort(); // this class
    in.readUnsignedShort(); // super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.skipNBytes(6); // access flags, name, descriptor
      skipAttributes(in);
    }
    int methodCount = in.readUnsignedShort();
    List<Method> methods = new ArrayList<>(methodCount);
    for (int i = 0; i < methodCount; i++) {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      boolean traced = false;
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("RuntimeInvisibleAnnotations")) {
          traced |= hasAnnotation(in, utf8, TRACED_DESCRIPTOR);
        } else {
          in.skipNBytes(length);
        }
      }
      methods.add(new Method(name, descriptor, traced));
    }
    return methods;
  }

  /** The pool's UTF-8 constants by index; other entries are skipped and left null. */
  private static String[] constantPool(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // the class file's UTF-8 is Java's modified UTF-8
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> { // Long and Double take two entries
          in.skipNBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return utf8;
  }

  /** Reads a RuntimeInvisibleAnnotations attribute: whether it holds {@code descriptor}. */
  private static boolean hasAnnotation(DataInputStream in, String[] utf8, String descriptor)
      throws IOException {
    boolean found = false;
    int annotations = in.readUnsignedShort();
    for (int i = 0; i < annotations; i++) {
      found |= descriptor.equals(utf8[in.readUnsignedShort()]);
      skipElementValuePairs(in);
    }
    return found;
  }

  private static void skipElementValuePairs(DataInputStream in) throws IOException {
    int pairs = in.readUnsignedShort();
    for (int i = 0; i < pairs; i++) {
      in.skipNBytes(2); // element name
      skipElementValue(in);
    }
  }

  private static void skipElementValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.skipNBytes(2);
      case 'e' -> in.skipNBytes(4);
      case '@' -> {
        in.skipNBytes(2); // type
        skipElementValuePairs(in);
      }
      case '[' -> {
        int values = in.readUnsignedShort();
        for (int i = 0; i < values; i++) {
          skipElementValue(in);
        }
      }
      default -> throw new IOException("unknown annotation element tag " + (char) tag);
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }
}
