package shop;

import dev.traced.Traced;

public class Mail {

  @Traced(name = "mail.send")
  public void send() {}
}
