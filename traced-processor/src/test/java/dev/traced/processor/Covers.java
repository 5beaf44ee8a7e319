package dev.traced.processor;

import dev.traced.processor.diagnostics.Message;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the nested test class of {@link DiagnosticsTest} that tests one {@link Message}, so that
 * {@link DiagnosticsTest#everyUserFacingMessageHasTests()} can tell when a message has none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Covers {
  Message value();
}
