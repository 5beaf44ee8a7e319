import dev.traced.Traced;

/** Golden input: a class in the default package. */
class Plain {

  @Traced(attrs = "plain.value = value")
  void run(String value) {}
}
