package dev.traced.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises keys and paths that look like secrets or personal data ({@code user.password},
 * {@code request.authToken}, {@code customer.email}), which must not end up in traces unless the
 * annotation says it is intended. Names are split into words at dots, underscores, hyphens and
 * camel-case humps, and the words are compared with a list; words, not substrings, so that
 * {@code server.address} or {@code gen_ai.usage.input_tokens} are not mistaken for secrets.
 */
final class SensitiveData {

  /** A sensitive word found in a name. */
  record Match(String words, String category) {}

  private static final String SECRET = "a secret";
  private static final String PERSONAL = "personal data";

  /** Single words and what they suggest. */
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("password", SECRET),
          Map.entry("passwords", SECRET),
          Map.entry("passwd", SECRET),
          Map.entry("pwd", SECRET),
          Map.entry("passphrase", SECRET),
          Map.entry("secret", SECRET),
          Map.entry("secrets", SECRET),
          Map.entry("token", SECRET),
          Map.entry("apikey", SECRET),
          Map.entry("apikeys", SECRET),
          Map.entry("credential", SECRET),
          Map.entry("credentials", SECRET),
          Map.entry("authorization", SECRET),
          Map.entry("bearer", SECRET),
          Map.entry("jwt", SECRET),
          Map.entry("otp", SECRET),
          Map.entry("cookie", SECRET),
          Map.entry("cookies", SECRET),
          Map.entry("cvv", PERSONAL),
          Map.entry("cvc", PERSONAL),
          Map.entry("creditcard", PERSONAL),
          Map.entry("iban", PERSONAL),
          Map.entry("ssn", PERSONAL),
          Map.entry("email", PERSONAL),
          Map.entry("emails", PERSONAL),
          Map.entry("phone", PERSONAL),
          Map.entry("phones", PERSONAL),
          Map.entry("msisdn", PERSONAL),
          Map.entry("passport", PERSONAL),
          Map.entry("birthdate", PERSONAL),
          Map.entry("birth", PERSONAL),
          Map.entry("dob", PERSONAL));

  /** Two neighbouring words and what they suggest. */
  private static final Map<String, String> PAIRS =
      Map.ofEntries(
          Map.entry("api key", SECRET),
          Map.entry("access key", SECRET),
          Map.entry("private key", SECRET),
          Map.entry("secret key", SECRET),
          Map.entry("session id", SECRET),
          Map.entry("credit card", PERSONAL),
          Map.entry("card number", PERSONAL),
          Map.entry("social security", PERSONAL),
          Map.entry("tax id", PERSONAL),
          Map.entry("national id", PERSONAL),
          Map.entry("e mail", PERSONAL));

  private SensitiveData() {}

  /** The first sensitive word of {@code name}, if it has one. */
  static Optional<Match> find(String name) {
    List<String> words = words(name);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (i + 1 < words.size()) {
        String pair = word + " " + words.get(i + 1);
        if (PAIRS.containsKey(pair)) {
          return Optional.of(new Match(pair, PAIRS.get(pair)));
        }
      }
      if (WORDS.containsKey(word)) {
        return Optional.of(new Match(word, WORDS.get(word)));
      }
    }
    return Optional.empty();
  }

  /** {@code customer.emailAddress} → customer, email, address. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = !Character.isLetterOrDigit(c);
      boolean hump =
          Character.isUpperCase(c)
              && i > 0
              && (Character.isLowerCase(name.charAt(i - 1))
                  || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                      && Character.isUpperCase(name.charAt(i - 1))));
      if ((separator || hump) && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (!separator) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
